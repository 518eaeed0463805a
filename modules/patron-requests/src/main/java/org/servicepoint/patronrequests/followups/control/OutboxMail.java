package org.servicepoint.patronrequests.followups.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import org.servicepoint.incidents.delivery.control.MailOutbox;
import org.servicepoint.patronrequests.control.MailToSend;

/**
 * Queues every mail the patron-requests components ask for ({@link MailToSend}) in the incidents outbox, inside the
 * transaction that fired it: the mail exists exactly when the change committed, once per key, and is sent once. A
 * patron's address, subject and text are sealed there.
 */
@ApplicationScoped
public class OutboxMail {

    @Inject
    MailOutbox outbox;

    void onMailToSend(@Observes MailToSend mail) {
        queue(mail);
    }

    /** Queues the mail; answers the outbox's id of it (the first one's when its key was queued before). */
    public UUID queue(MailToSend mail) {
        return switch (mail.audience()) {
            case STAFF -> outbox.toStaff(mail.tenant(), mail.key(), mail.staffMemberId(), mail.name(), mail.email(), mail.subject(),
                    mail.body());
            case PATRON -> outbox.toPatron(mail.tenant(), mail.key(), mail.email(), mail.subject(), mail.body());
        };
    }
}
