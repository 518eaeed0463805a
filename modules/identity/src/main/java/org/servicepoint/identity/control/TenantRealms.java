package org.servicepoint.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicepoint.platform.control.SchemaReady;
import org.servicepoint.tenancy.control.TenantSpec;
import org.servicepoint.tenancy.control.TenantsApplied;

/**
 * Keeps each library system's realm in step with its tenant document: after every apply has committed
 * (the database is the record; Keycloak follows it), and the operators' realm at start-up. A realm that
 * cannot be provisioned is logged and tried again at the next apply; the applied data stays.
 */
@ApplicationScoped
public class TenantRealms {

    private static final Logger LOG = Logger.getLogger(TenantRealms.class.getName());

    @Inject
    RealmProvisioning provisioning;

    void onApplied(@Observes(during = TransactionPhase.AFTER_SUCCESS) TenantsApplied applied) {
        for (TenantSpec tenant : applied.tenants()) {
            try {
                provisioning.provision(realmOf(tenant));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "the realm of " + tenant.slug() + " could not be provisioned; its staff cannot sign in "
                        + "until the next apply succeeds", e);
            }
        }
    }

    void onStart(@Observes SchemaReady ready) {
        try {
            provisioning.provisionOperatorRealm();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the operators' realm could not be provisioned", e);
        }
    }

    static RealmSpec realmOf(TenantSpec tenant) {
        return new RealmSpec(tenant.slug(), tenant.name(),
                tenant.positions().stream().map(TenantSpec.PositionSpec::code).toList(),
                tenant.demoUsers().stream()
                        .map(u -> new DemoUser(u.username(), u.tagName(), u.position(), u.branch(), u.roles()))
                        .toList(),
                tenant.idleLockMinutes() * 60);
    }
}
