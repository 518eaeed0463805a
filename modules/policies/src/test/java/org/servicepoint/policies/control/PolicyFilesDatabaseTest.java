package org.servicepoint.policies.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.policies.control.PoliciesDatabase.POLICIES;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.tenancy.control.Plan.Action;
import org.servicepoint.tenancy.control.Plan.Change;

/** policies.yaml read, planned and applied against real PostgreSQL, as onboarding runs it. */
class PolicyFilesDatabaseTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final PolicyDocuments.Positions POSITIONS = new PolicyDocuments.Positions(
            Set.of("page", "library-assistant", "branch-manager"), Set.of("branch-manager"));

    static final String FILE = """
            policies:
              - key: fines
                category: circulation
                strictness: flexible
                exceptionLimits: Waive up to ten dollars a year per card.
                exceptionsBy: [branch-manager]
                owner: branch-manager
                title: Overdue fines
                text: Items returned late are fined by the day.
                reason: Fines bring items back so that others can borrow them.
                approval: { by: Board of Trustees, on: 2025-03-12 }
                effectiveOn: 2025-04-01
              - key: patron-records
                category: privacy
                strictness: strict
                strictWhy: State law makes library records confidential.
                owner: branch-manager
                appliesTo: [library-assistant, page]
                title: Confidentiality of patron records
                text: Never tell anyone what a patron borrowed or asked.
                reason: Patrons read freely only when nobody watches.
                approval: { by: Board of Trustees, on: 2025-03-12 }
                effectiveOn: 2025-04-01
            """;

    final List<String> audit = new ArrayList<>();

    @BeforeAll
    static void libraries() {
        POLICIES.tenant("files-a", "files-b", "files-c", "files-d");
    }

    List<Change> apply(String tenant, String yaml) {
        return POLICIES.inTenant(tenant, em -> PolicyChanges.run(em, tenant,
                PolicyDocuments.readFile("tenants/" + tenant + "/policies.yaml", yaml, POSITIONS), true,
                new PolicyChanges.Writing("english", "operator:ops", NOW, (action, target, detail) -> audit.add(action + " " + target))));
    }

    List<Change> plan(String tenant, String yaml) {
        return POLICIES.inTenant(tenant, em -> PolicyChanges.run(em, tenant,
                PolicyDocuments.readFile("tenants/" + tenant + "/policies.yaml", yaml, POSITIONS), true, null));
    }

    static long rows(String table, String tenant) throws SQLException {
        return POLICIES.db().firstColumn("select count(*) from " + table + " where tenant_id = '" + tenant + "'", Long.class).get(0);
    }

    @Test
    void a_plan_tells_each_new_policy_field_by_field_and_writes_nothing() throws SQLException {
        List<Change> planned = plan("files-a", FILE);
        assertThat(planned).extracting(Change::key, Change::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("files-a/fines", Action.CREATE),
                        org.assertj.core.groups.Tuple.tuple("files-a/patron-records", Action.CREATE));
        assertThat(planned.get(0).fields()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo("exceptionLimits");
            assertThat(f.after()).isEqualTo("Waive up to ten dollars a year per card.");
        });
        assertThat(rows("policy", "files-a")).isZero();
    }

    @Test
    void applying_writes_each_policy_once_with_an_audit_line_and_a_second_apply_changes_nothing() throws SQLException {
        assertThat(apply("files-b", FILE)).extracting(Change::action).containsOnly(Action.CREATE);
        assertThat(audit).containsExactly("policy.create tenant/files-b/policies/fines",
                "policy.create tenant/files-b/policies/patron-records");
        audit.clear();

        assertThat(apply("files-b", FILE)).extracting(Change::action).containsOnly(Action.UNCHANGED);
        assertThat(audit).isEmpty();
        assertThat(rows("policy", "files-b")).isEqualTo(2);
        assertThat(rows("policy_version", "files-b")).isEqualTo(2);
    }

    @Test
    void new_words_are_a_new_version_and_a_changed_setting_is_not() throws SQLException {
        apply("files-c", FILE);
        // Settings only: the limits of exceptions change in place.
        List<Change> limits = apply("files-c", FILE.replace("ten dollars", "twenty dollars"));
        assertThat(limits.get(0).action()).isEqualTo(Action.UPDATE);
        assertThat(limits.get(0).fields()).extracting(f -> f.field()).containsExactly("exceptionLimits");
        assertThat(rows("policy_version", "files-c")).isEqualTo(2);

        List<Change> reason = apply("files-c", FILE.replace("ten dollars", "twenty dollars")
                .replace("so that others can borrow them", "so that neighbours can borrow them"));
        assertThat(reason.get(0).fields()).extracting(f -> f.field()).containsExactly("reason");
        assertThat(rows("policy_version", "files-c")).isEqualTo(3);
        assertThat(POLICIES.db().firstColumn("select current_version from policy where tenant_id = 'files-c' "
                + "and policy_key = 'fines'", Integer.class)).containsExactly(2);
    }

    @Test
    void a_policy_left_out_of_the_file_is_kept_and_told_as_not_in_the_file() throws SQLException {
        apply("files-d", FILE);
        String onlyFines = FILE.substring(0, FILE.indexOf("  - key: patron-records"));
        List<Change> changes = apply("files-d", onlyFines);
        assertThat(changes).extracting(Change::key, Change::action)
                .contains(org.assertj.core.groups.Tuple.tuple("files-d/patron-records", Action.NOT_IN_FILE));
        assertThat(rows("policy", "files-d")).isEqualTo(2);
    }

    @Test
    void a_broken_file_is_refused_whole_with_file_line_and_field_and_nothing_is_written() throws SQLException {
        String broken = FILE.replace("    strictWhy: State law makes library records confidential.\n", "")
                .replace("exceptionsBy: [branch-manager]", "exceptionsBy: [library-assistant]")
                .replace("appliesTo: [library-assistant, page]", "appliesTo: [library-assistant, janitor]")
                .replace("effectiveOn: 2025-04-01\n  - key", "effectiveOn: 2025-02-30\n  - key");
        assertThatThrownBy(() -> apply("files-e", broken)).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.getMessage()).contains("tenants/files-e/policies.yaml", "nothing was changed");
            assertThat(refusal.violations()).extracting(Violation::at, Violation::field).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("tenants/files-e/policies.yaml:6", "policies[0].exceptionsBy[0]"),
                    org.assertj.core.groups.Tuple.tuple("tenants/files-e/policies.yaml:12", "policies[0].effectiveOn"),
                    org.assertj.core.groups.Tuple.tuple("tenants/files-e/policies.yaml:13", "policies[1].strictWhy"),
                    org.assertj.core.groups.Tuple.tuple("tenants/files-e/policies.yaml:17", "policies[1].appliesTo[1]"));
            assertThat(refusal.violations().get(0).message()).contains("may not grant exceptions");
        });
        assertThat(rows("policy", "files-e")).isZero();
    }

    @Test
    void a_file_that_breaks_the_schema_names_the_line_of_the_unknown_field() {
        String typo = FILE.replace("    owner: branch-manager\n    title: Overdue", "    ower: branch-manager\n    title: Overdue");
        assertThatThrownBy(() -> plan("files-a", typo)).isInstanceOfSatisfying(Refusal.class, refusal ->
                assertThat(refusal.violations()).extracting(Violation::at, Violation::field).contains(
                        org.assertj.core.groups.Tuple.tuple("tenants/files-a/policies.yaml:7", "policies[0].ower"),
                        org.assertj.core.groups.Tuple.tuple("tenants/files-a/policies.yaml:2", "policies[0].owner")));
    }
}
