package org.servicepoint.demo.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantSpec;

/** The demo files in the repository, and what a broken one is told. */
class DemoDocumentsTest {

    static final Path TENANTS = Path.of("../../tenants");

    static Set<String> demoUsers(String slug) throws IOException {
        TenantSpec spec = TenantDocuments.readTenant(slug, Files.readString(TENANTS.resolve(slug).resolve("tenant.yaml"),
                StandardCharsets.UTF_8), InputFormat.YAML);
        return spec.demoUsers().stream().map(TenantSpec.DemoUserSpec::username).collect(Collectors.toSet());
    }

    static DemoSet shipped(String slug) throws IOException {
        return DemoDocuments.read(slug, DemoDocuments.folder(TENANTS.resolve(slug)), demoUsers(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"riverbend", "lakeview-law", "hollis-college"})
    void each_demo_library_system_ships_a_roster_a_week_of_shifts_reports_bans_and_escalations(String slug) throws IOException {
        DemoSet set = shipped(slug);
        assertThat(set.roster()).hasSizeGreaterThanOrEqualTo(8).allSatisfy(p -> assertThat(p.tagName()).isNotBlank());
        assertThat(set.roster()).filteredOn(p -> p.email() != null).isNotEmpty();
        // Every demo user of the tenant file is on the demo roster under the same username.
        assertThat(set.roster()).extracting(DemoSet.Person::username).containsAll(demoUsers(slug));
        assertThat(set.shifts().stream().flatMap(s -> s.days().stream()).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(6);
        assertThat(set.shifts()).anyMatch(DemoSet.WeeklyShift::skipNext);
        assertThat(set.incidents()).extracting(DemoSet.Incident::state)
                .contains(DemoSet.State.DRAFT, DemoSet.State.SUBMITTED, DemoSet.State.ACKNOWLEDGED, DemoSet.State.CLOSED);
        assertThat(set.bans()).anyMatch(b -> b.liftedBy() == null).anyMatch(b -> b.liftedBy() != null);
        assertThat(set.escalations()).isNotEmpty();
        assertThat(set.sha256()).hasSize(64);
    }

    @Test
    void riverbend_shows_every_report_state_and_names_in_arabic_and_vietnamese_script() throws IOException {
        DemoSet set = shipped("riverbend");
        assertThat(set.incidents()).extracting(DemoSet.Incident::state).containsAll(EnumSet.allOf(DemoSet.State.class));
        assertThat(set.roster()).extracting(DemoSet.Person::tagName).contains("ليلى", "Thảo");
    }

    @Test
    void a_broken_demo_file_is_refused_whole_with_file_line_and_field() {
        String roster = String.join("\n",
                "roster:",
                "  - tagName: Ana",
                "    position: library-assistant",
                "    branch: NORTH",
                "    employmentType: permanent",
                "    startsOn: \"2024-01-01\"",
                "");
        String shifts = String.join("\n",
                "# a comment line",
                "shifts:",
                "  - { who: Ana, branch: NORTH, desk: circulation, days: [monday], hours: \"09:00-13:00\" }",
                "  - who: Bea",
                "    branch: NORTH",
                "    desk: circulation",
                "    days: [funday]",
                "    hours: \"9 to 5\"",
                "    colour: blue",
                "");
        var sources = List.of(new DemoDocuments.Source("tenants/t/demo/roster.yaml", roster),
                new DemoDocuments.Source("tenants/t/demo/shifts.yaml", shifts),
                new DemoDocuments.Source("tenants/t/demo/bans.yaml", "bans:\n  - by: mallory\n    card: \"1\"\n"));
        assertThatThrownBy(() -> DemoDocuments.read("t", sources, Set.of("ana")))
                .isInstanceOfSatisfying(Refusal.class, refusal -> {
                    assertThat(refusal.getMessage()).contains("nothing was applied");
                    assertThat(refusal.violations()).extracting(v -> v.at() + " " + v.field()).contains(
                            "tenants/t/demo/shifts.yaml:4 shifts[1].who",
                            "tenants/t/demo/shifts.yaml:7 shifts[1].days",
                            "tenants/t/demo/shifts.yaml:8 shifts[1].hours",
                            "tenants/t/demo/shifts.yaml:9 shifts[1].colour",
                            "tenants/t/demo/bans.yaml:2 bans[0].by",
                            "tenants/t/demo/bans.yaml:2 bans[0].reason");
                    // In file order, then line order, so the first line of the log is the first thing to fix.
                    assertThat(refusal.violations().get(0).at()).startsWith("tenants/t/demo/bans.yaml:");
                });
    }

    @Test
    void a_file_that_is_not_yaml_is_refused_with_its_line() {
        var sources = List.of(new DemoDocuments.Source("tenants/t/demo/roster.yaml", "roster:\n  - tagName: [unclosed\n"));
        assertThatThrownBy(() -> DemoDocuments.read("t", sources, Set.of()))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.violations()).singleElement()
                        .satisfies(v -> assertThat(v.at()).matches("tenants/t/demo/roster.yaml:[23]")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"riverbend", "hollis-college"})
    void complaints_are_shipped_waiting_and_closed_each_step_by_a_demo_user(String slug) throws IOException {
        DemoSet set = shipped(slug);
        Set<String> users = demoUsers(slug);
        assertThat(set.complaints()).hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(c -> c.closedBy() != null && c.respondedBy() != null).anyMatch(c -> c.openedBy() == null);
        assertThat(set.complaints()).allSatisfy(c -> assertThat(users).contains(c.by()));
    }

    @Test
    void a_complaint_with_an_unknown_field_or_actor_is_refused_with_its_line() {
        var sources = List.of(new DemoDocuments.Source("tenants/t/demo/complaints.yaml",
                "complaints:\n  - by: sam\n    branch: NORTH\n    channel: phone\n    about: Loud\n    mood: angry\n"
                        + "    response: {by: mallory, channel: phone, text: Sorry}\n"));
        assertThatThrownBy(() -> DemoDocuments.read("t", sources, Set.of("sam"))).isInstanceOfSatisfying(Refusal.class,
                refused -> assertThat(refused.violations()).extracting(Refusal.Violation::field).contains("complaints[0].mood", "complaints[0].response.by"));
    }

    @Test
    void riverbend_ships_follow_ups_on_its_escalations_and_a_follow_up_naming_none_or_a_stranger_is_refused() throws IOException {
        DemoSet set = shipped("riverbend");
        assertThat(set.followUps()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(f -> assertThat(f.escalation())
                .isBetween(1, set.escalations().size())).anyMatch(DemoSet.FollowedUp::done).anyMatch(f -> !f.done());

        String escalations = String.join("\n", "escalations:", "  - by: sam", "    branch: NORTH", "    situation: complaint",
                "    note: A patron asks for the manager.", "");
        String followUps = String.join("\n", "followUps:", "  - by: sam", "    escalation: 2", "    what: Call back",
                "    dueInDays: 1", "    owner: Nobody", "");
        assertThatThrownBy(() -> DemoDocuments.read("x", List.of(new DemoDocuments.Source("escalations.yaml", escalations),
                new DemoDocuments.Source("followups.yaml", followUps)), Set.of("sam")))
                .isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).violations()).extracting(Refusal.Violation::field)
                        .contains("followUps[0].escalation", "followUps[0].owner"));
    }
}
