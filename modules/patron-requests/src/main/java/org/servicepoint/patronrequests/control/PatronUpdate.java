package org.servicepoint.patronrequests.control;

import org.servicepoint.patronrequests.entity.ContactChannel;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.platform.control.TenantWork;

/**
 * A contact with the patron about a matter, fired as a CDI event inside the transaction that makes it (a response to a
 * complaint, a decision, a receipt, an update): the follow-ups component records it in the matter's history and, for
 * EMAIL, composes the mail from the library system's template in the patron's language and queues it
 * ({@link MailToSend}). {@code template}: receipt | update | decision. {@code key} makes it idempotent.
 */
public record PatronUpdate(TenantWork.Acting at, MatterRef matter, ContactChannel channel, String template, String text, String key) {
}
