package org.servicepoint.demo.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.policies.exceptions.control.ConsistencyFigures;
import org.servicepoint.policies.exceptions.control.ExceptionRules;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * The demo exceptions: each names a flexible policy of the library system's policies.yaml and an approver whose
 * position may grant exceptions, and together they give the consistency report something to flag.
 */
class DemoExceptionsTest {

    static final Path TENANTS = DemoDocumentsTest.TENANTS;

    static TenantSpec spec(String slug) throws IOException {
        return TenantDocuments.readTenant(slug, Files.readString(TENANTS.resolve(slug).resolve("tenant.yaml"), StandardCharsets.UTF_8),
                InputFormat.YAML);
    }

    /** The flexible policies of policies.yaml, with the positions each names as approvers (empty: any that may). */
    static Map<String, List<String>> flexiblePolicies(String slug) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(TENANTS.resolve(slug).resolve("policies.yaml").toFile());
        Map<String, List<String>> flexible = new HashMap<>();
        for (JsonNode policy : root.path("policies")) {
            if ("flexible".equals(policy.path("strictness").asText())) {
                List<String> by = new ArrayList<>();
                policy.path("exceptionsBy").forEach(p -> by.add(p.asText()));
                flexible.put(policy.path("key").asText(), by);
            }
        }
        return flexible;
    }

    @ParameterizedTest
    @ValueSource(strings = {"riverbend", "hollis-college"})
    void each_demo_exception_bends_a_flexible_policy_and_is_approved_by_a_position_that_may(String slug) throws IOException {
        DemoSet set = DemoDocumentsTest.shipped(slug);
        TenantSpec spec = spec(slug);
        Map<String, List<String>> flexible = flexiblePolicies(slug);
        Map<String, String> positionOf = new HashMap<>();
        set.roster().forEach(p -> positionOf.put(p.tagName(), p.position()));
        Set<String> mayGrant = new java.util.HashSet<>();
        spec.positions().stream().filter(p -> p.may().contains(ExceptionRules.PERMISSION)).forEach(p -> mayGrant.add(p.code()));

        assertThat(set.exceptions()).isNotEmpty().allSatisfy(e -> {
            assertThat(flexible).as("%s: policy %s", e.at(), e.policy()).containsKey(e.policy());
            String position = positionOf.get(e.approvedBy());
            assertThat(mayGrant).as("%s: %s (%s) may grant exceptions", e.at(), e.approvedBy(), position).contains(position);
            List<String> named = flexible.get(e.policy());
            assertThat(named.isEmpty() || named.contains(position)).as("%s: %s is among %s", e.at(), position, named).isTrue();
            assertThat(e.daysAgo()).allSatisfy(d -> assertThat(d).isLessThan(365));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"riverbend", "hollis-college"})
    void the_demo_report_flags_someone_and_names_a_candidate_for_change(String slug) throws IOException {
        DemoSet set = DemoDocumentsTest.shipped(slug);
        LocalDate today = LocalDate.parse("2026-12-03");
        List<ConsistencyFigures.Counted> counted = new ArrayList<>();
        for (DemoSet.Granted e : set.exceptions()) {
            UUID approver = UUID.nameUUIDFromBytes(e.approvedBy().getBytes(StandardCharsets.UTF_8));
            e.daysAgo().forEach(d -> counted.add(new ConsistencyFigures.Counted(e.policy(), e.branch(), approver, today.minusDays(d))));
        }
        ExceptionRules.Range range = ExceptionRules.reportRange(null, null, today);
        ConsistencyFigures.Figures figures = ConsistencyFigures.of(counted,
                spec(slug).branches().stream().map(org.servicepoint.tenancy.control.BranchSpec::code).toList(), range.from(), range.to());
        // What the screen shows when the local run starts: a branch or person far from the median, a policy to review.
        assertThat(figures.branches()).anyMatch(b -> b.flag() != null);
        assertThat(figures.staff()).anyMatch(s -> s.flag() == ConsistencyFigures.Flag.HIGH);
        assertThat(figures.policies()).filteredOn(ConsistencyFigures.PolicyCount::candidateForChange).hasSize(1);
    }

    @Test
    void an_exception_whose_approver_is_not_on_the_demo_roster_is_refused_with_its_line() {
        String roster = "roster:\n  - { tagName: Ana, position: branch-manager, branch: NORTH, employmentType: permanent, startsOn: \"2024-01-01\" }\n";
        String exceptions = String.join("\n",
                "exceptions:",
                "  - by: ana",
                "    policy: overdue-fines",
                "    branch: NORTH",
                "    approvedBy: Bea",
                "    daysAgo: [3, -1, x]",
                "    time: \"10:00\"",
                "    asked: Waive a fine",
                "    granted: Waived once",
                "");
        var sources = List.of(new DemoDocuments.Source("tenants/t/demo/roster.yaml", roster),
                new DemoDocuments.Source("tenants/t/demo/exceptions.yaml", exceptions));
        assertThatThrownBy(() -> DemoDocuments.read("t", sources, Set.of("ana")))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(refusal.violations())
                        .extracting(v -> v.at() + " " + v.field()).containsExactlyInAnyOrder(
                                "tenants/t/demo/exceptions.yaml:5 exceptions[0].approvedBy",
                                "tenants/t/demo/exceptions.yaml:6 exceptions[0].daysAgo",
                                "tenants/t/demo/exceptions.yaml:6 exceptions[0].daysAgo"));
    }
}
