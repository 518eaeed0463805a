package org.servicepoint.confidentiality.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.confidentiality.control.NewDisclosure;

/** The person in charge's decision on a disclosure request; final once made. */
@Schema(name = "DecisionForm")
public record DecisionForm(
        @Schema(enumeration = {"disclose", "refuse", "refer-to-legal-counsel"},
                description = "'disclose' means under the authority the requester stated, and needs one")
        @NotBlank @Pattern(regexp = "disclose|refuse|refer-to-legal-counsel") String decision,
        @NotBlank @Size(max = NewDisclosure.REASON_MAX) String reason) {
}
