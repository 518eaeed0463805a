package org.servicepoint.confidentiality.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Settings;
import org.servicepoint.platform.entity.AuditEvent.Outcome;
import org.servicepoint.platform.entity.TenantId;

/**
 * The nightly purge: once a night, from {@code servicepoint.retention.purge-at} (03:00 server time by default) on,
 * every tenant with confidential records, each in a transaction of its own and as the system, so one tenant's
 * failure neither stops nor undoes another's purge. Every instance looks each minute; the night's row per tenant
 * ({@code retention_purge_night}) lets only one of them purge it, and an instance that was down at the time (or
 * started later) still purges a night nobody purged.
 */
@Singleton
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());
    static final LocalTime DEFAULT_TIME = LocalTime.of(3, 0);

    @Inject
    Retention retention;

    @Inject
    ConfidentialityKeys keys;

    @Inject
    AuditLog audit;

    @Inject
    Settings settings;

    Clock clock = Clock.systemDefaultZone();

    /** The last night this instance has seen through; it only saves asking the database again. */
    private LocalDate seenThrough;

    @Schedule(hour = "*", minute = "*", second = "0", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void everyMinute() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate night = now.toLocalDate();
        if (night.equals(seenThrough) || now.toLocalTime().isBefore(time(settings.text("servicepoint.retention.purge-at", "03:00")))) {
            return;
        }
        nightly(night);
        seenThrough = night;
    }

    /** The time of day the purge is due from; a value that is not HH:MM keeps the default, with a log line. */
    static LocalTime time(String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            LOG.severe(() -> "servicepoint.retention.purge-at is not a time of day (HH:MM): " + value + "; using 03:00");
            return DEFAULT_TIME;
        }
    }

    void nightly(LocalDate night) {
        List<String> purged = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (TenantId tenant : keys.tenants()) {
            try {
                (retention.purgeNight(tenant, night).isPresent() ? purged : before).add(tenant.value());
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
        // Slugs only (not secret): which instance purged whom, for the operator and the two-replica test.
        LOG.info(() -> "retention purge, night " + night + ": purged here [" + String.join(", ", purged)
                + "], purged before [" + String.join(", ", before) + "]");
    }
}
