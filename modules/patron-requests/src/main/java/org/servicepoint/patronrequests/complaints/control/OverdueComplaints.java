package org.servicepoint.patronrequests.complaints.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicepoint.platform.control.SchemaReady;

/**
 * The timer that tells headquarters of complaints past their due time without a response: every few minutes it asks
 * the database for newly overdue complaints of every library system (ids only, through a definer function), then
 * tells each in a transaction of its own, bound to its library system, marking it so it is told once. Several
 * application instances may run it: the complaint is locked and its mark checked before anyone is told.
 */
@ApplicationScoped
public class OverdueComplaints {

    private static final Logger LOG = Logger.getLogger(OverdueComplaints.class.getName());
    static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    Complaints complaints;

    @Inject
    @ConfigProperty(name = "servicepoint.complaints.overdue-check-seconds", defaultValue = "300")
    long everySeconds;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile ScheduledFuture<?> schedule;

    // After the start-up steps that write (onboarding, sealing, demo data).
    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 750) SchemaReady ready) {
        long every = Math.max(5, everySeconds);
        schedule = executor.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.SECONDS);
    }

    /** One pass: every newly overdue complaint told, in batches; answers how many were told. */
    int pass() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        int told = 0;
        try {
            java.util.List<ComplaintStore.Work> due;
            do {
                due = complaints.newlyOverdue(BATCH);
                for (ComplaintStore.Work complaint : due) {
                    try {
                        if (complaints.tellOverdue(complaint)) {
                            told++;
                        }
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "could not tell headquarters of overdue complaint " + complaint.id() + " of "
                                + complaint.tenant(), e);
                        return told; // the next pass tries again; a complaint that keeps failing must not loop here
                    }
                }
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next pass tries again.
            LOG.log(Level.WARNING, "overdue complaints pass failed", e);
        } finally {
            running.set(false);
        }
        return told;
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
    }
}
