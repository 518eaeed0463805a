package org.servicepoint.standards.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A staff member's choice in a training scenario. */
@Schema(name = "TrainingChoice")
public record AnswerForm(@Schema(description = "the key of the chosen answer", example = "b") @NotNull @Pattern(regexp = "[a-f]")
                         String choice) {
}
