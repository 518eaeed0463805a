package org.servicepoint.patronrequests.reconsideration.control;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One request to reconsider a library item as the committee and persons in charge read it. */
@Schema(name = "Reconsideration")
@JsonbPropertyOrder({"id", "reference", "branch", "item", "objection", "consumed", "asks", "receivedAt", "state", "itemDuringReview",
        "committee", "steps", "decision", "hasContact", "letter"})
public record ReconsiderationView(
        UUID id,
        @Schema(example = "R-2026-0042") String reference,
        @Schema(example = "PINE-HOLLOW") String branch,
        Item item,
        @Schema(description = "what the patron objects to, as they wrote it") String objection,
        @Schema(enumeration = {"whole", "part", "not"}, description = "how much of the item the patron read, viewed or heard")
        String consumed,
        @Schema(description = "what the patron asks the library to do; absent if they left it empty") String asks,
        Instant receivedAt,
        @Schema(enumeration = {"received", "in-review", "decided"}) String state,
        @Schema(description = "the library system's words for the item's status during review: shown, not enforced")
        String itemDuringReview,
        @Schema(type = SchemaType.ARRAY, implementation = CommitteeSeat.class) List<CommitteeSeat> committee,
        @Schema(type = SchemaType.ARRAY, implementation = StepView.class) List<StepView> steps,
        @JsonbNillable @Schema(description = "null until the committee has decided") Decision decision,
        @Schema(description = "the patron left a way to reach them") boolean hasContact,
        @Schema(description = "a decision letter can be printed (GET …/letter)") boolean letter) {

    /** The item as the library catalogues it. */
    @Schema(name = "ReconsideredItem")
    @JsonbPropertyOrder({"title", "author", "format"})
    public record Item(String title, String author,
                       @Schema(enumeration = {"book", "audio", "video", "ebook", "magazine", "other"}) String format) {
    }

    /** A committee position, its name and who holds it today. */
    @Schema(name = "ReconsiderationCommitteeSeat")
    @JsonbPropertyOrder({"position", "name", "staff"})
    public record CommitteeSeat(@Schema(example = "executive-director") String position, String name,
                                @Schema(type = SchemaType.ARRAY, implementation = Member.class) List<Member> staff) {
    }

    @Schema(name = "ReconsiderationCommitteeMember")
    public record Member(UUID staffId, String tagName) {
    }

    /** A step of the review; dueAt is known once the step before it is done. */
    @Schema(name = "ReconsiderationStep")
    @JsonbPropertyOrder({"step", "days", "dueAt", "doneAt", "by", "note", "overdue"})
    public record StepView(@Schema(example = "acknowledge") String step, int days, Instant dueAt, Instant doneAt,
                           @Schema(description = "who did it (username)") String by, String note,
                           @Schema(description = "not done and past its due date") boolean overdue) {
    }

    @Schema(name = "ReconsiderationDecision")
    @JsonbPropertyOrder({"outcome", "reasons", "decidedAt", "by"})
    public record Decision(@Schema(enumeration = {"keep", "move", "relabel", "withdraw"}) String outcome, String reasons,
                           Instant decidedAt, @Schema(description = "who recorded it (username)") String by) {
    }
}
