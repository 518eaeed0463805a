package org.servicepoint.staffing.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which occurrence of a weekly shift will not be worked: the date it would start. */
@Schema(name = "ShiftCancellationForm")
public record ShiftCancellationForm(@Schema(example = "2026-12-01") @NotNull @Pattern(regexp = ScheduleParams.DATE) String date) {
}
