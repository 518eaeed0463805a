package org.servicepoint.patronrequests.complaints.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response to the patron, as it was given or is to be mailed. */
@Schema(name = "ComplaintResponseForm")
public record ResponseForm(
        @Schema(description = "plain text (at most 4000 characters)") @NotBlank @Size(max = 8000) String text,
        @Schema(enumeration = {"email", "phone", "in-person"}) @NotBlank @Size(max = 20) String channel) {
}
