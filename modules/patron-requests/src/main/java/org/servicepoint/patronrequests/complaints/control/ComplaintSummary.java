package org.servicepoint.patronrequests.complaints.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint in a list: no texts of the patron's. Times are in the library system's time zone. */
@Schema(name = "ComplaintSummary")
@JsonbPropertyOrder({"id", "reference", "branch", "channel", "policy", "state", "receivedAt", "dueAt", "overdue", "directorToldAt",
        "directorOpenedAt"})
public record ComplaintSummary(
        UUID id,
        @Schema(example = "C-2026-0042") String reference,
        @Schema(example = "PINE-HOLLOW") String branch,
        @Schema(enumeration = {"in-person", "phone", "email", "comment-card"}) String channel,
        ComplaintView.CitedPolicy policy,
        @Schema(enumeration = {"received", "with-director", "responded", "closed"}) String state,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        boolean overdue,
        OffsetDateTime directorToldAt,
        OffsetDateTime directorOpenedAt) {
}
