package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.staffing.control.ScheduleCalendar.PlannedShift;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.staffing.entity.ShiftPattern;
import org.servicepoint.staffing.entity.StaffMember;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.BranchSpec.ServicePointSpec;
import org.servicepoint.tenancy.control.TenantSpec;
import org.servicepoint.tenancy.control.WeekSpec;

/** What a shift must be: its own shape, a real place in the library system, roster dates, and no overlap. */
class ShiftRulesTest {

    static final UUID ANA = UUID.randomUUID();
    static final TenantSpec RIVERSIDE = new TenantSpec("riverside", "Riverside Libraries", "America/Chicago", "en-US", "active",
            List.of(new BranchSpec("HQ", "Headquarters", true, null, null,
                            List.of(new ServicePointSpec("circulation", "Circulation Desk", null),
                                    new ServicePointSpec("reference", "Reference Desk", null)), WeekSpec.CLOSED, List.of()),
                    new BranchSpec("EAST", "East Branch", false, null, null,
                            List.of(new ServicePointSpec("circulation", "Circulation Desk", null)), WeekSpec.CLOSED, List.of())));

    static ShiftDraft weekly(String day, String from, String until, String start, String end, Boolean overnight) {
        return new ShiftDraft(ANA, "HQ", "circulation", day, from, until, null, start, end, overnight);
    }

    static ShiftDraft once(String date, String start, String end, Boolean overnight) {
        return new ShiftDraft(ANA, "HQ", "circulation", null, null, null, date, start, end, overnight);
    }

    static List<String> refused(ShiftDraft draft) {
        Refusal refusal = catchThrowableOfType(() -> ShiftRules.check(draft, RIVERSIDE), Refusal.class);
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.status()).isEqualTo(400);
        return refusal.violations().stream().map(v -> v.field() + ": " + v.message()).toList();
    }

    @Test
    void a_weekly_and_a_one_off_shift_are_accepted() {
        ShiftRules.Checked weekly = ShiftRules.check(weekly("tuesday", "2026-11-03", null, "09:00", "17:00", null), RIVERSIDE);
        ShiftRules.Checked night = ShiftRules.check(once("2026-12-24", "22:00", "06:00", true), RIVERSIDE);

        assertThat(weekly.pattern()).isEqualTo(ShiftPattern.weekly(DayOfWeek.TUESDAY, LocalDate.parse("2026-11-03"), null,
                LocalTime.of(9, 0), LocalTime.of(17, 0), false));
        assertThat(night.pattern().overnight()).isTrue();
        assertThat(night.pattern().clockMinutes()).isEqualTo(480);
    }

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                Arguments.of("end before start, not flagged", once("2026-11-03", "17:00", "09:00", null),
                        "end: the shift ends (09:00) before it starts (17:00); set overnight: true if it ends the next day"),
                Arguments.of("start equals end, not flagged", once("2026-11-03", "09:00", "09:00", false),
                        "end: the shift starts and ends at 09:00; set overnight: true for a 24-hour shift"),
                Arguments.of("flagged overnight but ends the same day", once("2026-11-03", "09:00", "17:00", true),
                        "overnight: an overnight shift ends the next day, at or before its start time on the clock; 09:00-17:00 ends the same day, so it is not overnight"),
                Arguments.of("unknown branch", new ShiftDraft(ANA, "WEST", "circulation", null, null, null, "2026-11-03", "09:00", "17:00", null),
                        "branch: \"WEST\" is not a branch of this library system"),
                Arguments.of("unknown desk", new ShiftDraft(ANA, "EAST", "reference", null, null, null, "2026-11-03", "09:00", "17:00", null),
                        "servicePoint: \"reference\" is not a desk of branch EAST"),
                Arguments.of("both a date and a weekday", new ShiftDraft(ANA, "HQ", "circulation", "monday", "2026-11-02", null,
                        "2026-11-03", "09:00", "17:00", null), "date: give either date (a one-off shift) or dayOfWeek and validFrom (a weekly shift)"),
                Arguments.of("neither", new ShiftDraft(ANA, "HQ", "circulation", null, null, null, null, "09:00", "17:00", null),
                        "date: give either date (a one-off shift) or dayOfWeek and validFrom (a weekly shift)"),
                Arguments.of("weekly without a first date", weekly("monday", null, null, "09:00", "17:00", null),
                        "validFrom: is required for a weekly shift"),
                Arguments.of("weekly ending before it starts", weekly("monday", "2026-11-30", "2026-11-01", "09:00", "17:00", null),
                        "validUntil: is before validFrom"),
                Arguments.of("weekly that never happens", weekly("friday", "2026-11-02", "2026-11-05", "09:00", "17:00", null),
                        "validUntil: there is no friday from 2026-11-02 to 2026-11-05"),
                Arguments.of("not a weekday", weekly("Funday", "2026-11-02", null, "09:00", "17:00", null),
                        "dayOfWeek: must be one of monday, tuesday, wednesday, thursday, friday, saturday, sunday"),
                Arguments.of("a date not on the calendar", once("2026-02-30", "09:00", "17:00", null),
                        "date: \"2026-02-30\" is not a date of the calendar"),
                Arguments.of("24:00 is not a time", once("2026-11-03", "18:00", "24:00", null),
                        "end: must be a time like 09:30 (00:00 to 23:59; a shift ending at midnight ends at 00:00 with overnight: true)"),
                Arguments.of("a one-off with weekly dates", new ShiftDraft(ANA, "HQ", "circulation", null, "2026-11-01", null,
                        "2026-11-03", "09:00", "17:00", null), "validFrom: belongs to weekly shifts; a one-off shift has only a date"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void badDrafts(String label, ShiftDraft draft, String violation) {
        assertThat(refused(draft)).contains(violation);
    }

    @Test
    void every_problem_is_named_at_once() {
        assertThat(refused(new ShiftDraft(null, "WEST", null, null, null, null, "2026-11-03", "9", "17:00", null)))
                .extracting(v -> v.substring(0, v.indexOf(':')))
                .containsExactlyInAnyOrder("staffMemberId", "branch", "start");
    }

    static StaffMember member(String startsOn, String endsOn) {
        return new StaffMember("Ana", "library-assistant", "HQ", EmploymentType.PERMANENT, LocalDate.parse(startsOn),
                endsOn == null ? null : LocalDate.parse(endsOn), "ana");
    }

    static ShiftPattern tuesdays(String from, String until) {
        return ShiftPattern.weekly(DayOfWeek.TUESDAY, LocalDate.parse(from), until == null ? null : LocalDate.parse(until),
                LocalTime.of(9, 0), LocalTime.of(13, 0), false);
    }

    @Test
    void the_member_must_be_on_the_roster_on_the_shifts_dates() {
        ShiftRules.checkRoster(tuesdays("2026-11-03", null), member("2026-01-01", null));
        ShiftRules.checkRoster(tuesdays("2026-11-03", "2026-12-29"), member("2026-11-03", "2026-12-31"));

        assertThatThrownBy(() -> ShiftRules.checkRoster(tuesdays("2026-11-03", null), member("2026-11-04", null)))
                .isInstanceOf(Refusal.class)
                .hasMessage("validFrom: Ana is on the roster from 2026-11-04; the shift is valid from 2026-11-03 with no end");
        assertThatThrownBy(() -> ShiftRules.checkRoster(tuesdays("2026-11-03", null), member("2026-01-01", "2026-12-31")))
                .hasMessageStartingWith("validUntil: Ana is on the roster from 2026-01-01 to 2026-12-31");
        assertThatThrownBy(() -> ShiftRules.checkRoster(ShiftPattern.once(LocalDate.parse("2027-01-05"), LocalTime.of(9, 0),
                LocalTime.of(13, 0), false), member("2026-01-01", "2026-12-31")))
                .hasMessage("date: Ana is on the roster from 2026-01-01 to 2026-12-31; the shift is on 2027-01-05");
    }

    static ShiftPattern pattern(String text) {
        // "tue 09:00-13:00 2026-11-01..2026-11-30", "tue 22:00-06:00+ 2026-11-01..", "2026-11-03 12:00-14:00"
        String[] parts = text.split(" ");
        boolean overnight = parts[1].endsWith("+");
        String[] times = parts[1].replace("+", "").split("-");
        LocalTime start = LocalTime.parse(times[0]);
        LocalTime end = LocalTime.parse(times[1]);
        if (parts[0].matches("\\d{4}-.*")) {
            return ShiftPattern.once(LocalDate.parse(parts[0]), start, end, overnight);
        }
        DayOfWeek day = Stream.of(DayOfWeek.values()).filter(d -> d.name().toLowerCase().startsWith(parts[0])).findFirst().orElseThrow();
        String[] validity = parts[2].split("\\.\\.", -1);
        return ShiftPattern.weekly(day, LocalDate.parse(validity[0]), validity[1].isEmpty() ? null : LocalDate.parse(validity[1]),
                start, end, overnight);
    }

    static Stream<Arguments> overlaps() {
        return Stream.of(
                Arguments.of("same weekday, overlapping times", "tue 09:00-13:00 2026-11-01..", "tue 12:00-17:00 2026-11-01..", "", "2026-11-03"),
                Arguments.of("same weekday, touching times", "tue 09:00-13:00 2026-11-01..", "tue 13:00-17:00 2026-11-01..", "", null),
                Arguments.of("other weekday", "wed 09:00-17:00 2026-11-01..", "tue 09:00-17:00 2026-11-01..", "", null),
                Arguments.of("validities apart", "tue 09:00-13:00 2026-12-01..", "tue 10:00-12:00 2026-11-01..2026-11-30", "", null),
                Arguments.of("validities meeting on one tuesday", "tue 10:00-12:00 2026-11-10..", "tue 09:00-13:00 2026-11-01..2026-11-10", "", "2026-11-10"),
                Arguments.of("one started long ago, the other later", "tue 09:00-13:00 2026-11-20..", "tue 12:00-14:00 2020-01-07..", "", "2026-11-24"),
                Arguments.of("monday night runs into tuesday morning", "tue 05:00-09:00 2026-11-01..", "mon 22:00-06:00+ 2026-11-01..", "", "2026-11-03"),
                Arguments.of("monday night ends as tuesday starts", "tue 06:00-09:00 2026-11-01..", "mon 22:00-06:00+ 2026-11-01..", "", null),
                Arguments.of("a one-off over a weekly occurrence", "2026-11-03 12:00-14:00", "tue 09:00-13:00 2026-11-01..", "", "2026-11-03"),
                Arguments.of("a one-off in place of a cancelled occurrence", "2026-11-03 12:00-14:00", "tue 09:00-13:00 2026-11-01..", "2026-11-03", null),
                Arguments.of("a weekly over an existing one-off", "tue 09:00-13:00 2026-11-01..", "2026-11-10 08:00-10:00", "", "2026-11-10"),
                Arguments.of("a weekly clashes with a weekly even where one is cancelled", "tue 09:00-13:00 2026-11-01..",
                        "tue 12:00-17:00 2026-11-01..2026-11-03", "2026-11-03", "2026-11-03"),
                Arguments.of("a saturday night one-off into a sunday weekly", "2026-11-07 23:00-01:00+", "sun 00:30-08:00 2026-11-01..", "", "2026-11-07"),
                Arguments.of("a one-off on another day", "2026-11-04 09:00-13:00", "tue 09:00-13:00 2026-11-01..", "", null),
                Arguments.of("two one-offs on the same day", "2026-11-04 09:00-13:00", "2026-11-04 12:59-13:30", "", "2026-11-04"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void overlaps(String label, String candidate, String existing, String cancelled, String clashOn) {
        Set<LocalDate> cancelledDays = cancelled.isEmpty() ? Set.of()
                : Stream.of(cancelled.split(",")).map(LocalDate::parse).collect(Collectors.toSet());
        PlannedShift other = new PlannedShift(UUID.randomUUID(), ANA, "HQ", "circulation", pattern(existing), cancelledDays);

        var clash = ShiftRules.firstClash(pattern(candidate), List.of(other));

        if (clashOn == null) {
            assertThat(clash).isEmpty();
        } else {
            assertThat(clash).hasValueSatisfying(c -> {
                assertThat(c.shiftId()).isEqualTo(other.shiftId());
                assertThat(c.day()).isEqualTo(LocalDate.parse(clashOn));
            });
        }
    }
}
