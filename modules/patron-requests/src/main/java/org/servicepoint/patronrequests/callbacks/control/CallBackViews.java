package org.servicepoint.patronrequests.callbacks.control;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.patronrequests.callbacks.entity.CallBack;

/** What the call-back API answers: records on the wire, never the entities. */
public final class CallBackViews {

    private CallBackViews() {
    }

    /** A call-back in the queue: no question and no contact, so a list reads nothing sealed. */
    @Schema(name = "CallBackInQueue")
    public record InQueue(UUID id, String reference, String branch,
                          @Schema(enumeration = {"open", "claimed", "done"}) String state,
                          Instant offeredAt, Instant dueAt, boolean overdue,
                          @Schema(description = "who holds it (claimed or handed over to); absent while open") String claimedBy,
                          @Schema(description = "whether the caller holds it") boolean mine,
                          Instant closedAt, boolean hasContact) {

        static InQueue of(CallBack c, String caller, Instant now) {
            return new InQueue(c.id(), c.reference(), c.branchCode(), c.state(), c.offeredAt(), c.dueAt(),
                    c.open() && c.dueAt().isBefore(now), c.claimedBy(), caller.equals(c.claimedBy()), c.closedAt(),
                    c.contactId() != null);
        }
    }

    /** One call-back with its question (reading it is audited) and what happened to it, oldest first. */
    @Schema(name = "CallBack")
    public record Detail(UUID id, String reference, String branch, String state, String question, Instant offeredAt,
                         String offeredBy, Instant dueAt, boolean overdue, String claimedBy, boolean mine, Instant closedAt,
                         boolean hasContact, Instant inChargeToldAt, Instant headquartersToldAt, List<Step> steps) {
    }

    @Schema(name = "CallBackStep")
    public record Step(Instant at, @Schema(enumeration = {"offered", "claimed", "attempt", "handed-over"}) String step,
                       @Schema(enumeration = {"no-answer", "left-message", "done"}) String outcome, String handedTo, String by) {
    }

    /** How to reach the patron, for the one making the call (audited with purpose "call-back"). */
    @Schema(name = "CallBackContact")
    public record Contact(String name, String phone, String email, String language) {
    }

    /** Someone a call-back may be handed to: on the roster at the call-back's branch, signing in. */
    @Schema(name = "CallBackColleague")
    public record Colleague(UUID staffId, String tagName, String username) {
    }
}
