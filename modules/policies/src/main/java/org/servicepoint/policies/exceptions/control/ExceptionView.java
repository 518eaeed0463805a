package org.servicepoint.policies.exceptions.control;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An exception on record as staff see it. Times are in the library system's time zone. What was asked and granted is
 * plain text exactly as typed (kept sealed, opened here): show it as text, never as markup.
 */
@Schema(name = "PolicyException")
@JsonbPropertyOrder({"id", "policy", "policyTitle", "policyVersion", "branch", "branchName", "asked", "granted", "approvedBy",
        "toldOneTime", "patronReference", "occurredAt", "recordedAt", "recordedBy"})
public record ExceptionView(
        UUID id,
        @Schema(description = "the policy's key", example = "overdue-fines") String policy,
        @Schema(description = "the policy's current title") String policyTitle,
        @Schema(description = "the policy's version in force when the exception was recorded") int policyVersion,
        @Schema(example = "PINE-HOLLOW") String branch,
        String branchName,
        @Schema(description = "what the patron asked for; plain text as typed") String asked,
        @Schema(description = "what was granted; plain text as typed") String granted,
        Approver approvedBy,
        @Schema(description = "the patron was told it is a one-time exception (always true on record)") boolean toldOneTime,
        @Schema(description = "the patron, if named, as a patron reference id (never a card number or a name)") UUID patronReference,
        OffsetDateTime occurredAt,
        OffsetDateTime recordedAt,
        @Schema(description = "username of who recorded it") String recordedBy) {

    /** Who approved it: a roster entry, with the position they held when they approved. */
    @Schema(name = "PolicyExceptionApprover")
    @JsonbPropertyOrder({"staffId", "tagName", "position", "positionName"})
    public record Approver(UUID staffId, String tagName, @Schema(example = "branch-manager") String position, String positionName) {
    }

    static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
