package org.servicepoint.staffing.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Copy one week's one-off shifts of a branch into the weeks that follow: "copy last week" is fromWeek = last Monday,
 * toWeek = this Monday, weeks = 1; "repeat this week for N weeks" is fromWeek = this Monday, toWeek = next Monday,
 * weeks = N.
 */
@Schema(name = "WeekCopyForm")
public record WeekCopyForm(
        @Schema(example = "HQ") @NotBlank @Size(max = 16) String branch,
        @Schema(description = "the Monday of the week to copy", example = "2026-11-30") @NotNull @Pattern(regexp = ScheduleParams.DATE) String fromWeek,
        @Schema(description = "the Monday of the first week to fill", example = "2026-12-07") @NotNull @Pattern(regexp = ScheduleParams.DATE) String toWeek,
        @Schema(description = "how many weeks to fill, from toWeek on", defaultValue = "1") @Min(1) @Max(WeekCopyForm.MAX_WEEKS) Integer weeks) {

    /** A quarter of a year: longer plans are weekly shifts. */
    public static final int MAX_WEEKS = 13;
}
