package org.servicepoint.bans.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.bans.control.NewBan;

/** A ban a person in charge imposes. The patron is a card number or an existing patron reference id, never both. */
@Schema(name = "ComputerUseBanForm")
public record BanForm(
        @Schema(description = "library card number (kept only as a keyed hash); or give patronReferenceId", example = "2 1234 00567 8901")
        @Size(max = 100) String cardNumber,
        @Schema(description = "name to show persons in charge, with a card number only; kept only encrypted") @Size(max = 200)
        String displayName,
        @Schema(description = "an existing patron reference id, from /api/patron-references") UUID patronReferenceId,
        @Schema(description = "the incident report the ban follows from") UUID incidentReportId,
        @Schema(enumeration = {"branch", "system"}, description = "one branch, or every branch of the library system")
        @NotBlank @Size(max = 10) String scope,
        @Schema(description = "for scope branch: the branch code; your own branch if left out", example = "PINE-HOLLOW")
        @Size(max = 16) @Pattern(regexp = "^[A-Z0-9][A-Z0-9-]{0,15}$", message = "{bans.branch.code}") String branch,
        @Schema(description = "ISO date-time, with an offset or in the library system's time; now if left out",
                example = "2026-05-01T09:00") @Size(max = 40) String startsAt,
        @Schema(description = "ISO date-time, with an offset or in the library system's time; at most two years after the start",
                example = "2026-08-01T09:00") @NotBlank @Size(max = 40) String endsAt,
        @Schema(description = "why, in plain text (at most 1000 characters); stored as typed and shown as text")
        @NotBlank @Size(max = 4000) String reason,
        @Schema(description = "date to look at the ban again, between its first and last day", example = "2026-06-15")
        @Size(max = 10) String reviewOn) {

    NewBan toControl() {
        return new NewBan(cardNumber, displayName, patronReferenceId, incidentReportId, scope, branch, startsAt, endsAt, reason,
                reviewOn);
    }
}
