package org.servicepoint.confidentiality.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.AuditEvent.Outcome;
import org.servicepoint.platform.entity.TenantId;

/**
 * The nightly purge, at 03:00 server time: every tenant with confidential records, each in a transaction of
 * its own and as the system, so one tenant's failure neither stops nor undoes another's purge.
 */
@Singleton
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    @Inject
    Retention retention;

    @Inject
    ConfidentialityKeys keys;

    @Inject
    AuditLog audit;

    @Schedule(hour = "3", minute = "0", second = "0", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void nightly() {
        for (TenantId tenant : keys.tenants()) {
            try {
                retention.purge(tenant, Caller.SYSTEM);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "retention purge failed for " + tenant, e);
                try {
                    // The failed purge was rolled back; its failure is recorded on its own.
                    audit.unsuccessful(tenant, Caller.SYSTEM, "retention.purge", "retention", Outcome.FAILED,
                            e.getClass().getSimpleName());
                } catch (RuntimeException ignored) {
                    LOG.log(Level.WARNING, "could not audit the failed purge of " + tenant, ignored);
                }
            }
        }
    }
}
