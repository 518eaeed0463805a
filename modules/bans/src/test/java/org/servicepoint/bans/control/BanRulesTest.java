package org.servicepoint.bans.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.bans.control.Fixtures.NOW;
import static org.servicepoint.bans.control.Fixtures.director;
import static org.servicepoint.bans.control.Fixtures.library;
import static org.servicepoint.bans.control.Fixtures.northManager;
import static org.servicepoint.platform.testing.Refusals.refusalOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicepoint.bans.entity.BanScope;
import org.servicepoint.bans.entity.BanStatus;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

class BanRulesTest {

    static final String T = "rules-lib";
    static final TenantId TENANT = TenantId.of(T);
    static final UUID PATRON = UUID.fromString("7f000000-0000-4000-8000-000000000001");

    static NewBan ban(String scope, String branch, String startsAt, String endsAt, String reason, String reviewOn) {
        return new NewBan(null, null, PATRON, null, scope, branch, startsAt, endsAt, reason, reviewOn);
    }

    static List<String> fields(Refusal refusal) {
        return refusal.violations().stream().map(Violation::field).toList();
    }

    static Refusal refused(NewBan wanted, Caller caller) {
        Refusal e = refusalOf(() -> BanRules.check(wanted, library(), caller, NOW));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.type()).isEqualTo("invalid-input");
        return e;
    }

    @Test
    void a_branch_ban_without_a_start_starts_now_and_local_times_are_the_library_systems() {
        BanRules.Checked checked = BanRules.check(ban("branch", "NORTH", null, "2026-04-10T09:00", "Damaged a keyboard", "2026-03-25"),
                library(), northManager(T), NOW);
        assertThat(checked.scope()).isEqualTo(BanScope.BRANCH);
        assertThat(checked.branch()).isEqualTo("NORTH");
        assertThat(checked.startsAt()).isEqualTo(NOW);
        assertThat(checked.startGiven()).isFalse();
        // 09:00 in Chicago on 10 April (daylight saving time by then: UTC-5).
        assertThat(checked.endsAt()).isEqualTo(Instant.parse("2026-04-10T14:00:00Z"));
        assertThat(checked.reviewOn()).isEqualTo(LocalDate.parse("2026-03-25"));
    }

    @Test
    void a_time_with_an_offset_is_taken_as_given_and_the_branch_defaults_to_the_callers_own() {
        BanRules.Checked checked = BanRules.check(ban("Branch", null, "2026-03-11T08:00:00-06:00", "2026-03-12T08:00:00Z",
                "Shared a login", null), library(), northManager(T), NOW);
        assertThat(checked.branch()).isEqualTo("NORTH");
        assertThat(checked.startsAt()).isEqualTo(Instant.parse("2026-03-11T14:00:00Z"));
        assertThat(checked.startGiven()).isTrue();
        assertThat(checked.endsAt()).isEqualTo(Instant.parse("2026-03-12T08:00:00Z"));
    }

    @Test
    void a_system_ban_names_no_branch() {
        BanRules.Checked checked = BanRules.check(ban("system", null, null, "2026-06-01T00:00", "Threats", null), library(),
                northManager(T), NOW);
        assertThat(checked.scope()).isEqualTo(BanScope.SYSTEM);
        assertThat(checked.branch()).isNull();
        assertThat(fields(refused(ban("system", "NORTH", null, "2026-06-01T00:00", "Threats", null), northManager(T))))
                .containsExactly("branch");
    }

    @Test
    void markup_is_refused_while_lone_brackets_ampersands_and_line_breaks_are_kept() {
        assertThat(fields(refused(ban("system", null, null, "2026-06-01T00:00", "<b>Shouted</b> at the desk", null), northManager(T))))
                .containsExactly("reason");
        BanRules.Checked checked = BanRules.check(ban("system", null, null, "2026-06-01T00:00",
                "  Shouted <3 times & swore\r\nat the desk  ", null), library(), northManager(T), NOW);
        assertThat(checked.reason()).isEqualTo("Shouted <3 times & swore\nat the desk");
    }

    static Stream<Arguments> badBans() {
        String end = "2026-05-01T12:00";
        return Stream.of(
                Arguments.of("no scope", ban(null, "NORTH", null, end, "x", null), List.of("scope")),
                Arguments.of("unknown scope", ban("building", "NORTH", null, end, "x", null), List.of("scope")),
                Arguments.of("unknown branch", ban("branch", "WEST", null, end, "x", null), List.of("branch")),
                Arguments.of("no end", ban("branch", "NORTH", null, null, "x", null), List.of("endsAt")),
                Arguments.of("end not a time", ban("branch", "NORTH", null, "next tuesday", "x", null), List.of("endsAt")),
                Arguments.of("end passed", ban("branch", "NORTH", "2026-03-01T00:00", "2026-03-09T00:00", "x", null), List.of("endsAt")),
                Arguments.of("end before start", ban("branch", "NORTH", "2026-04-01T00:00", "2026-03-20T00:00", "x", null),
                        List.of("endsAt")),
                Arguments.of("end equals start", ban("branch", "NORTH", "2026-04-01T00:00", "2026-04-01T00:00", "x", null),
                        List.of("endsAt")),
                Arguments.of("longer than two years", ban("branch", "NORTH", null, "2028-03-10T15:00:01", "x", null), List.of("endsAt")),
                Arguments.of("start too far ahead", ban("branch", "NORTH", "2027-03-11T00:00", "2027-04-01T00:00", "x", null),
                        List.of("startsAt")),
                Arguments.of("no reason", ban("branch", "NORTH", null, end, "  ", null), List.of("reason")),
                Arguments.of("reason too long", ban("branch", "NORTH", null, end, "x".repeat(1001), null), List.of("reason")),
                Arguments.of("control character", ban("branch", "NORTH", null, end, "bell\u0007", null), List.of("reason")),
                Arguments.of("direction override", ban("branch", "NORTH", null, end, "abc\u202Edef", null), List.of("reason")),
                Arguments.of("review not a date", ban("branch", "NORTH", null, end, "x", "soon"), List.of("reviewOn")),
                Arguments.of("review after the end", ban("branch", "NORTH", null, end, "x", "2026-05-02"), List.of("reviewOn")),
                Arguments.of("review before the start", ban("branch", "NORTH", null, end, "x", "2026-03-09"), List.of("reviewOn")),
                Arguments.of("both card and reference",
                        new NewBan("21234005678901", null, PATRON, null, "system", null, null, end, "x", null),
                        List.of("patronReferenceId")),
                Arguments.of("no patron", new NewBan(null, null, null, null, "system", null, null, end, "x", null), List.of("cardNumber")),
                Arguments.of("a name without a card", new NewBan(null, "Pat", PATRON, null, "system", null, null, end, "x", null),
                        List.of("displayName")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBans")
    void bad_input_is_refused_naming_the_field(String what, NewBan wanted, List<String> expected) {
        assertThat(fields(refused(wanted, northManager(T)))).containsExactlyElementsOf(expected);
    }

    @Test
    void every_problem_is_named_at_once() {
        Refusal refusal = refused(new NewBan(null, null, null, null, "galaxy", null, "yesterday", null, "", "x"), northManager(T));
        assertThat(fields(refusal)).containsExactlyInAnyOrder("cardNumber", "scope", "startsAt", "endsAt", "reason", "reviewOn");
    }

    @Test
    void exactly_two_years_is_allowed_and_the_review_may_fall_on_the_first_or_last_day() {
        assertThat(BanRules.check(ban("branch", "NORTH", "2026-03-10T14:00", "2028-03-10T14:00", "x", "2028-03-10"), library(),
                northManager(T), NOW).endsAt()).isEqualTo(Instant.parse("2028-03-10T20:00:00Z"));
        assertThat(BanRules.check(ban("branch", "NORTH", "2026-03-10T14:00", "2026-03-20T14:00", "x", "2026-03-10"), library(),
                northManager(T), NOW).reviewOn()).isEqualTo(LocalDate.parse("2026-03-10"));
    }

    @Test
    void a_start_in_the_past_is_allowed_while_the_end_is_still_ahead() {
        assertThat(BanRules.check(ban("branch", "NORTH", "2026-03-01T09:00", "2026-03-20T09:00", "x", null), library(),
                northManager(T), NOW).startsAt()).isBefore(NOW);
    }

    @Test
    void a_branch_ban_without_a_branch_from_someone_whose_sign_in_names_none_is_refused() {
        Caller noBranch = Fixtures.staff(T, "ola", null, Roles.PERSON_IN_CHARGE);
        assertThat(fields(refused(ban("branch", null, null, "2026-05-01T00:00", "x", null), noBranch))).containsExactly("branch");
    }

    @Test
    void who_may_impose() {
        assertThat(BanRules.mayImpose(northManager(T), TENANT, BanScope.BRANCH, "NORTH")).isTrue();
        assertThat(BanRules.mayImpose(northManager(T), TENANT, BanScope.BRANCH, "SOUTH")).isFalse();
        assertThat(BanRules.mayImpose(northManager(T), TENANT, BanScope.SYSTEM, null)).isTrue();
        assertThat(BanRules.mayImpose(director(T), TENANT, BanScope.BRANCH, "SOUTH")).isTrue();
        assertThat(BanRules.mayImpose(Fixtures.desk(T), TENANT, BanScope.BRANCH, "NORTH")).isFalse();
        Caller adminOnly = Fixtures.staff(T, "ada", "HQ", Roles.TENANT_ADMIN);
        assertThat(BanRules.mayImpose(adminOnly, TENANT, BanScope.SYSTEM, null)).isFalse();
        assertThat(BanRules.mayImpose(northManager("other-lib"), TENANT, BanScope.SYSTEM, null)).isFalse();
        assertThat(BanRules.mayImpose(Caller.SYSTEM, TENANT, BanScope.SYSTEM, null)).isFalse();
    }

    @Test
    void who_sees_and_who_lifts() {
        Caller north = northManager(T);
        assertThat(BanRules.sees(north, TENANT, BanScope.BRANCH, "NORTH", "sol")).isTrue();
        assertThat(BanRules.sees(north, TENANT, BanScope.SYSTEM, null, "sol")).isTrue();
        assertThat(BanRules.sees(north, TENANT, BanScope.BRANCH, "SOUTH", "sol")).isFalse();
        assertThat(BanRules.sees(north, TENANT, BanScope.BRANCH, "SOUTH", "rosa")).isTrue();
        assertThat(BanRules.sees(Fixtures.desk(T), TENANT, BanScope.SYSTEM, null, "rosa")).isFalse();
        Caller adminOnly = Fixtures.staff(T, "ada", "HQ", Roles.TENANT_ADMIN);
        assertThat(BanRules.sees(adminOnly, TENANT, BanScope.BRANCH, "SOUTH", "sol")).isTrue();
        assertThat(BanRules.sees(director("other-lib"), TENANT, BanScope.SYSTEM, null, "dee")).isFalse();

        assertThat(BanRules.mayLift(north, TENANT, BanScope.BRANCH, "NORTH", "sol")).isTrue();
        assertThat(BanRules.mayLift(north, TENANT, BanScope.SYSTEM, null, "dee")).isTrue();
        assertThat(BanRules.mayLift(north, TENANT, BanScope.BRANCH, "SOUTH", "rosa")).isTrue();
        assertThat(BanRules.mayLift(north, TENANT, BanScope.BRANCH, "SOUTH", "sol")).isFalse();
        assertThat(BanRules.mayLift(adminOnly, TENANT, BanScope.BRANCH, "SOUTH", "sol")).isFalse();
        assertThat(BanRules.mayLift(director(T), TENANT, BanScope.BRANCH, "SOUTH", "sol")).isTrue();
    }

    @Test
    void the_desk_asks_about_its_own_branch_unless_it_names_another_of_the_library_system() {
        assertThat(BanRules.lookupBranch(null, library(), Fixtures.desk(T))).isEqualTo("NORTH");
        assertThat(BanRules.lookupBranch(" SOUTH ", library(), Fixtures.desk(T))).isEqualTo("SOUTH");
        assertThatThrownBy(() -> BanRules.lookupBranch("WEST", library(), Fixtures.desk(T))).isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).status()).isEqualTo(400);
        assertThatThrownBy(() -> BanRules.lookupBranch(null, library(), Fixtures.staff(T, "ola", null))).isInstanceOf(Refusal.class)
                .hasMessageContaining("branch");
    }

    @Test
    void status_filters_are_spelled_as_the_api_shows_them() {
        assertThat(BanRules.status("active")).isEqualTo(BanStatus.ACTIVE);
        assertThat(BanRules.status(" Lifted ")).isEqualTo(BanStatus.LIFTED);
        assertThat(BanRules.status(null)).isNull();
        assertThatThrownBy(() -> BanRules.status("current")).isInstanceOf(Refusal.class).hasMessageContaining("status");
    }

    @Test
    void a_lift_needs_a_plain_text_reason() {
        assertThat(BanRules.liftReason(" Apologised in writing ")).isEqualTo("Apologised in writing");
        assertThatThrownBy(() -> BanRules.liftReason("")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> BanRules.liftReason("x\u0000")).isInstanceOf(Refusal.class);
    }
}
