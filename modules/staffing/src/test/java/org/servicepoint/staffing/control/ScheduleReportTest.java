package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.ScheduleCalendar.PlannedShift;
import org.servicepoint.staffing.control.ScheduleStore.Inputs;
import org.servicepoint.staffing.control.ScheduleStore.Person;
import org.servicepoint.staffing.control.ScheduleWeekView.DeskWeek;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.staffing.entity.ShiftPattern;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.BranchSpec.ClosureSpec;
import org.servicepoint.tenancy.control.BranchSpec.ServicePointSpec;
import org.servicepoint.tenancy.control.TenantSpec;
import org.servicepoint.tenancy.control.WeekSpec;

/** The week schedule built from a branch as the tenant file describes it, and who may see which branches. */
class ScheduleReportTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final List<String> DAY = List.of("09:00-17:00");
    static final BranchSpec MAIN = new BranchSpec("MAIN", "Main Library", true, null, null,
            List.of(new ServicePointSpec("circulation", "Circulation Desk", null),
                    new ServicePointSpec("childrens", "Children's Desk",
                            new WeekSpec(List.of("10:00-14:00"), null, null, null, null, null, null))),
            new WeekSpec(DAY, DAY, DAY, DAY, DAY, null, null),
            List.of(new ClosureSpec("2026-12-24", "Christmas Eve", List.of("09:00-12:00")),
                    new ClosureSpec("2026-12-25", "Christmas Day", null)));
    static final BranchSpec EAST = new BranchSpec("EAST", "East", false, null, null,
            List.of(new ServicePointSpec("circulation", "Circulation Desk", null)), new WeekSpec(DAY, DAY, DAY, DAY, DAY, null, null), List.of());
    static final TenantSpec SYSTEM = new TenantSpec("riverside", "Riverside", "America/Chicago", "en-US", "active", List.of(EAST, MAIN));

    static final UUID ANA = UUID.randomUUID();
    static final UUID VI = UUID.randomUUID();

    static Caller staff(String branch, String... roles) {
        return Caller.staff("someone", TenantId.of("riverside"), Set.of(roles), branch == null ? Map.of() : Map.of("branch", branch));
    }

    static PlannedShift weekly(UUID member, String desk, DayOfWeek day, String start, String end) {
        return new PlannedShift(UUID.randomUUID(), member, "MAIN", desk, ShiftPattern.weekly(day, LocalDate.parse("2026-01-05"), null,
                LocalTime.parse(start), LocalTime.parse(end), false), Set.of());
    }

    @Test
    void the_week_shows_each_desks_hours_closures_duty_and_gaps() {
        Inputs inputs = new Inputs(List.of(
                weekly(ANA, "circulation", DayOfWeek.MONDAY, "09:00", "17:00"),
                weekly(VI, "childrens", DayOfWeek.MONDAY, "10:00", "14:00"),
                weekly(ANA, "circulation", DayOfWeek.THURSDAY, "09:00", "12:00")), List.of(),
                Map.of(ANA, new Person(ANA, "Ana", EmploymentType.PERMANENT), VI, new Person(VI, "Vi", EmploymentType.VOLUNTEER)));

        ScheduleWeekView week = ScheduleReport.week(CHICAGO, ScheduleReport.monday("2026-W52"), MAIN, inputs);

        assertThat(week.firstDay()).isEqualTo(LocalDate.parse("2026-12-21"));
        assertThat(week.lastDay()).isEqualTo(LocalDate.parse("2026-12-27"));
        assertThat(week.week()).isEqualTo("2026-W52");
        DeskWeek circulation = week.desks().get(0);
        assertThat(circulation.days().get(3)).isEqualTo(new ScheduleWeekView.DeskDay(LocalDate.parse("2026-12-24"), List.of("09:00-12:00"), "Christmas Eve"));
        assertThat(circulation.days().get(4).open()).isEmpty();
        assertThat(circulation.duties()).extracting(d -> d.tagName() + " " + d.date() + " " + d.from() + "-" + d.to() + " " + d.minutes())
                .containsExactly("Ana 2026-12-21 09:00-17:00 480", "Ana 2026-12-24 09:00-12:00 180");
        DeskWeek childrens = week.desks().get(1);
        assertThat(childrens.days()).extracting(d -> String.join(",", d.open()))
                .containsExactly("10:00-14:00", "", "", "", "", "", "");
        assertThat(childrens.duties()).extracting(ScheduleWeekView.DutyView::employmentType).containsExactly("volunteer");
        // Circulation: nobody Tuesday, Wednesday and Thursday; the children's desk: a volunteer alone on Monday.
        assertThat(week.gaps()).extracting(g -> g.servicePoint() + " " + g.date() + " " + g.kind()).containsExactly(
                "childrens 2026-12-21 ONLY_VOLUNTEERS_OR_PAGES",
                "circulation 2026-12-22 GAP",
                "circulation 2026-12-23 GAP");
    }

    @Test
    void a_bookmobiles_week_lists_its_stops_by_day_and_its_gaps_name_the_stop() {
        BranchSpec withBookmobile = new BranchSpec("MAIN", "Main Library", true, null, null,
                List.of(new ServicePointSpec("bookmobile", "Bookmobile", null, true, List.of(
                        new BranchSpec.StopSpec("Mill Road", "monday", "13:00-14:30"),
                        new BranchSpec.StopSpec("Oak Street School", "monday", "10:00-12:00")))),
                MAIN.openingHours(), List.of());
        Inputs inputs = new Inputs(List.of(weekly(ANA, "bookmobile", DayOfWeek.MONDAY, "09:30", "12:00")), List.of(),
                Map.of(ANA, new Person(ANA, "Ana", EmploymentType.PERMANENT)));

        ScheduleWeekView week = ScheduleReport.week(CHICAGO, ScheduleReport.monday("2026-W50"), withBookmobile, inputs);

        DeskWeek bookmobile = week.desks().get(0);
        assertThat(bookmobile.mobile()).isTrue();
        assertThat(bookmobile.days().get(0).stops()).containsExactly(new ScheduleWeekView.StopView("Oak Street School", "10:00-12:00"),
                new ScheduleWeekView.StopView("Mill Road", "13:00-14:30"));
        assertThat(bookmobile.days().get(0).open()).containsExactly("10:00-12:00", "13:00-14:30");
        assertThat(bookmobile.days().get(1).stops()).isEmpty();
        assertThat(week.gaps()).extracting(CoverageIssue::stop, CoverageIssue::from, CoverageIssue::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Mill Road", "13:00", "14:30"));
    }

    @Test
    void a_headquarters_without_a_desk_has_an_empty_week_and_no_gaps() {
        BranchSpec office = new BranchSpec("MAIN", "System Office", true, null, null, List.of(), MAIN.openingHours(), List.of());

        ScheduleWeekView week = ScheduleReport.week(CHICAGO, ScheduleReport.monday("2026-W50"), office, new Inputs(List.of(), List.of(), Map.of()));

        assertThat(week.desks()).isEmpty();
        assertThat(week.gaps()).isEmpty();
        assertThat(ScheduleReport.issues(CHICAGO, LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-13"), CoverageDesks.of(office),
                new Inputs(List.of(), List.of(), Map.of()))).isEmpty();
    }

    @Test
    void iso_weeks_are_read_strictly() {
        assertThat(ScheduleReport.monday("2026-W49")).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(ScheduleReport.isoWeek(LocalDate.parse("2027-01-01"))).isEqualTo("2026-W53");
        for (String bad : List.of("2026-49", "2026-W60", "2027-W53", "W49")) {
            Refusal refusal = catchThrowableOfType(() -> ScheduleReport.monday(bad), Refusal.class);
            assertThat(refusal).as(bad).isNotNull();
            assertThat(refusal.violations()).extracting(Refusal.Violation::field).containsExactly("week");
        }
    }

    @Test
    void headquarters_and_tenant_admins_see_all_branches_or_the_one_they_name_others_only_their_home_branch() {
        assertThat(ScheduleAccess.branches(SYSTEM, staff("EAST", Roles.STAFF, Roles.HEADQUARTERS), null)).containsExactly(EAST, MAIN);
        assertThat(ScheduleAccess.branches(SYSTEM, staff(null, Roles.TENANT_ADMIN), null)).containsExactly(EAST, MAIN);
        assertThat(ScheduleAccess.branches(SYSTEM, staff("EAST", Roles.STAFF, Roles.PERSON_IN_CHARGE), null)).containsExactly(EAST);
        assertThat(ScheduleAccess.branches(SYSTEM, staff("EAST", Roles.STAFF, Roles.HEADQUARTERS), "MAIN")).containsExactly(MAIN);
        assertThat(ScheduleAccess.branches(SYSTEM, staff("EAST", Roles.STAFF), "EAST")).containsExactly(EAST);
        assertThat(catchThrowableOfType(() -> ScheduleAccess.branches(SYSTEM, staff("EAST", Roles.STAFF, Roles.PERSON_IN_CHARGE), "MAIN"),
                Refusal.class).status()).isEqualTo(404);

        assertThat(catchThrowableOfType(() -> ScheduleAccess.branches(SYSTEM, staff(null, Roles.STAFF), null), Refusal.class).status())
                .isEqualTo(400);
        assertThat(catchThrowableOfType(() -> ScheduleAccess.branches(SYSTEM, staff("EAST", Roles.STAFF), "WEST"), Refusal.class).status())
                .isEqualTo(404);
    }

    @Test
    void persons_in_charge_and_tenant_admins_plan_and_only_staff_read() {
        assertThat(ScheduleAccess.plans(staff("EAST", Roles.STAFF, Roles.PERSON_IN_CHARGE))).isTrue();
        assertThat(ScheduleAccess.plans(staff(null, Roles.TENANT_ADMIN))).isTrue();
        assertThat(ScheduleAccess.plans(staff("EAST", Roles.STAFF, Roles.HEADQUARTERS))).isFalse();
        assertThat(ScheduleAccess.isStaff(Caller.operator("op"), TenantId.of("riverside"))).isFalse();
        assertThat(ScheduleAccess.isStaff(staff("EAST", Roles.STAFF), TenantId.of("riverside"))).isTrue();
        // Staff of one library system plan nothing in another, even when a control is called with its id.
        assertThat(ScheduleAccess.plans(staff("EAST", Roles.STAFF, Roles.PERSON_IN_CHARGE), TenantId.of("lakeview"))).isFalse();
        assertThat(ScheduleAccess.isStaff(staff("EAST", Roles.STAFF), TenantId.of("lakeview"))).isFalse();
        assertThat(ScheduleAccess.seesBranchAbsences(staff("EAST", Roles.STAFF))).isFalse();
        assertThat(ScheduleAccess.seesBranchAbsences(staff("EAST", Roles.STAFF, Roles.HEADQUARTERS))).isTrue();
    }
}
