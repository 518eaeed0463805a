package org.servicepoint.patronrequests.complaints.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One complaint as staff see it. {@code about}, {@code asks} and the response are plain text exactly as typed (kept
 * sealed, opened here): show them as text, never as markup. The patron's contact is never shown here, only whether
 * there is one. Times are in the library system's time zone.
 */
@Schema(name = "Complaint")
@JsonbPropertyOrder({"id", "reference", "branch", "channel", "about", "asks", "policy", "state", "receivedAt", "dueAt", "overdue",
        "handledBy", "directorToldAt", "directorOpenedAt", "response", "closedAt", "hasContact", "recordedBy", "steps", "commentCard"})
public record ComplaintView(
        UUID id,
        @Schema(description = "what the patron was told", example = "C-2026-0042") String reference,
        @Schema(example = "PINE-HOLLOW") String branch,
        @Schema(enumeration = {"in-person", "phone", "email", "comment-card"}) String channel,
        @Schema(description = "what the complaint is about; plain text as typed") String about,
        @Schema(description = "what the patron asked for; plain text as typed") String asks,
        @Schema(description = "the policy cited, as it stood when cited") CitedPolicy policy,
        @Schema(enumeration = {"received", "with-director", "responded", "closed"}) String state,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        @Schema(description = "past its due time and not yet responded to") boolean overdue,
        HandledBy handledBy,
        @Schema(description = "when the handling position was told (in the app and by mail)") OffsetDateTime directorToldAt,
        @Schema(description = "when a holder of the handling position first opened it") OffsetDateTime directorOpenedAt,
        Response response,
        OffsetDateTime closedAt,
        @Schema(description = "the patron left a way to reach them") boolean hasContact,
        @Schema(description = "username of who recorded it") String recordedBy,
        List<Step> steps,
        @Schema(description = "the comment card it came from") UUID commentCard) {

    /** The policy a complaint cites. */
    @Schema(name = "ComplaintPolicy")
    @JsonbPropertyOrder({"key", "title", "category"})
    public record CitedPolicy(@Schema(example = "overdue-fines") String key, String title, @Schema(example = "circulation") String category) {
    }

    /** Who hears of it first: a position (null: the persons in charge of the branch) and who holds it now. */
    @Schema(name = "ComplaintHandledBy")
    @JsonbPropertyOrder({"position", "name", "staff"})
    public record HandledBy(@Schema(example = "executive-director") String position, String name, List<Holder> staff) {
    }

    @Schema(name = "ComplaintHolder")
    @JsonbPropertyOrder({"staffId", "tagName"})
    public record Holder(UUID staffId, String tagName) {
    }

    @Schema(name = "ComplaintResponse")
    @JsonbPropertyOrder({"text", "channel", "at", "by"})
    public record Response(String text, @Schema(enumeration = {"email", "phone", "in-person"}) String channel, OffsetDateTime at,
                           String by) {
    }

    @Schema(name = "ComplaintStep")
    @JsonbPropertyOrder({"at", "step", "by"})
    public record Step(OffsetDateTime at,
                       @Schema(enumeration = {"received", "director-told", "headquarters-told", "opened", "responded", "closed",
                               "overdue-told"}) String step,
                       String by) {
    }
}
