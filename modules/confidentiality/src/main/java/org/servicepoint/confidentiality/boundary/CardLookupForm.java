package org.servicepoint.confidentiality.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A card number to look up; in the body because a URL ends up in logs and browser histories. */
@Schema(name = "CardLookupForm")
public record CardLookupForm(@NotBlank @Size(max = 100) String cardNumber) {
}
