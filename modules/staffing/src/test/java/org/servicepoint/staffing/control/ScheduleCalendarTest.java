package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicepoint.staffing.control.ScheduleCalendar.Away;
import org.servicepoint.staffing.control.ScheduleCalendar.Duty;
import org.servicepoint.staffing.control.ScheduleCalendar.PlannedShift;
import org.servicepoint.staffing.entity.AbsencePeriod;
import org.servicepoint.staffing.entity.ShiftPattern;

/**
 * The calendar in America/Chicago, whose clocks go back on 2026-11-01 (02:00 → 01:00) and forward on
 * 2027-03-14 (02:00 → 03:00): wall-clock shifts stay on the wall clock, real lengths follow the clocks.
 */
class ScheduleCalendarTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final UUID ANA = UUID.randomUUID();
    static final UUID BEN = UUID.randomUUID();

    static PlannedShift once(UUID member, String date, String start, String end, boolean overnight) {
        return new PlannedShift(UUID.randomUUID(), member, "HQ", "circulation",
                ShiftPattern.once(LocalDate.parse(date), LocalTime.parse(start), LocalTime.parse(end), overnight), Set.of());
    }

    static PlannedShift weekly(UUID member, DayOfWeek day, String from, String until, String start, String end, boolean overnight,
                               String... cancelled) {
        return new PlannedShift(UUID.randomUUID(), member, "HQ", "circulation",
                ShiftPattern.weekly(day, LocalDate.parse(from), until == null ? null : LocalDate.parse(until), LocalTime.parse(start),
                        LocalTime.parse(end), overnight),
                Stream.of(cancelled).map(LocalDate::parse).collect(java.util.stream.Collectors.toSet()));
    }

    static List<Duty> expand(String first, String last, List<PlannedShift> shifts, List<Away> away) {
        return ScheduleCalendar.expand(CHICAGO, LocalDate.parse(first), LocalDate.parse(last), shifts, away);
    }

    static Stream<Arguments> oneShiftOnOneDay() {
        return Stream.of(
                Arguments.of("an ordinary day", "2026-10-28", "09:00", "17:00", false,
                        "2026-10-28T09:00-05:00", "2026-10-28T17:00-05:00", 480),
                Arguments.of("the fall-back day keeps 09:00-17:00 on the clock, 8 hours", "2026-11-01", "09:00", "17:00", false,
                        "2026-11-01T09:00-06:00", "2026-11-01T17:00-06:00", 480),
                Arguments.of("the spring-forward day keeps 09:00-17:00 on the clock, 8 hours", "2027-03-14", "09:00", "17:00", false,
                        "2027-03-14T09:00-05:00", "2027-03-14T17:00-05:00", 480),
                Arguments.of("an ordinary night", "2026-10-28", "22:00", "06:00", true,
                        "2026-10-28T22:00-05:00", "2026-10-29T06:00-05:00", 480),
                Arguments.of("the fall-back night is 9 hours", "2026-10-31", "22:00", "06:00", true,
                        "2026-10-31T22:00-05:00", "2026-11-01T06:00-06:00", 540),
                Arguments.of("the spring-forward night is 7 hours", "2027-03-13", "22:00", "06:00", true,
                        "2027-03-13T22:00-06:00", "2027-03-14T06:00-05:00", 420),
                Arguments.of("a start that does not exist moves forward by the gap", "2027-03-14", "02:30", "06:00", false,
                        "2027-03-14T03:30-05:00", "2027-03-14T06:00-05:00", 150),
                Arguments.of("a start that exists twice is the earlier one", "2026-11-01", "01:30", "03:00", false,
                        "2026-11-01T01:30-05:00", "2026-11-01T03:00-06:00", 150),
                Arguments.of("a 24-hour shift over the fall-back night is 25 hours", "2026-10-31", "07:00", "07:00", true,
                        "2026-10-31T07:00-05:00", "2026-11-01T07:00-06:00", 1500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void oneShiftOnOneDay(String label, String date, String start, String end, boolean overnight, String expectedStart,
                          String expectedEnd, long minutes) {
        List<Duty> duties = expand(date, date, List.of(once(ANA, date, start, end, overnight)), List.of());

        assertThat(duties).hasSize(1);
        Duty duty = duties.get(0);
        assertThat(duty.start().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse(expectedStart));
        assertThat(duty.end().toOffsetDateTime()).isEqualTo(OffsetDateTime.parse(expectedEnd));
        assertThat(duty.length().toMinutes()).isEqualTo(minutes);
        assertThat(duty.day()).isEqualTo(LocalDate.parse(date));
    }

    @Test
    void a_shift_inside_the_missing_hour_moves_forward_with_it() {
        List<Duty> duties = expand("2027-03-14", "2027-03-14", List.of(once(ANA, "2027-03-14", "02:00", "02:45", false)), List.of());

        assertThat(duties).extracting(d -> d.start().toOffsetDateTime().toString() + " " + d.end().toOffsetDateTime())
                .containsExactly("2027-03-14T03:00-05:00 2027-03-14T03:45-05:00");
    }

    @Test
    void a_shift_whose_moved_start_passes_its_end_has_no_duty() {
        // 02:30 does not exist and becomes 03:30, after the 03:00 end: no real time is left.
        assertThat(expand("2027-03-14", "2027-03-14", List.of(once(ANA, "2027-03-14", "02:30", "03:00", false)), List.of())).isEmpty();
    }

    @Test
    void a_weekly_shift_repeats_on_its_weekday_within_its_validity_less_cancelled_dates() {
        PlannedShift tuesdays = weekly(ANA, DayOfWeek.TUESDAY, "2026-11-01", "2026-11-24", "09:00", "13:00", false, "2026-11-10");

        List<Duty> duties = expand("2026-10-01", "2026-12-31", List.of(tuesdays), List.of());

        assertThat(duties).extracting(Duty::day).extracting(LocalDate::toString)
                .containsExactly("2026-11-03", "2026-11-17", "2026-11-24");
        assertThat(duties).allSatisfy(d -> assertThat(d.length().toHours()).isEqualTo(4));
    }

    @Test
    void weekly_shifts_across_both_clock_changes_stay_at_nine_on_the_clock() {
        PlannedShift sundays = weekly(ANA, DayOfWeek.SUNDAY, "2026-10-01", null, "09:00", "13:00", false);

        List<Duty> duties = expand("2026-10-25", "2027-03-21", List.of(sundays), List.of());

        assertThat(duties).hasSize(22);
        assertThat(duties).allSatisfy(d -> {
            assertThat(d.start().toLocalTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(d.end().toLocalTime()).isEqualTo(LocalTime.of(13, 0));
            assertThat(d.length().toMinutes()).isEqualTo(240);
        });
    }

    @Test
    void an_overnight_shift_from_the_evening_before_reaches_into_the_range() {
        PlannedShift mondayNights = weekly(ANA, DayOfWeek.MONDAY, "2026-11-02", null, "22:00", "06:00", true);

        assertThat(expand("2026-11-03", "2026-11-03", List.of(mondayNights), List.of())).extracting(Duty::day)
                .containsExactly(LocalDate.parse("2026-11-02"));
        assertThat(expand("2026-11-02", "2026-11-02", List.of(mondayNights), List.of())).hasSize(1);
        assertThat(expand("2026-11-04", "2026-11-08", List.of(mondayNights), List.of())).isEmpty();
    }

    @Test
    void an_absence_in_the_middle_of_a_shift_leaves_the_two_ends() {
        Away appointment = new Away(ANA, AbsencePeriod.between(LocalDateTime.parse("2026-11-03T11:00"), LocalDateTime.parse("2026-11-03T12:00")));

        List<Duty> duties = expand("2026-11-03", "2026-11-03", List.of(once(ANA, "2026-11-03", "09:00", "13:00", false)), List.of(appointment));

        assertThat(duties).extracting(d -> d.start().toLocalTime() + "-" + d.end().toLocalTime())
                .containsExactly("09:00-11:00", "12:00-13:00");
    }

    @Test
    void a_whole_day_absence_takes_away_all_of_that_day_and_nobody_elses() {
        Away sick = new Away(ANA, AbsencePeriod.days(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-03")));

        List<Duty> duties = expand("2026-11-03", "2026-11-03", List.of(once(ANA, "2026-11-03", "09:00", "17:00", false),
                once(BEN, "2026-11-03", "09:00", "17:00", false)), List.of(sick));

        assertThat(duties).extracting(Duty::staffMemberId).containsExactly(BEN);
    }

    @Test
    void a_whole_day_absence_on_the_fall_back_day_cuts_the_night_shift_at_midnight() {
        Away away = new Away(ANA, AbsencePeriod.days(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-01")));

        List<Duty> duties = expand("2026-10-31", "2026-11-01", List.of(once(ANA, "2026-10-31", "22:00", "06:00", true)), List.of(away));

        assertThat(duties).hasSize(1);
        assertThat(duties.get(0).end().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-01T00:00"));
        assertThat(duties.get(0).length().toMinutes()).isEqualTo(120);
    }

    @Test
    void someone_away_the_whole_shift_is_not_on_duty_at_all() {
        Away leave = new Away(ANA, AbsencePeriod.days(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));

        assertThat(expand("2026-11-01", "2026-11-30",
                List.of(weekly(ANA, DayOfWeek.TUESDAY, "2026-01-06", null, "09:00", "17:00", false)), List.of(leave))).isEmpty();
    }

    @Test
    void duties_come_in_order_of_their_start() {
        List<Duty> duties = expand("2026-11-03", "2026-11-04", List.of(
                once(BEN, "2026-11-04", "08:00", "12:00", false),
                once(ANA, "2026-11-03", "13:00", "17:00", false),
                once(BEN, "2026-11-03", "09:00", "13:00", false)), List.of());

        assertThat(duties).extracting(d -> d.start().toLocalDateTime().toString())
                .containsExactly("2026-11-03T09:00", "2026-11-03T13:00", "2026-11-04T08:00");
    }
}
