package org.servicepoint.staffing.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.staffing.control.RosterRules;

/** The name a staff member chooses for their own tag. */
@Schema(name = "TagNameForm")
public record TagNameForm(
        @Schema(description = "plain text, any script; 1 to 60 characters", example = "Zoë")
        @NotBlank @Size(max = RosterRules.TAG_NAME_MAX * 2) String tagName) {
}
