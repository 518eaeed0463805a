package org.servicepoint.staffing.control;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shift as the API shows it. Weekly shifts have dayOfWeek and validFrom (validUntil if it ends); one-off shifts a date. */
@Schema(name = "Shift")
public record ShiftView(
        UUID id,
        UUID staffMemberId,
        @Schema(description = "the name on the staff member's name tag") String tagName,
        @Schema(enumeration = {"permanent", "substitute", "volunteer", "page", "student-assistant"}) String employmentType,
        @Schema(example = "HQ") String branch,
        @Schema(example = "circulation") String servicePoint,
        @Schema(enumeration = {"weekly", "once"}) String repeat,
        @Schema(example = "tuesday") String dayOfWeek,
        @Schema(description = "one-off shifts: the date it starts") LocalDate date,
        LocalDate validFrom,
        @Schema(description = "absent: no end date") LocalDate validUntil,
        @Schema(example = "09:00") String start,
        @Schema(example = "17:00") String end,
        @Schema(description = "true when the shift ends the next day") boolean overnight,
        @Schema(description = "start dates of cancelled occurrences") List<LocalDate> cancelledDates) {
}
