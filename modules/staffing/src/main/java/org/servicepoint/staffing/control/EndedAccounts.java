package org.servicepoint.staffing.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicepoint.platform.control.SchemaReady;

/**
 * The timer that closes the accounts of people whose last day on the roster has passed (an end date set ahead of
 * time): every so often it asks for candidates of every library system, then closes each in a transaction of its own,
 * bound to its library system, where the day is checked in that library system's time zone. An end date of today or
 * earlier, set through the roster, closes the account at once and never waits for this.
 */
@ApplicationScoped
public class EndedAccounts {

    private static final Logger LOG = Logger.getLogger(EndedAccounts.class.getName());
    static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Roster roster;

    @Inject
    @ConfigProperty(name = "servicepoint.staffing.account-check-seconds", defaultValue = "900")
    long everySeconds;

    Clock clock = Clock.systemUTC();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile ScheduledFuture<?> schedule;

    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 760) SchemaReady ready) {
        long every = Math.max(5, everySeconds);
        schedule = executor.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.SECONDS);
    }

    /** One pass; answers how many accounts it closed. */
    int pass() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        int closed = 0;
        try {
            // Yesterday somewhere on Earth is at most the UTC date; each library system's own date is checked per entry.
            List<Roster.Entry> due = roster.accountsToClose(LocalDate.now(clock.withZone(ZoneOffset.UTC)), BATCH);
            for (Roster.Entry entry : due) {
                try {
                    if (roster.closeEndedAccount(entry)) {
                        closed++;
                    }
                } catch (RuntimeException e) {
                    // The next entry is tried all the same: one account Keycloak keeps refusing must not hold back the rest.
                    LOG.log(Level.WARNING, "could not close the account of roster entry " + entry.id() + " of " + entry.tenant()
                            + "; the next pass tries again", e);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ended accounts pass failed", e);
        } finally {
            running.set(false);
        }
        return closed;
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
    }
}
