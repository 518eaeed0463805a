package org.servicepoint.staffing.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.staffing.control.AbsenceDraft;

/** Someone away: whole days ({@code firstDay}, optional {@code lastDay}) or {@code from}–{@code to} on the wall clock. */
@Schema(name = "AbsenceForm")
public record AbsenceForm(
        @NotNull UUID staffMemberId,
        @Schema(enumeration = {"sick", "leave", "other"}) @NotNull @Pattern(regexp = "sick|leave|other") String kind,
        @Schema(example = "2026-12-01") @Pattern(regexp = ScheduleParams.DATE) String firstDay,
        @Schema(description = "absent: the first day only", example = "2026-12-03") @Pattern(regexp = ScheduleParams.DATE) String lastDay,
        @Schema(example = "2026-12-01T13:00") @Pattern(regexp = ScheduleParams.DATE_TIME) String from,
        @Schema(description = "exclusive", example = "2026-12-01T17:00") @Pattern(regexp = ScheduleParams.DATE_TIME) String to) {

    AbsenceDraft toControl() {
        return new AbsenceDraft(staffMemberId, kind, firstDay, lastDay, from, to);
    }
}
