package org.servicepoint.patronrequests.control;

import org.servicepoint.patronrequests.entity.MatterRef;
import java.time.Instant;
import java.util.UUID;

/**
 * What follow-ups, updates to patrons and headquarters' overview need to know of a matter, whatever its kind. No patron
 * data and no free text: {@code label} is a text of the library's own (a policy's title, an item's title, a kind of
 * card), {@code reference} the number the patron was given (e.g. {@code C-2026-0042}), {@code state} the kind's own
 * wire code. {@code contactId} names the patron contact ({@link PatronContacts}), null when there is none.
 */
public record Matter(MatterRef ref, String reference, String branch, String label, String state, boolean open,
                     Instant openedAt, Instant dueAt, UUID contactId, String ownerUsername) {

    public boolean overdue(Instant now) {
        return open && dueAt != null && dueAt.isBefore(now);
    }
}
