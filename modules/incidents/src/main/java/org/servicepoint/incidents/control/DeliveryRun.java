package org.servicepoint.incidents.control;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pass of the delivery worker: send what is due, then mark reports that missed their deadline. Each step is
 * a transaction of its own ({@link Steps}); the SMTP send happens between the claim's commit and the outcome's,
 * so a crash leaves a claim that runs out and is tried again.
 */
public final class DeliveryRun {

    private static final Logger LOG = Logger.getLogger(DeliveryRun.class.getName());

    /** The transactional steps: in the application CDI beans with their own transactions, in tests plain ones. */
    public interface Steps {
        java.util.List<DeliveryStore.Work> due(int max);

        /** Claims the delivery and composes its message; empty if it was not due any more. */
        Optional<OutgoingMail> claim(DeliveryStore.Work work);

        void sent(DeliveryStore.Work work);

        void failed(DeliveryStore.Work work, String error, boolean permanent);

        java.util.List<DeliveryStore.Work> newlyOverdue(int max);

        void overdue(DeliveryStore.Work report);
    }

    public record Outcome(int sent, int failed, int overdue) {
    }

    private final Steps steps;
    private final Mailer mailer;
    private final int batch;

    public DeliveryRun(Steps steps, Mailer mailer, int batch) {
        this.steps = steps;
        this.mailer = mailer;
        this.batch = batch;
    }

    public Outcome once() {
        int sent = 0;
        int failed = 0;
        boolean serverDown = false;
        for (DeliveryStore.Work work : steps.due(batch)) {
            Optional<OutgoingMail> mail;
            try {
                mail = steps.claim(work);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not claim delivery " + work.id() + " of " + work.tenant(), e);
                continue;
            }
            if (mail.isEmpty()) {
                continue;
            }
            if (serverDown) {
                // The server was unreachable a moment ago: put this one back for later instead of waiting for a timeout.
                steps.failed(work, "mail server unavailable (not tried: an earlier send in this pass failed)", false);
                failed++;
                continue;
            }
            try {
                mailer.send(mail.get());
            } catch (Mailer.Failure e) {
                steps.failed(work, e.getMessage(), e.permanent());
                serverDown = !e.permanent();
                failed++;
                continue;
            }
            steps.sent(work);
            sent++;
        }
        int overdue = 0;
        for (DeliveryStore.Work report : steps.newlyOverdue(batch)) {
            try {
                steps.overdue(report);
                overdue++;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not mark report " + report.id() + " of " + report.tenant() + " overdue", e);
            }
        }
        return new Outcome(sent, failed, overdue);
    }
}
