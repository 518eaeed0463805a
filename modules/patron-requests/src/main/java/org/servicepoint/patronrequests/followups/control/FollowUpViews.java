package org.servicepoint.patronrequests.followups.control;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the follow-ups API answers (wire records, never entities). */
public final class FollowUpViews {

    private FollowUpViews() {
    }

    @Schema(name = "FollowUpOwner")
    public record Owner(UUID staffId, String tagName) {
    }

    @Schema(name = "FollowUp")
    public record FollowUpView(UUID id, String what, LocalDate dueOn, Owner owner, Instant doneAt, boolean pastDue) {
    }

    @Schema(name = "PatronMailState", description = "the mail of an email update in the outbox")
    public record Mail(@Schema(enumeration = {"pending", "sent", "failed"}) String status, Instant sentAt) {
    }

    @Schema(name = "PatronUpdateRecorded")
    public record UpdateView(UUID id, @Schema(enumeration = {"email", "phone", "in-person"}) String channel, Instant at, String by,
                             Mail mail) {
    }

    @Schema(name = "MatterHistoryEntry")
    public record HistoryEntry(Instant at, @Schema(enumeration = {"update", "follow-up", "follow-up-done"}) String kind,
                               String channel, String text, String by, Mail mail) {
    }
}
