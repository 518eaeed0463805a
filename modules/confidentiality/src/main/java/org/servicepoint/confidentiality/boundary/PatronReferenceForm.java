package org.servicepoint.confidentiality.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A card to make (or find again) a patron reference for, with an optional name to show to those who may see it. */
@Schema(name = "PatronReferenceForm")
public record PatronReferenceForm(
        @Schema(description = "library card number; spaces and hyphens are ignored", example = "2 1234 00567 8901")
        @NotBlank @Size(max = 100) String cardNumber,
        @Schema(description = "name to show persons in charge; kept only encrypted") @Size(max = 200) String displayName) {
}
