package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.RosterRules.Field;

class RosterRulesTest {

    static final LibrarySystem SYSTEM = RosterFixtures.system("millbrook");

    static RosterRules.Outcome check(StaffDetails details) {
        return RosterRules.check(details, SYSTEM, Field::json);
    }

    static StaffDetails named(String tagName) {
        return RosterFixtures.details(tagName, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë", "José Ñúñez", "Ólafur", "Łucja", "Σοφία", "Дмитрий", "李小龍", "محمد", "Nguyễn Thị Hoa",
            "O'Brien-Smith", "Dr. J", "Ana (Nita)"})
    void names_in_any_script_are_plain_text(String name) {
        RosterRules.Outcome outcome = check(named(name));
        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.details().tagName()).isEqualTo(name);
    }

    @Test
    void a_name_is_stored_composed_trimmed_and_with_single_spaces() {
        assertThat(check(named("  Zoe\u0308\u00A0\u00A0 Smith ")).details().tagName()).isEqualTo("Zoë Smith");
    }

    @Test
    void a_name_with_a_joiner_that_some_scripts_need_is_accepted() {
        assertThat(check(named("क्\u200Dष")).ok()).isTrue();
    }

    @Test
    void sixty_characters_fit_on_a_tag_and_sixty_one_do_not() {
        assertThat(check(named("a".repeat(60))).ok()).isTrue();
        assertThat(check(named("a".repeat(61))).violations())
                .containsExactly(new Violation("tagName", "is 61 characters long; at most 60 fit on a tag"));
    }

    @Test
    void characters_outside_the_basic_plane_count_once() {
        String name = "\uD840\uDC0B".repeat(60); // 60 CJK extension B ideographs, 120 UTF-16 units
        assertThat(check(named(name)).ok()).isTrue();
    }

    @Test
    void a_tag_name_with_markup_is_refused_but_a_lone_angle_bracket_is_a_character() {
        assertThat(check(named("<b>Sam</b>")).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("markup"));
        assertThat(check(named("Sam <3")).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bell\u0007", "Two\nlines", "Tab\there", "Evil\u202Eoga", "Soft\u00ADhyphen", "Private\uE000",
            "Lone\uD800"})
    void control_and_formatting_characters_are_refused_by_code_point(String name) {
        List<Violation> violations = check(named(name)).violations();
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).field()).isEqualTo("tagName");
        assertThat(violations.get(0).message()).startsWith("contains U+").contains("not plain text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00A0"})
    void a_blank_name_is_refused(String name) {
        assertThat(check(named(name)).violations()).containsExactly(new Violation("tagName", "is required"));
        assertThat(check(named(null)).violations()).containsExactly(new Violation("tagName", "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sam", "jose.n", "d_k-9", "a23456789012345678901234567890123456789x"})
    void usernames_that_fit_the_pattern(String username) {
        assertThat(check(RosterFixtures.details("Sam", username)).details().username()).isEqualTo(username);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Sam", "9lives", "jo@library", "a234567890123456789012345678901234567890x", "josé"})
    void usernames_that_do_not(String username) {
        assertThat(check(RosterFixtures.details("Sam", username)).violations()).extracting(Violation::field)
                .containsExactly("username");
    }

    @Test
    void a_blank_username_means_none() {
        assertThat(check(RosterFixtures.details("Sam", "  ")).details().username()).isNull();
    }

    @Test
    void codes_must_be_the_library_systems_own_and_are_matched_regardless_of_case() {
        StaffDetails spreadsheet = new StaffDetails("Sam", null, "Branch-Manager", "north-end", "STUDENT_ASSISTANT",
                LocalDate.of(2025, 1, 1), null);
        StaffDetails stored = check(spreadsheet).details();
        assertThat(stored.position()).isEqualTo("branch-manager");
        assertThat(stored.branch()).isEqualTo("NORTH-END");
        assertThat(stored.employmentType()).isEqualTo("student-assistant");

        List<Violation> violations = check(new StaffDetails("Sam", null, "director", "SOUTH", "intern",
                LocalDate.of(2025, 1, 1), null)).violations();
        assertThat(violations).extracting(Violation::field).containsExactly("position", "branch", "employmentType");
        assertThat(violations.get(0).message()).contains("volunteer, library-assistant, branch-manager");
        assertThat(violations.get(1).message()).contains("HQ, NORTH-END");
    }

    @Test
    void a_work_email_is_one_plain_address_with_its_domain_in_lower_case() {
        LocalDate start = LocalDate.of(2025, 5, 1);
        StaffDetails ok = new StaffDetails("Sam", null, "volunteer", "HQ", "volunteer", start, null, " Sam.Lee@Riverbend.EXAMPLE ");
        assertThat(check(ok).details().email()).isEqualTo("Sam.Lee@riverbend.example");
        assertThat(check(new StaffDetails("Sam", null, "volunteer", "HQ", "volunteer", start, null, "  ")).details().email()).isNull();
        for (String bad : List.of("sam", "sam@", "Sam <sam@x.example>", "a@b.example, c@d.example", "sam@x.example\r\nBcc: e@f.example",
                "sam@localhost")) {
            assertThat(check(new StaffDetails("Sam", null, "volunteer", "HQ", "volunteer", start, null, bad)).violations())
                    .as(bad).extracting(Violation::field).containsExactly("email");
        }
    }

    @Test
    void the_last_day_may_be_the_first_but_not_before_it() {
        LocalDate start = LocalDate.of(2025, 5, 1);
        assertThat(check(new StaffDetails("Sam", null, "volunteer", "HQ", "volunteer", start, start)).ok()).isTrue();
        assertThat(check(new StaffDetails("Sam", null, "volunteer", "HQ", "volunteer", start, start.minusDays(1))).violations())
                .containsExactly(new Violation("endsOn", "is before the start date 2025-05-01"));
    }

    @Test
    void every_problem_is_reported_at_once_in_the_senders_names() {
        StaffDetails bad = new StaffDetails(" ", "X", null, null, null, null, null);
        assertThat(RosterRules.check(bad, SYSTEM, f -> "row 7: " + f.csv()).violations()).extracting(Violation::field)
                .containsExactly("row 7: tag_name", "row 7: username", "row 7: position", "row 7: branch",
                        "row 7: employment_type", "row 7: starts_on");
        assertThatThrownBy(() -> RosterRules.checked(bad, SYSTEM))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid-input");
                    assertThat(e.violations()).hasSize(6);
                });
    }

    static final TenantId OWN = TenantId.of("millbrook");

    static Caller staff(TenantId tenant, String... roles) {
        return Caller.staff("someone", tenant, Set.of(roles), Map.of());
    }

    @Test
    void every_staff_member_reads_the_roster_of_their_own_library_system_only() {
        assertThat(RosterRules.reads(staff(OWN, Roles.STAFF), OWN)).isTrue();
        assertThat(RosterRules.reads(staff(OWN, Roles.HEADQUARTERS), OWN)).isTrue();
        assertThat(RosterRules.reads(staff(TenantId.of("elsewhere"), Roles.STAFF, Roles.TENANT_ADMIN), OWN)).isFalse();
        assertThat(RosterRules.reads(staff(OWN, "position:page"), OWN)).isFalse();
        assertThat(RosterRules.reads(Caller.operator("op"), OWN)).isFalse();
        assertThat(RosterRules.reads(Caller.ANONYMOUS, OWN)).isFalse();
        assertThat(RosterRules.reads(Caller.SYSTEM, OWN)).isTrue();
    }

    @Test
    void only_tenant_administrators_and_persons_in_charge_change_it() {
        assertThat(RosterRules.changes(staff(OWN, Roles.STAFF, Roles.TENANT_ADMIN), OWN)).isTrue();
        assertThat(RosterRules.changes(staff(OWN, Roles.STAFF, Roles.PERSON_IN_CHARGE), OWN)).isTrue();
        assertThat(RosterRules.changes(staff(OWN, Roles.STAFF), OWN)).isFalse();
        assertThat(RosterRules.changes(staff(OWN, Roles.STAFF, Roles.HEADQUARTERS), OWN)).isFalse();
        assertThat(RosterRules.changes(staff(TenantId.of("elsewhere"), Roles.TENANT_ADMIN), OWN)).isFalse();
        assertThat(RosterRules.changes(Caller.operator("op"), OWN)).isFalse();
        assertThatThrownBy(() -> RosterRules.require(false))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    // ---- branch scope and who receives incident reports ----

    static LibrarySystem receiving() {
        LibrarySystem base = RosterFixtures.system("millbrook");
        return new LibrarySystem(base.slug(), base.name(), base.locale(), base.timeZone(), base.positions(), base.branches(),
                Set.of("branch-manager"));
    }

    static Caller caller(String branch, String... roles) {
        return Caller.staff("someone", TenantId.of("millbrook"),
                Set.of(roles), Map.of("branch", branch));
    }

    static StaffDetails at(String position, String branch, String email) {
        return new StaffDetails("Rosa", "rosa", position, branch, "permanent", LocalDate.of(2024, 3, 1), null, email);
    }

    static int refusedWith(Runnable change) {
        try {
            change.run();
            return 0;
        } catch (Refusal e) {
            return e.status();
        }
    }

    @Test
    void a_person_in_charge_adds_and_changes_entries_of_their_own_branch_only() {
        var pic = caller("NORTH-END", Roles.PERSON_IN_CHARGE);
        LibrarySystem system = receiving();
        assertThat(refusedWith(() -> RosterRules.checkChange(pic, null, at("library-assistant", "NORTH-END", null), system))).isZero();
        assertThat(refusedWith(() -> RosterRules.checkChange(pic, null, at("library-assistant", "HQ", null), system))).isEqualTo(403);
        assertThat(refusedWith(() -> RosterRules.checkChange(pic, at("library-assistant", "NORTH-END", null),
                at("library-assistant", "HQ", null), system))).as("moving someone to another branch").isEqualTo(403);
    }

    @Test
    void only_headquarters_or_a_tenant_admin_changes_who_receives_incident_reports() {
        var pic = caller("NORTH-END", Roles.PERSON_IN_CHARGE);
        var hq = caller("HQ", Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS);
        LibrarySystem system = receiving();
        StaffDetails manager = at("branch-manager", "NORTH-END", "rosa@library.example");

        assertThat(refusedWith(() -> RosterRules.checkChange(pic, manager, at("branch-manager", "NORTH-END", "outside@elsewhere.example"),
                system))).as("an outside address on a receiving position").isEqualTo(403);
        assertThat(refusedWith(() -> RosterRules.checkChange(pic, at("library-assistant", "NORTH-END", "x@elsewhere.example"),
                at("branch-manager", "NORTH-END", "x@elsewhere.example"), system))).as("promoted into a receiving position").isEqualTo(403);
        assertThat(refusedWith(() -> RosterRules.checkChange(pic, null, manager, system))).isEqualTo(403);
        assertThat(refusedWith(() -> RosterRules.checkChange(pic, manager,
                new StaffDetails("Rosa M.", "rosa", "branch-manager", "NORTH-END", "permanent", LocalDate.of(2024, 3, 1), null,
                        "rosa@library.example"), system))).as("a new tag name changes no recipient").isZero();
        assertThat(refusedWith(() -> RosterRules.checkChange(hq, manager, at("branch-manager", "NORTH-END", "new@library.example"),
                system))).isZero();
    }

    @Test
    void the_previous_address_is_told_when_it_stops_receiving_reports() {
        LibrarySystem system = receiving();
        StaffDetails manager = at("branch-manager", "NORTH-END", "rosa@library.example");
        assertThat(RosterRules.previousAddressToTell(manager, at("branch-manager", "NORTH-END", "new@library.example"), system))
                .contains("rosa@library.example");
        assertThat(RosterRules.previousAddressToTell(manager, at("library-assistant", "NORTH-END", "rosa@library.example"), system))
                .contains("rosa@library.example");
        assertThat(RosterRules.previousAddressToTell(manager, manager, system)).isEmpty();
        assertThat(RosterRules.previousAddressToTell(at("library-assistant", "NORTH-END", "a@library.example"),
                at("library-assistant", "NORTH-END", "b@library.example"), system)).as("never received any").isEmpty();
    }
}
