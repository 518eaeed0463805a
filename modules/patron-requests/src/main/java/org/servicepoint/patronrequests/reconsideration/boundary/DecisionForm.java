package org.servicepoint.patronrequests.reconsideration.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The committee's decision on a request to reconsider an item, with its reasons. */
@Schema(name = "ReconsiderationDecisionForm")
public record DecisionForm(
        @Schema(enumeration = {"keep", "move", "relabel", "withdraw"}) @NotBlank @Size(max = 20) String outcome,
        @Schema(description = "plain text, at most 4000 characters; printed in the decision letter") @NotBlank @Size(max = 4000)
        String reasons) {
}
