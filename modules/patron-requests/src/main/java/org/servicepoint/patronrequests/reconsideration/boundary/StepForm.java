package org.servicepoint.patronrequests.reconsideration.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A step of the review done, with the committee member's note. */
@Schema(name = "ReconsiderationStepForm")
public record StepForm(@Schema(description = "plain text, at most 2000 characters; optional") @Size(max = 2000) String note) {
}
