package org.servicepoint.policies.exceptions.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.policies.exceptions.control.NewException;

/** An exception to a flexible policy as staff record it at the desk. */
@Schema(name = "PolicyExceptionForm")
public record PolicyExceptionForm(
        @Schema(description = "the policy's key", example = "overdue-fines") @NotBlank @Size(max = 60) String policy,
        @Schema(description = "where it was granted; your own branch if left out", example = "PINE-HOLLOW")
        @Size(max = 16) @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{0,15}$") String branch,
        @Schema(description = "what the patron asked for, in plain text (at most 1000 characters)") @NotBlank @Size(max = 4000)
        String asked,
        @Schema(description = "what was granted, in plain text (at most 1000 characters)") @NotBlank @Size(max = 4000) String granted,
        @Schema(description = "roster id of who approved it; you, if left out") UUID approvedBy,
        @Schema(description = "you told the patron it is a one-time exception: must be true") Boolean toldOneTime,
        @Schema(description = "the patron, if at all, as a patron reference id from /api/patron-references") UUID patronReference,
        @Schema(description = "ISO date-time, with an offset or in the library system's time; now if left out",
                example = "2026-05-01T15:30") @Size(max = 40) String occurredAt) {

    NewException toControl() {
        return new NewException(policy, branch, asked, granted, approvedBy, toldOneTime, patronReference, occurredAt);
    }
}
