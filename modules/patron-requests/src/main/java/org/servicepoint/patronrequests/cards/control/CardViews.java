package org.servicepoint.patronrequests.cards.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the staff API answers about comment cards (wire records, not the entity). */
public final class CardViews {

    private CardViews() {
    }

    @Schema(name = "CommentCardListing")
    @JsonbPropertyOrder({"id", "reference", "branch", "kind", "state", "receivedAt", "mayReply", "hasContact"})
    public record Listing(UUID id, @Schema(example = "K-2026-0042") String reference, String branch,
                          @Schema(enumeration = {"praise", "suggestion", "complaint"}) String kind,
                          @Schema(enumeration = {"new", "thanked", "replied", "complaint", "forwarded", "closed"}) String state,
                          Instant receivedAt, boolean mayReply, boolean hasContact) {
    }

    @Schema(name = "CommentCard")
    @JsonbPropertyOrder({"id", "reference", "branch", "kind", "state", "receivedAt", "mayReply", "hasContact", "text", "language",
            "complaint", "forwardedTo", "steps"})
    public record Detail(UUID id, String reference, String branch,
                         @Schema(enumeration = {"praise", "suggestion", "complaint"}) String kind,
                         @Schema(enumeration = {"new", "thanked", "replied", "complaint", "forwarded", "closed"}) String state,
                         Instant receivedAt, boolean mayReply, boolean hasContact,
                         @Schema(description = "the patron's words (reading them is audited)") String text,
                         @Schema(enumeration = {"en", "es"}) String language, ComplaintRef complaint, Forwarded forwardedTo,
                         List<Step> steps) {
    }

    @Schema(name = "CommentCardComplaint")
    public record ComplaintRef(UUID id, String reference) {
    }

    @Schema(name = "CommentCardForwarded")
    public record Forwarded(String policy, String position) {
    }

    @Schema(name = "CommentCardStep")
    @JsonbPropertyOrder({"at", "step", "by"})
    public record Step(Instant at, String step, String by) {
    }

    @Schema(name = "CommentCardCount")
    @JsonbPropertyOrder({"branch", "kind", "count"})
    public record Count(String branch, String kind, long count) {
    }

    @Schema(name = "CommentCardTurnedIntoComplaint")
    public record Turned(ComplaintRef complaint) {
    }
}
