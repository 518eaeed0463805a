package org.servicepoint.incidents.delivery.control;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pass of the delivery worker: send what is due, then mark reports that missed their deadline. Each step is
 * a transaction of its own ({@link Steps}): the claim commits first (short, holding a row lock only for that), then the
 * message and its PDF are composed in a read-only transaction, then it is sent, then the outcome is recorded for this
 * try only. A crash leaves a claim that runs out and is tried again.
 */
public final class DeliveryRun {

    private static final Logger LOG = Logger.getLogger(DeliveryRun.class.getName());

    /** The transactional steps: in the application CDI beans with their own transactions, in tests plain ones. */
    public interface Steps {
        java.util.List<DeliveryStore.Work> due(int max);

        /** Claims the delivery (committed when this returns); empty if it was not due any more. */
        Optional<DeliveryStore.Claim> claim(DeliveryStore.Work work);

        /** The message of a claimed delivery, the report's PDF included; after the claim's commit, in a transaction of its own. */
        OutgoingMail compose(DeliveryStore.Work work, DeliveryStore.Claim claim);

        /** Records the send, if {@code claim} is still the delivery's latest try. */
        void sent(DeliveryStore.Work work, DeliveryStore.Claim claim);

        /** Records the failure, if {@code claim} is still the delivery's latest try. */
        void failed(DeliveryStore.Work work, DeliveryStore.Claim claim, String error, boolean permanent);

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
            Optional<DeliveryStore.Claim> claim;
            try {
                claim = steps.claim(work);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not claim delivery " + work.id() + " of " + work.tenant(), e);
                continue;
            }
            if (claim.isEmpty()) {
                continue;
            }
            if (serverDown) {
                // The server was unreachable a moment ago: put this one back for later instead of waiting for a timeout.
                steps.failed(work, claim.get(), "mail server unavailable (not tried: an earlier send in this pass failed)", false);
                failed++;
                continue;
            }
            OutgoingMail mail;
            try {
                mail = steps.compose(work, claim.get());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not compose delivery " + work.id() + " of " + work.tenant(), e);
                steps.failed(work, claim.get(), "the message could not be composed; tried again later", false);
                failed++;
                continue;
            }
            try {
                mailer.send(mail);
            } catch (Mailer.Failure e) {
                steps.failed(work, claim.get(), e.getMessage(), e.permanent());
                serverDown = !e.permanent();
                failed++;
                continue;
            }
            steps.sent(work, claim.get());
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
