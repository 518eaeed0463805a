package org.servicepoint.staffing.control;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A branch's week for the schedule screen: per desk its hours and who is on duty, and the coverage issues. */
@Schema(name = "WeekSchedule")
public record ScheduleWeekView(
        @Schema(example = "HQ") String branch,
        String branchName,
        @Schema(example = "2026-W49") String week,
        @Schema(example = "America/Chicago") String timeZone,
        @Schema(description = "the Monday") LocalDate firstDay,
        @Schema(description = "the Sunday") LocalDate lastDay,
        List<DeskWeek> desks,
        @Schema(description = "gaps and volunteers-or-pages-only stretches of the week, as the coverage endpoint gives them")
        List<CoverageIssue> gaps) {

    /** A desk's week; {@code mobile} for a bookmobile, whose days list its stops. */
    @Schema(name = "DeskWeek")
    public record DeskWeek(String servicePoint, String name, List<DeskDay> days, List<DutyView> duties, boolean mobile) {

        public DeskWeek(String servicePoint, String name, List<DeskDay> days, List<DutyView> duties) {
            this(servicePoint, name, days, duties, false);
        }
    }

    /**
     * Open periods of a desk on one date ("09:00-17:00"); {@code closure} names a closure or short day; {@code stops}
     * where a bookmobile is that day, by time (empty for a desk that stays put).
     */
    @Schema(name = "DeskDay")
    public record DeskDay(LocalDate date, List<String> open, String closure, List<StopView> stops) {

        public DeskDay {
            stops = stops == null ? List.of() : List.copyOf(stops);
        }

        public DeskDay(LocalDate date, List<String> open, String closure) {
            this(date, open, closure, List.of());
        }
    }

    /** A bookmobile's stop on a day: its name and hours ("10:00-12:00"). */
    @Schema(name = "StopOfTheDay")
    public record StopView(@Schema(example = "Oak Street School") String name, @Schema(example = "10:00-12:00") String hours) {
    }

    /**
     * A stretch of duty: {@code date} is the date its shift starts; {@code from}/{@code to} wall-clock times
     * ({@code to} may be on the next day for overnight duty), {@code start}/{@code end} the exact moments, and
     * {@code minutes} the real length (it differs from the clock on the nights the clocks change).
     */
    @Schema(name = "Duty")
    public record DutyView(UUID shiftId, UUID staffMemberId, String tagName,
                           @Schema(enumeration = {"permanent", "substitute", "volunteer", "page", "student-assistant"}) String employmentType,
                           LocalDate date, String from, String to, OffsetDateTime start, OffsetDateTime end, long minutes) {
    }
}
