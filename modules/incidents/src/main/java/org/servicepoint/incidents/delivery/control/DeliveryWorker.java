package org.servicepoint.incidents.delivery.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicepoint.platform.control.SchemaReady;

/**
 * Sends the outbox: every few seconds, and at once after a transaction that queued deliveries commits. One pass
 * at a time per application instance; several instances share the work safely through the row claims.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
    private static final int BATCH = 100;

    /** Fired by the signing transaction; observed after its commit, so the worker sees the new rows. */
    public record Queued(int deliveries) {
    }

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    DeliverySteps steps;

    @Inject
    MailConfig config;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean started;
    private volatile ScheduledFuture<?> schedule;
    private volatile DeliveryRun run;

    // After the incident forms (the last start-up step that writes).
    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) SchemaReady ready) {
        if (!config.enabled()) {
            LOG.warning("servicepoint.mail.enabled=false: incident reports are queued for mail but not sent");
            return;
        }
        MailSettings settings;
        try {
            settings = config.settings();
        } catch (IllegalStateException refused) {
            // Thrown on: the start-up sequence fails and the application does not start with these settings.
            LOG.severe(refused.getMessage());
            throw refused;
        }
        if (!settings.startTls()) {
            LOG.warning("servicepoint.mail.starttls=false: incident reports go to " + settings.host() + ":" + settings.port()
                    + " unencrypted; only for a mail catcher on this machine");
        }
        run = new DeliveryRun(steps, new Mailer(settings), BATCH);
        started = true;
        long every = config.poll().toMillis();
        schedule = executor.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "incident report mail: " + settings.host() + ":" + settings.port() + " from " + settings.from()
                + ", every " + config.poll().toSeconds() + " s");
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued queued) {
        // Nothing to send (every recipient lacked an address): the scheduled pass sees to deadlines.
        if (started && queued.deliveries() > 0) {
            executor.execute(this::pass);
        }
    }

    /** Runs passes until nothing new arrived meanwhile; a pass asked for while one runs is run right after it. */
    void pass() {
        again.set(true);
        while (again.getAndSet(false)) {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            try {
                DeliveryRun.Outcome outcome = run.once();
                if (outcome.sent() > 0 || outcome.failed() > 0 || outcome.overdue() > 0) {
                    LOG.fine(() -> "incident mail pass: " + outcome);
                }
                if (outcome.sent() == BATCH) {
                    again.set(true);
                }
            } catch (RuntimeException e) {
                // The database may be away for a moment; the next pass tries again.
                LOG.log(Level.WARNING, "incident mail pass failed", e);
            } finally {
                running.set(false);
            }
        }
    }

    @PreDestroy
    void stop() {
        ScheduledFuture<?> s = schedule;
        if (s != null) {
            s.cancel(false);
        }
    }
}
