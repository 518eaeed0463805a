package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicepoint.staffing.control.CoverageCheck.Closure;
import org.servicepoint.staffing.control.CoverageCheck.Desk;
import org.servicepoint.staffing.control.CoverageCheck.Finding;
import org.servicepoint.platform.entity.TimeRange;
import org.servicepoint.staffing.control.ScheduleCalendar.Away;
import org.servicepoint.staffing.control.ScheduleCalendar.PlannedShift;
import org.servicepoint.staffing.control.ScheduleStore.Inputs;
import org.servicepoint.staffing.control.ScheduleStore.Person;
import org.servicepoint.staffing.entity.AbsencePeriod;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.staffing.entity.ShiftPattern;

/**
 * Desk coverage, table-driven: each case is a desk's hours, the shifts (with who works them) and absences, a
 * date, and the findings expected that date, written "KIND from-to" in the branch's wall-clock time.
 */
class CoverageCheckTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    /** A small cast: tag name → employment type. */
    static final Map<String, EmploymentType> PEOPLE = Map.of(
            "Ana", EmploymentType.PERMANENT, "Ben", EmploymentType.PERMANENT, "Cy", EmploymentType.SUBSTITUTE,
            "Vi", EmploymentType.VOLUNTEER, "Pat", EmploymentType.PAGE, "Stu", EmploymentType.STUDENT_ASSISTANT);
    static final Map<String, UUID> IDS = new HashMap<>();

    static UUID id(String name) {
        return IDS.computeIfAbsent(name, n -> UUID.nameUUIDFromBytes(n.getBytes()));
    }

    /** Desk open every day with the given periods (like "09:00-17:00"). */
    static Desk everyDay(String... periods) {
        return desk(false, Map.of(), periods);
    }

    static Desk desk(boolean ownHours, Map<LocalDate, Closure> closures, String... periods) {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, TimeRange.parseAll(List.of(periods)));
        }
        return new Desk("HQ", "circulation", "Circulation Desk", week, ownHours, closures);
    }

    static Map<LocalDate, Closure> closed(String date) {
        return Map.of(LocalDate.parse(date), new Closure("Holiday", List.of()));
    }

    static Map<LocalDate, Closure> shortened(String date, String hours) {
        return Map.of(LocalDate.parse(date), new Closure("Short day", List.of(TimeRange.parse(hours))));
    }

    /** "Ana 2026-11-01 09:00-13:00" or, overnight, "Ana 2026-10-31 22:00-06:00+". */
    static PlannedShift shift(String text) {
        String[] parts = text.split(" ");
        boolean overnight = parts[2].endsWith("+");
        String[] times = parts[2].replace("+", "").split("-");
        return new PlannedShift(UUID.randomUUID(), id(parts[0]), "HQ", "circulation",
                ShiftPattern.once(LocalDate.parse(parts[1]), LocalTime.parse(times[0]), LocalTime.parse(times[1]), overnight), Set.of());
    }

    /** "Ana 2026-11-03T13:00 2026-11-03T15:00" or, for whole days, "Ana 2026-11-03". */
    static Away away(String text) {
        String[] parts = text.split(" ");
        return parts.length == 2
                ? new Away(id(parts[0]), AbsencePeriod.days(LocalDate.parse(parts[1]), LocalDate.parse(parts[1])))
                : new Away(id(parts[0]), AbsencePeriod.between(LocalDateTime.parse(parts[1]), LocalDateTime.parse(parts[2])));
    }

    static List<Finding> findings(Desk desk, String date, List<String> shifts, List<String> absences) {
        Map<UUID, Person> people = new HashMap<>();
        PEOPLE.forEach((name, type) -> people.put(id(name), new Person(id(name), name, type)));
        Inputs inputs = new Inputs(shifts.stream().map(CoverageCheckTest::shift).toList(),
                absences.stream().map(CoverageCheckTest::away).toList(), people);
        LocalDate day = LocalDate.parse(date);
        var duties = ScheduleCalendar.expand(CHICAGO, day, day, inputs.shifts(), inputs.absences());
        return CoverageCheck.check(CHICAGO, day, day, List.of(desk), ScheduleReport.onDuty(duties, inputs));
    }

    static List<String> described(List<Finding> findings) {
        return findings.stream().map(CoverageIssue::of).map(i -> i.kind() + " " + i.from() + "-" + i.to()).toList();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("fall-back day: half staffed", everyDay("09:00-17:00"), "2026-11-01",
                        List.of("Ana 2026-11-01 09:00-13:00"), List.of(), List.of("GAP 13:00-17:00")),
                Arguments.of("spring-forward day: half staffed", everyDay("09:00-17:00"), "2027-03-14",
                        List.of("Ana 2027-03-14 09:00-13:00"), List.of(), List.of("GAP 13:00-17:00")),
                Arguments.of("an ordinary day fully staffed", everyDay("09:00-17:00"), "2026-11-03",
                        List.of("Ana 2026-11-03 09:00-17:00"), List.of(), List.of()),
                Arguments.of("nobody at all", everyDay("09:00-17:00"), "2026-11-03",
                        List.of(), List.of(), List.of("GAP 09:00-17:00")),
                Arguments.of("two shifts that touch leave no gap", everyDay("09:00-17:00"), "2026-11-03",
                        List.of("Ana 2026-11-03 09:00-13:00", "Ben 2026-11-03 13:00-17:00"), List.of(), List.of()),
                Arguments.of("late opening and early closing", everyDay("09:00-18:00"), "2026-11-03",
                        List.of("Ana 2026-11-03 10:00-17:00"), List.of(), List.of("GAP 09:00-10:00", "GAP 17:00-18:00")),
                Arguments.of("a lunch closing needs no cover", everyDay("09:00-12:00", "13:00-17:00"), "2026-11-03",
                        List.of("Ana 2026-11-03 09:00-12:00", "Ben 2026-11-03 13:00-17:00"), List.of(), List.of()),
                Arguments.of("a closed holiday has no gap", desk(false, closed("2026-12-25"), "09:00-17:00"), "2026-12-25",
                        List.of(), List.of(), List.of()),
                Arguments.of("a shortened day uses the shortened hours",
                        desk(false, shortened("2026-12-24", "09:00-12:00"), "09:00-17:00"), "2026-12-24",
                        List.of("Ana 2026-12-24 09:00-11:00"), List.of(), List.of("GAP 11:00-12:00")),
                Arguments.of("a desk with own hours is checked against them", desk(true, Map.of(), "10:00-14:00"), "2026-11-03",
                        List.of("Ana 2026-11-03 10:00-14:00"), List.of(), List.of()),
                Arguments.of("a short day closes a desk with own hours early, never opens it earlier",
                        desk(true, shortened("2026-12-24", "09:00-12:00"), "10:00-14:00"), "2026-12-24",
                        List.of("Ana 2026-12-24 11:00-14:00"), List.of(), List.of("GAP 10:00-11:00")),
                Arguments.of("an absence creates a gap", everyDay("09:00-17:00"), "2026-11-03",
                        List.of("Ana 2026-11-03 09:00-17:00"), List.of("Ana 2026-11-03T13:00 2026-11-03T15:00"),
                        List.of("GAP 13:00-15:00")),
                Arguments.of("a colleague's absence does not", everyDay("09:00-17:00"), "2026-11-03",
                        List.of("Ana 2026-11-03 09:00-17:00"), List.of("Ben 2026-11-03"), List.of()),
                Arguments.of("someone sick all day leaves the whole day open", everyDay("09:00-17:00"), "2026-11-03",
                        List.of("Ana 2026-11-03 09:00-17:00"), List.of("Ana 2026-11-03"), List.of("GAP 09:00-17:00")),
                Arguments.of("a volunteer alone", everyDay("09:00-17:00"), "2026-11-03",
                        List.of("Vi 2026-11-03 09:00-17:00"), List.of(), List.of("ONLY_VOLUNTEERS_OR_PAGES 09:00-17:00")),
                Arguments.of("a volunteer and a page", everyDay("09:00-17:00"), "2026-11-03",
                        List.of("Vi 2026-11-03 09:00-17:00", "Pat 2026-11-03 09:00-17:00"), List.of(),
                        List.of("ONLY_VOLUNTEERS_OR_PAGES 09:00-17:00")),
                Arguments.of("the volunteer left alone after the staff member goes", everyDay("09:00-17:00"), "2026-11-03",
                        List.of("Vi 2026-11-03 09:00-17:00", "Ana 2026-11-03 09:00-13:00"), List.of(),
                        List.of("ONLY_VOLUNTEERS_OR_PAGES 13:00-17:00")),
                Arguments.of("a page, then nobody", everyDay("09:00-17:00"), "2026-11-03",
                        List.of("Pat 2026-11-03 09:00-12:00"), List.of(),
                        List.of("ONLY_VOLUNTEERS_OR_PAGES 09:00-12:00", "GAP 12:00-17:00")),
                Arguments.of("a substitute or a student assistant alone is staff", everyDay("09:00-17:00"), "2026-11-03",
                        List.of("Cy 2026-11-03 09:00-13:00", "Stu 2026-11-03 13:00-17:00"), List.of(), List.of()),
                Arguments.of("a 24-hour desk covered round the clock across the fall-back night", everyDay("00:00-24:00"), "2026-11-01",
                        List.of("Ana 2026-10-31 22:00-06:00+", "Ben 2026-11-01 06:00-14:00", "Cy 2026-11-01 14:00-22:00",
                                "Ana 2026-11-01 22:00-06:00+"), List.of(), List.of()),
                Arguments.of("a 24-hour desk covered round the clock across the spring-forward night", everyDay("00:00-24:00"), "2027-03-14",
                        List.of("Ana 2027-03-13 22:00-06:00+", "Ben 2027-03-14 06:00-14:00", "Cy 2027-03-14 14:00-22:00",
                                "Ana 2027-03-14 22:00-06:00+"), List.of(), List.of()),
                Arguments.of("a 24-hour desk without its night shifts", everyDay("00:00-24:00"), "2026-11-01",
                        List.of("Ben 2026-11-01 06:00-14:00", "Cy 2026-11-01 14:00-22:00"), List.of(),
                        List.of("GAP 00:00-06:00", "GAP 22:00-24:00")),
                Arguments.of("the night shift's absence after midnight opens the early hours", everyDay("00:00-24:00"), "2026-11-01",
                        List.of("Ana 2026-10-31 22:00-06:00+", "Ben 2026-11-01 06:00-14:00", "Cy 2026-11-01 14:00-22:00",
                                "Ben 2026-11-01 22:00-06:00+"), List.of("Ana 2026-11-01T03:00 2026-11-01T06:00"),
                        List.of("GAP 03:00-06:00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void coverage(String label, Desk desk, String date, List<String> shifts, List<String> absences, List<String> expected) {
        assertThat(described(findings(desk, date, shifts, absences))).containsExactlyElementsOf(expected);
    }

    @Test
    void the_gaps_on_both_clock_change_days_last_four_real_hours_no_phantom_or_missing_hour() {
        for (String date : List.of("2026-11-01", "2027-03-14")) {
            List<Finding> gaps = findings(everyDay("09:00-17:00"), date, List.of("Ana " + date + " 09:00-13:00"), List.of());
            assertThat(gaps).hasSize(1);
            assertThat(Duration.between(gaps.get(0).from(), gaps.get(0).to())).as(date).isEqualTo(Duration.ofHours(4));
        }
    }

    @Test
    void a_gap_over_the_repeated_hour_lasts_the_real_two_hours() {
        List<Finding> gaps = findings(everyDay("00:00-24:00"), "2026-11-01",
                List.of("Ana 2026-10-31 22:00-01:00+", "Ben 2026-11-01 02:00-00:00+"), List.of());

        assertThat(described(gaps)).containsExactly("GAP 01:00-02:00");
        assertThat(Duration.between(gaps.get(0).from(), gaps.get(0).to())).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void an_open_day_of_the_fall_back_date_is_twenty_five_hours_long() {
        List<Finding> gaps = findings(everyDay("00:00-24:00"), "2026-11-01", List.of(), List.of());

        assertThat(described(gaps)).containsExactly("GAP 00:00-24:00");
        assertThat(Duration.between(gaps.get(0).from(), gaps.get(0).to())).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void the_message_names_the_day_the_time_and_the_desk() {
        CoverageIssue issue = CoverageIssue.of(findings(everyDay("09:00-18:00"), "2026-11-03",
                List.of("Ana 2026-11-03 09:00-17:00"), List.of()).get(0));

        assertThat(issue.message()).isEqualTo("Tue 2026-11-03 17:00-18:00, Circulation Desk: nobody scheduled");
        assertThat(issue).extracting(CoverageIssue::branch, CoverageIssue::servicePoint, CoverageIssue::date, CoverageIssue::kind)
                .containsExactly("HQ", "circulation", LocalDate.parse("2026-11-03"), "GAP");
    }

    @Test
    void several_days_and_desks_each_get_their_own_findings() {
        Desk circulation = everyDay("09:00-17:00");
        Desk reference = new Desk("HQ", "reference", "Reference Desk", circulation.week(), false, Map.of());
        List<TimeRange> none = List.of();
        Map<DayOfWeek, List<TimeRange>> weekdaysOnly = new EnumMap<>(circulation.week());
        weekdaysOnly.put(DayOfWeek.SATURDAY, none);
        weekdaysOnly.put(DayOfWeek.SUNDAY, none);
        Desk office = new Desk("HQ", "office", "Office", weekdaysOnly, true, Map.of());

        List<Finding> findings = CoverageCheck.check(CHICAGO, LocalDate.parse("2026-11-06"), LocalDate.parse("2026-11-08"),
                List.of(circulation, reference, office), new ArrayList<>());

        // Friday to Sunday: circulation and reference 3 days each, the office only on Friday.
        assertThat(findings).hasSize(7);
        assertThat(findings).filteredOn(f -> f.servicePoint().equals("office")).extracting(Finding::date)
                .containsExactly(LocalDate.parse("2026-11-06"));
    }

    // --- a bookmobile: coverage per stop

    /** A bookmobile on Tuesdays (the cases' shifts are all at desk code "circulation", so it is given that code). */
    static Desk bookmobile(Map<LocalDate, Closure> closures) {
        return Desk.mobile("HQ", "circulation", "Bookmobile", List.of(
                new CoverageCheck.Stop("Oak Street School", DayOfWeek.TUESDAY, TimeRange.parse("09:00-11:00")),
                new CoverageCheck.Stop("Mill Road Senior Center", DayOfWeek.TUESDAY, TimeRange.parse("11:00-12:30")),
                new CoverageCheck.Stop("Oak Street School", DayOfWeek.THURSDAY, TimeRange.parse("09:00-11:00"))), closures);
    }

    @Test
    void a_bookmobile_is_checked_stop_by_stop_and_each_gap_names_its_stop() {
        List<Finding> tuesday = findings(bookmobile(Map.of()), "2026-11-03", List.of("Ana 2026-11-03 09:00-10:00"), List.of());

        assertThat(tuesday).extracting(f -> f.kind() + " " + CoverageIssue.of(f).from() + "-" + CoverageIssue.of(f).to() + " " + f.stop())
                .as("two gaps that touch at 11:00 stay two: they are at two stops")
                .containsExactly("GAP 10:00-11:00 Oak Street School", "GAP 11:00-12:30 Mill Road Senior Center");
        assertThat(CoverageIssue.of(tuesday.get(1)).message())
                .isEqualTo("Tue 2026-11-03 11:00-12:30, Bookmobile at Mill Road Senior Center: nobody scheduled");
        assertThat(CoverageIssue.of(tuesday.get(1)).stop()).isEqualTo("Mill Road Senior Center");
    }

    @Test
    void a_bookmobile_staffed_for_its_whole_route_has_no_gap_and_is_not_open_between_stops() {
        assertThat(findings(bookmobile(Map.of()), "2026-11-03", List.of("Ana 2026-11-03 09:00-12:30"), List.of())).isEmpty();
        assertThat(findings(bookmobile(Map.of()), "2026-11-05", List.of("Ana 2026-11-05 09:00-11:00"), List.of()))
                .as("Thursday: only the morning stop").isEmpty();
        assertThat(findings(bookmobile(Map.of()), "2026-11-04", List.of(), List.of())).as("Wednesday: no stop, no gap").isEmpty();
    }

    @Test
    void a_bookmobile_stays_home_when_its_branch_is_closed_and_a_short_day_cuts_its_route() {
        assertThat(findings(bookmobile(closed("2026-11-03")), "2026-11-03", List.of(), List.of())).isEmpty();
        assertThat(bookmobile(closed("2026-11-03")).openStopsOn(LocalDate.parse("2026-11-03"))).isEmpty();

        List<Finding> shortDay = findings(bookmobile(shortened("2026-11-03", "08:00-10:00")), "2026-11-03", List.of(), List.of());

        assertThat(described(shortDay)).containsExactly("GAP 09:00-10:00");
        assertThat(shortDay).extracting(Finding::stop).containsExactly("Oak Street School");
    }

    @Test
    void a_desk_that_stays_put_names_no_stop() {
        assertThat(findings(everyDay("09:00-17:00"), "2026-11-03", List.of(), List.of())).extracting(Finding::stop).containsOnlyNulls();
    }
}
