package org.servicepoint.bans.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ending a ban early: why, and optionally the version read, so that nobody lifts a ban they did not see as it is. */
@Schema(name = "ComputerUseBanLift")
public record LiftForm(
        @Schema(description = "why the ban ends early, plain text (at most 1000 characters)") @NotBlank @Size(max = 4000) String reason,
        @Schema(description = "the ban's version as read; a ban changed since is not lifted (409)") Long version) {
}
