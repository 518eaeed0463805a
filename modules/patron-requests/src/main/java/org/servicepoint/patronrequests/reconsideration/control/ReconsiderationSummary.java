package org.servicepoint.patronrequests.reconsideration.control;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request in a list: no patron texts. */
@Schema(name = "ReconsiderationSummary")
@JsonbPropertyOrder({"id", "reference", "branch", "item", "state", "receivedAt", "currentStep"})
public record ReconsiderationSummary(
        UUID id,
        @Schema(example = "R-2026-0042") String reference,
        @Schema(example = "PINE-HOLLOW") String branch,
        ReconsiderationView.Item item,
        @Schema(enumeration = {"received", "in-review", "decided"}) String state,
        Instant receivedAt,
        @JsonbNillable @Schema(description = "the step the review waits for; null once decided or without a review set up")
        CurrentStep currentStep) {

    @Schema(name = "ReconsiderationCurrentStep")
    @JsonbPropertyOrder({"step", "dueAt", "overdue"})
    public record CurrentStep(String step, Instant dueAt, boolean overdue) {
    }
}
