package org.servicepoint.staffing.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.staffing.control.ShiftDraft;

/**
 * A new shift: weekly ({@code dayOfWeek}, {@code validFrom}, optional {@code validUntil}) or once ({@code date}).
 * Times are the branch's wall-clock times; a shift that ends at or before its start ends the next day and must
 * say {@code overnight: true}.
 */
@Schema(name = "ShiftForm")
public record ShiftForm(
        @NotNull UUID staffMemberId,
        @Schema(example = "HQ") @NotBlank @Size(max = 16) String branch,
        @Schema(example = "circulation") @NotBlank @Size(max = 32) String servicePoint,
        @Schema(description = "weekly shifts", enumeration = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
        @Pattern(regexp = "monday|tuesday|wednesday|thursday|friday|saturday|sunday") String dayOfWeek,
        @Schema(description = "weekly shifts: first date", example = "2026-11-02") @Pattern(regexp = ScheduleParams.DATE) String validFrom,
        @Schema(description = "weekly shifts: last date, absent for no end", example = "2027-06-30") @Pattern(regexp = ScheduleParams.DATE) String validUntil,
        @Schema(description = "one-off shifts: the date it starts", example = "2026-12-24") @Pattern(regexp = ScheduleParams.DATE) String date,
        @Schema(example = "09:00") @NotNull @Pattern(regexp = ScheduleParams.CLOCK) String start,
        @Schema(example = "17:00") @NotNull @Pattern(regexp = ScheduleParams.CLOCK) String end,
        @Schema(description = "required (true) when the shift ends the next day, at or before its start time", defaultValue = "false")
        Boolean overnight) {

    ShiftDraft toControl() {
        return new ShiftDraft(staffMemberId, branch, servicePoint, dayOfWeek, validFrom, validUntil, date, start, end, overnight);
    }
}
