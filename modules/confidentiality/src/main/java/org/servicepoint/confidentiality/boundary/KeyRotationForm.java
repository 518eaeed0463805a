package org.servicepoint.confidentiality.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which of a tenant's keys to rotate. */
@Schema(name = "KeyRotationForm")
public record KeyRotationForm(@Schema(enumeration = {"data", "lookup"}) @NotBlank @Pattern(regexp = "data|lookup") String purpose) {
}
