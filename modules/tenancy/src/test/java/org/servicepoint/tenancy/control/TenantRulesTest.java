package org.servicepoint.tenancy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.tenancy.control.BranchSpec.ClosureSpec;
import org.servicepoint.tenancy.control.BranchSpec.ServicePointSpec;
import org.servicepoint.tenancy.entity.DayHours;

/** The rules a tenant document keeps beyond its schema, checked on documents built in plain Java. */
class TenantRulesTest {

    static final WeekSpec WEEKDAYS = week("09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00", "09:00-17:00");

    /** A week from Monday on, each day's periods comma-separated; null or missing days are closed. */
    static WeekSpec week(String... mondayOnwards) {
        List<List<String>> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(i < mondayOnwards.length && mondayOnwards[i] != null ? List.of(mondayOnwards[i].split(",")) : null);
        }
        return new WeekSpec(days.get(0), days.get(1), days.get(2), days.get(3), days.get(4), days.get(5), days.get(6));
    }

    static ServicePointSpec desk(String code) {
        return new ServicePointSpec(code, "Desk " + code, null);
    }

    static BranchSpec branch(String code, boolean headquarters) {
        return new BranchSpec(code, "Branch " + code, headquarters, "1 Main Street", "+1 601-555-0110",
                List.of(desk("circulation"), desk("reference")), WEEKDAYS,
                List.of(new ClosureSpec("2026-12-24", "Christmas Eve", List.of("09:00-12:00")),
                        new ClosureSpec("2026-12-25", "Christmas Day", null)));
    }

    static TenantSpec tenant(BranchSpec... branches) {
        return new TenantSpec("millbrook", "Millbrook Public Library", "America/Chicago", "en-US", "active",
                List.of(branches));
    }

    /** A valid library system with a headquarters and one member branch. */
    static TenantSpec valid() {
        return tenant(branch("MAIN", true), branch("EAST", false));
    }

    static TenantSpec settings(String timeZone, String locale, String status) {
        TenantSpec t = valid();
        return new TenantSpec(t.slug(), t.name(), timeZone, locale, status, t.branches());
    }

    /** The valid tenant with its headquarters branch changed. */
    static TenantSpec mainBranch(UnaryOperator<BranchSpec> change) {
        return tenant(change.apply(branch("MAIN", true)), branch("EAST", false));
    }

    static BranchSpec withDesks(BranchSpec b, ServicePointSpec... desks) {
        return new BranchSpec(b.code(), b.name(), b.headquarters(), b.address(), b.phone(), List.of(desks),
                b.openingHours(), b.closures());
    }

    static BranchSpec withHours(BranchSpec b, WeekSpec hours) {
        return new BranchSpec(b.code(), b.name(), b.headquarters(), b.address(), b.phone(), b.servicePoints(),
                hours, b.closures());
    }

    static BranchSpec withClosures(BranchSpec b, ClosureSpec... closures) {
        return new BranchSpec(b.code(), b.name(), b.headquarters(), b.address(), b.phone(), b.servicePoints(),
                b.openingHours(), List.of(closures));
    }

    static BranchSpec named(BranchSpec b, String name) {
        return new BranchSpec(b.code(), name, b.headquarters(), b.address(), b.phone(), b.servicePoints(),
                b.openingHours(), b.closures());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a time zone that does not exist", settings("Mars/Olympus", "en-US", "active"), "timeZone"),
                Arguments.of("a time zone written as words", settings("Central Time", "en-US", "active"), "timeZone"),
                Arguments.of("no time zone", settings(null, "en-US", "active"), "timeZone"),
                Arguments.of("a locale that is not a language tag", settings("America/Chicago", "en_US", "active"), "locale"),
                Arguments.of("no locale", settings("America/Chicago", null, "active"), "locale"),
                Arguments.of("a status other than active or suspended", settings("America/Chicago", "en-US", "closed"), "status"),
                Arguments.of("a slug with capitals", new TenantSpec("Millbrook", "Millbrook", "UTC", "en-US", null,
                        valid().branches()), "slug"),
                Arguments.of("a blank library system name", new TenantSpec("millbrook", " ", "UTC", "en-US", null,
                        valid().branches()), "name"),
                Arguments.of("no branches at all", tenant(), "branches"),
                Arguments.of("no headquarters", tenant(branch("MAIN", false), branch("EAST", false)), "branches"),
                Arguments.of("two headquarters", tenant(branch("MAIN", true), branch("EAST", true)), "branches"),
                Arguments.of("a branch code used twice", tenant(branch("MAIN", true), branch("EAST", false),
                        branch("EAST", false)), "branches[2].code"),
                Arguments.of("a lowercase branch code", tenant(branch("MAIN", true), branch("east", false)), "branches[1].code"),
                Arguments.of("a branch without a name", mainBranch(b -> named(b, null)), "branches[0].name"),
                Arguments.of("a branch with a blank name", mainBranch(b -> named(b, "   ")), "branches[0].name"),
                Arguments.of("a phone number with letters", mainBranch(b -> new BranchSpec(b.code(), b.name(), true,
                        b.address(), "call us", b.servicePoints(), b.openingHours(), b.closures())), "branches[0].phone"),
                // Only the headquarters may have no desk (a system office): see headquarters_without_a_public_desk….
                Arguments.of("a member branch with no desks", tenant(branch("MAIN", true), withDesks(branch("EAST", false))),
                        "branches[1].servicePoints"),
                Arguments.of("a desk listed twice in its branch", mainBranch(b -> withDesks(b, desk("circulation"),
                        desk("reference"), desk("circulation"))), "branches[0].servicePoints[2].code"),
                Arguments.of("a desk code with capitals", mainBranch(b -> withDesks(b, desk("Circulation"))),
                        "branches[0].servicePoints[0].code"),
                Arguments.of("a desk without a name", mainBranch(b -> withDesks(b, new ServicePointSpec("circulation", "", null))),
                        "branches[0].servicePoints[0].name"),
                Arguments.of("overlapping periods on a day", mainBranch(b -> withHours(b, week("09:00-12:00,11:00-17:00"))),
                        "branches[0].openingHours.monday"),
                Arguments.of("a period ending before it starts", mainBranch(b -> withHours(b, week(null, null, "17:00-09:00"))),
                        "branches[0].openingHours.wednesday"),
                Arguments.of("overlapping periods in a desk's own hours", mainBranch(b -> withDesks(b,
                        new ServicePointSpec("reference", "Reference", week(null, null, null, null, "10:00-14:00,13:00-15:00")))),
                        "branches[0].servicePoints[0].openingHours.friday"),
                Arguments.of("a closure date listed twice", mainBranch(b -> withClosures(b,
                        new ClosureSpec("2026-12-25", "Christmas Day", null),
                        new ClosureSpec("2026-12-25", "Christmas", null))), "branches[0].closures[1].date"),
                Arguments.of("an impossible closure date", mainBranch(b -> withClosures(b,
                        new ClosureSpec("2026-02-30", "Leap of faith", null))), "branches[0].closures[0].date"),
                Arguments.of("a closure without a date", mainBranch(b -> withClosures(b,
                        new ClosureSpec(null, "Inventory", null))), "branches[0].closures[0].date"),
                Arguments.of("a closure without a reason", mainBranch(b -> withClosures(b,
                        new ClosureSpec("2026-12-25", null, null))), "branches[0].closures[0].reason"),
                Arguments.of("shortened hours that end before they start", mainBranch(b -> withClosures(b,
                        new ClosureSpec("2026-12-24", "Christmas Eve", List.of("12:00-09:00")))), "branches[0].closures[0].hours"));
    }

    @ParameterizedTest(name = "{0} is refused at {2}")
    @MethodSource("refused")
    void each_broken_rule_is_reported_once_at_its_field(String what, TenantSpec tenant, String field) {
        assertThat(TenantRules.check(tenant)).extracting(Violation::field).containsExactly(field);
    }

    @Test
    void keycloaks_master_realm_and_the_operators_realm_are_no_library_system_slugs() {
        for (String slug : List.of("master", "servicepoint-operators")) {
            TenantSpec t = valid();
            var reserved = new TenantSpec(slug, t.name(), t.timeZone(), t.locale(), t.status(), t.branches());
            assertThat(TenantRules.check(reserved)).extracting(Violation::field, Violation::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("slug",
                            "\"" + slug + "\" is reserved for the sign-in service; choose another slug"));
        }
        assertThat(TenantRules.check(valid())).isEmpty();
    }

    // --- a headquarters with no public desk, a bookmobile, a fallback language

    @Test
    void a_headquarters_without_a_public_desk_breaks_no_rule() {
        TenantSpec systemOffice = tenant(withDesks(branch("MAIN", true)), branch("EAST", false));

        assertThat(TenantRules.check(systemOffice)).isEmpty();
    }

    static ServicePointSpec bookmobile(BranchSpec.StopSpec... stops) {
        return new ServicePointSpec("bookmobile", "Bookmobile", null, true, List.of(stops));
    }

    static BranchSpec.StopSpec stop(String name, String day, String hours) {
        return new BranchSpec.StopSpec(name, day, hours);
    }

    @Test
    void a_bookmobile_with_a_weekly_route_breaks_no_rule() {
        TenantSpec withRoute = mainBranch(b -> withDesks(b, desk("circulation"), bookmobile(
                stop("Oak Street School", "monday", "09:30-11:30"), stop("Mill Road Senior Center", "monday", "11:30-13:00"),
                stop("Oak Street School", "thursday", "09:30-11:30"))));

        assertThat(TenantRules.check(withRoute)).isEmpty();
    }

    static Stream<Arguments> refusedRoutes() {
        String longName = "x".repeat(101);
        return Stream.of(
                Arguments.of("two stops at once on a day", bookmobile(stop("Oak Street School", "monday", "09:00-11:00"),
                        stop("Mill Road", "monday", "10:30-12:00")), "branches[0].servicePoints[1].stops[1].hours"),
                Arguments.of("a stop without a name", bookmobile(stop(" ", "monday", "09:00-11:00")),
                        "branches[0].servicePoints[1].stops[0].name"),
                Arguments.of("a stop name longer than 100 characters", bookmobile(stop(longName, "monday", "09:00-11:00")),
                        "branches[0].servicePoints[1].stops[0].name"),
                Arguments.of("a stop on no day of the week", bookmobile(stop("Oak Street School", "someday", "09:00-11:00")),
                        "branches[0].servicePoints[1].stops[0].day"),
                Arguments.of("a stop that ends before it starts", bookmobile(stop("Oak Street School", "friday", "14:00-09:00")),
                        "branches[0].servicePoints[1].stops[0].hours"),
                Arguments.of("a stop with two periods", bookmobile(stop("Oak Street School", "friday", "09:00-10:00,11:00-12:00")),
                        "branches[0].servicePoints[1].stops[0].hours"),
                Arguments.of("a bookmobile without stops", bookmobile(), "branches[0].servicePoints[1].stops"),
                Arguments.of("a bookmobile with weekly hours", new ServicePointSpec("bookmobile", "Bookmobile", WEEKDAYS, true,
                        List.of(stop("Oak Street School", "monday", "09:00-11:00"))), "branches[0].servicePoints[1].openingHours"),
                Arguments.of("stops at a desk that is not mobile", new ServicePointSpec("bookmobile", "Bookmobile", null, null,
                        List.of(stop("Oak Street School", "monday", "09:00-11:00"))), "branches[0].servicePoints[1].stops"));
    }

    @ParameterizedTest(name = "{0} is refused at {2}")
    @MethodSource("refusedRoutes")
    void each_broken_rule_of_a_route_is_reported_once_at_its_field(String what, ServicePointSpec desk, String field) {
        TenantSpec tenant = mainBranch(b -> withDesks(b, desk("circulation"), desk));

        assertThat(TenantRules.check(tenant)).extracting(Violation::field).containsExactly(field);
    }

    @Test
    void the_overlap_of_two_stops_is_said_with_both_names() {
        TenantSpec tenant = mainBranch(b -> withDesks(b, bookmobile(stop("Oak Street School", "monday", "09:00-11:00"),
                stop("Mill Road", "monday", "10:30-12:00"))));

        assertThat(TenantRules.check(tenant)).extracting(Violation::message).singleElement().asString()
                .contains("Oak Street School", "monday", "09:00-11:00");
    }

    @Test
    void the_same_stop_on_two_days_at_the_same_time_is_fine() {
        TenantSpec tenant = mainBranch(b -> withDesks(b, bookmobile(stop("Oak Street School", "monday", "09:00-11:00"),
                stop("Oak Street School", "tuesday", "09:00-11:00"))));

        assertThat(TenantRules.check(tenant)).isEmpty();
    }

    static TenantSpec fallingBackTo(String language) {
        TenantSpec t = valid();
        return new TenantSpec(t.slug(), t.name(), t.timeZone(), "fr-CA", t.status(), t.branches(), null, null, null, null,
                language);
    }

    @Test
    void a_fallback_language_must_be_one_servicepoint_has_texts_in() {
        assertThat(TenantRules.check(fallingBackTo("es"))).isEmpty();
        assertThat(TenantRules.check(fallingBackTo(null))).as("none given: English").isEmpty();
        assertThat(TenantRules.check(fallingBackTo("fr"))).extracting(Violation::field, Violation::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fallbackLanguage",
                        "must be a language ServicePoint has texts in: en, es"));
    }

    @Test
    void a_well_kept_library_system_breaks_no_rule() {
        assertThat(TenantRules.check(valid())).isEmpty();
    }

    @Test
    void the_same_desk_code_in_two_branches_is_fine() {
        TenantSpec twoCirculationDesks = tenant(withDesks(branch("MAIN", true), desk("circulation")),
                withDesks(branch("EAST", false), desk("circulation")));

        assertThat(TenantRules.check(twoCirculationDesks)).isEmpty();
    }

    @Test
    void status_may_be_left_out_and_then_means_active() {
        assertThat(TenantRules.check(settings("America/Chicago", "en-US", null))).isEmpty();
        assertThat(settings("America/Chicago", "en-US", null).effectiveStatus()).isEqualTo("active");
    }

    @Test
    void the_messages_say_what_is_wrong() {
        assertThat(TenantRules.check(tenant(branch("MAIN", true), branch("EAST", true))))
                .extracting(Violation::message).containsExactly("exactly one branch must be the headquarters (found 2)");
        assertThat(TenantRules.check(settings("Mars/Olympus", "en-US", null)))
                .extracting(Violation::message).singleElement().asString().contains("\"Mars/Olympus\"", "IANA");
        assertThat(TenantRules.check(tenant(branch("MAIN", true), branch("MAIN", false))))
                .extracting(Violation::message).containsExactly("branch code MAIN is used twice");
    }

    @Test
    void every_problem_of_a_document_is_reported_not_just_the_first() {
        TenantSpec broken = new TenantSpec("millbrook", "Millbrook", "Mars/Olympus", "en_US", null,
                List.of(withHours(branch("MAIN", false), week("09:00-12:00,10:00-11:00"))));

        assertThat(TenantRules.check(broken)).extracting(Violation::field)
                .containsExactlyInAnyOrder("timeZone", "locale", "branches[0].openingHours.monday", "branches");
    }

    @Test
    void a_branch_checked_on_its_own_has_fields_named_from_the_branch() {
        // the admin API checks one branch document: no "branches[i]." in front
        BranchSpec overlapping = withHours(branch("MAIN", true), week("09:00-12:00,11:00-17:00"));

        assertThat(TenantRules.checkBranch(overlapping, "")).extracting(Violation::field)
                .containsExactly("openingHours.monday");
        assertThat(TenantRules.checkBranch(branch("MAIN", true), "")).isEmpty();
    }

    @Test
    void a_checked_week_becomes_seven_days_with_the_missing_ones_closed() {
        var hours = TenantRules.hours(week("09:00-12:00,13:00-17:00"));

        assertThat(hours).hasSize(7);
        assertThat(hours.get(DayOfWeek.MONDAY).text()).isEqualTo("09:00-12:00,13:00-17:00");
        assertThat(hours.get(DayOfWeek.SUNDAY)).isEqualTo(DayHours.CLOSED);
    }
}
