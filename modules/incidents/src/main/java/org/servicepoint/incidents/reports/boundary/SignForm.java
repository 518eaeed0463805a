package org.servicepoint.incidents.reports.boundary;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signature: deliberate, and of the version the signer read, so nobody signs what they have not seen. */
@Schema(name = "IncidentSignForm")
public record SignForm(
        @Schema(description = "the report's version as you read it") @NotNull Long version,
        @Schema(description = "must be true: you state that the report is true and complete as far as you know")
        @NotNull @AssertTrue(message = "{incidents.sign.confirm}") Boolean confirm) {
}
