package org.servicepoint.patronrequests.callbacks.control;

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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicepoint.platform.control.SchemaReady;

/** Every minute (by default), tells of call-backs that became overdue; several instances are safe (row locks). */
@ApplicationScoped
public class CallBackWatch {

    private static final Logger LOG = Logger.getLogger(CallBackWatch.class.getName());
    private static final int BATCH = 100;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    CallBackOverdue overdue;

    @Inject
    @ConfigProperty(name = "servicepoint.callbacks.watch-seconds", defaultValue = "60")
    int everySeconds;

    private volatile ScheduledFuture<?> schedule;

    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 710) SchemaReady ready) {
        schedule = executor.scheduleWithFixedDelay(this::pass, everySeconds, everySeconds, TimeUnit.SECONDS);
    }

    /** One pass; answers how many call-backs someone was told of. */
    int pass() {
        int told = 0;
        try {
            for (CallBackOverdue.Work job : overdue.toTell(BATCH)) {
                try {
                    overdue.tell(job);
                    told++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not tell of overdue call-back " + job.id() + " of " + job.tenant(), e);
                }
            }
        } catch (RuntimeException e) {
            // The database may be away for a moment; the next pass tries again.
            LOG.log(Level.WARNING, "call-back overdue pass failed", e);
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
