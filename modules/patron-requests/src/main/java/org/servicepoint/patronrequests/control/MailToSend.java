package org.servicepoint.patronrequests.control;

import java.util.UUID;
import org.servicepoint.platform.entity.TenantId;

/**
 * A mail the patron-requests components want sent, fired as a CDI event inside the transaction of the change it
 * tells of; its observer queues it in the outbox (decision 0008) in that transaction, so it exists exactly when the
 * change committed and is sent once. {@code key} makes queuing idempotent: a second event with the same key queues
 * nothing. A PATRON mail's address, subject and text are sealed at rest; a STAFF mail goes to a roster address.
 */
public record MailToSend(TenantId tenant, String key, Audience audience, UUID staffMemberId, String name, String email,
                         String subject, String body) {

    public enum Audience { STAFF, PATRON }
}
