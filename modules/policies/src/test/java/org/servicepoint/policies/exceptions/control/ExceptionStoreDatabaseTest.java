package org.servicepoint.policies.exceptions.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.policies.control.PoliciesDatabase.POLICIES;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.ASA;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.DEE;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.NOW;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.ROSA;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.dee;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.library;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.policy;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.roster;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.sam;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.MasterKeys;
import org.servicepoint.confidentiality.control.TenantKeys;
import org.servicepoint.confidentiality.entity.TenantDataKey;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.testing.TestClock;
import org.servicepoint.policies.exceptions.control.ExceptionStore.Filter;
import org.servicepoint.policies.exceptions.control.ExceptionStore.Names;
import org.servicepoint.policies.exceptions.control.ExceptionStore.Recorded;
import org.servicepoint.policies.exceptions.entity.PolicyException;

/**
 * Exceptions on real PostgreSQL as the application role with both tenant walls bound, their texts sealed with the
 * tenant's real data key: recorded, repeated, listed by the branch rule, counted for the consistency report, sealed
 * again after a key rotation, and invisible to another library system.
 */
class ExceptionStoreDatabaseTest {

    static final String RIVER = "exceptions-river";
    static final String LAKE = "exceptions-lake";
    static final SecureRandom RANDOM = new SecureRandom();
    static final TestClock CLOCK = new TestClock(NOW);
    static TenantKeys keys;

    @BeforeAll
    static void twoLibrarySystemsWithTheirPolicies() {
        POLICIES.db();
        POLICIES.tenant(RIVER, LAKE);
        for (String tenant : List.of(RIVER, LAKE)) {
            policy(tenant, "overdue-fines", false);
            policy(tenant, "guest-passes", false);
            policy(tenant, "printing", false);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        keys = new TenantKeys(MasterKeys.of("k1", Base64.getEncoder().encodeToString(raw), Optional.empty()), CLOCK, RANDOM);
    }

    @BeforeEach
    void backToNow() {
        CLOCK.at(NOW);
    }

    static ExceptionStore store(jakarta.persistence.EntityManager em, String tenant) {
        Map<UUID, String> tags = new java.util.HashMap<>();
        roster().forEach((id, m) -> tags.put(id, m.tagName()));
        return new ExceptionStore(TenantId.of(tenant), library(), CLOCK, keys.ring(em, TenantId.of(tenant), true),
                new Names(tags, Map.of("overdue-fines", "Overdue fines")));
    }

    static Recorded record(String tenant, Caller caller, NewException wanted, UUID approver, String position) {
        ExceptionRules.Checked checked = ExceptionRules.check(wanted, library(), caller, CLOCK.instant());
        return POLICIES.inTenant(tenant, em -> store(em, tenant).record(em, caller, checked,
                new PolicyException.Policy(checked.policy(), 1), new PolicyException.Approver(approver, position)));
    }

    static NewException at(String policy, String branch, String occurredAt, String asked) {
        return new NewException(policy, branch, asked, "Granted once", null, true, null, occurredAt);
    }

    static List<ExceptionView> list(String tenant, Filter filter) {
        return POLICIES.inTenant(tenant, em -> store(em, tenant).list(em, filter));
    }

    @Test
    void an_exception_is_recorded_with_its_texts_sealed_and_read_back_as_typed() throws Exception {
        String asked = "Asked to waive 4 dollars <3 & a lost-card fee " + UUID.randomUUID();
        Recorded recorded = record(RIVER, sam(RIVER), new NewException("overdue-fines", null, asked, "Waived the fines, not the fee",
                null, true, null, null), ROSA, "branch-manager");
        assertThat(recorded.created()).isTrue();
        ExceptionView made = recorded.exception();
        assertThat(made.asked()).isEqualTo(asked);
        assertThat(made.granted()).isEqualTo("Waived the fines, not the fee");
        assertThat(made.branch()).isEqualTo("NORTH");
        assertThat(made.branchName()).isEqualTo("North Branch");
        assertThat(made.policyTitle()).isEqualTo("Overdue fines");
        assertThat(made.approvedBy()).isEqualTo(new ExceptionView.Approver(ROSA, "Rosa", "branch-manager", "Branch manager"));
        assertThat(made.toldOneTime()).isTrue();
        assertThat(made.recordedBy()).isEqualTo("sam");
        assertThat(made.occurredAt().toInstant()).isEqualTo(NOW);
        assertThat(made.occurredAt().getOffset().getTotalSeconds()).isEqualTo(-5 * 3600);

        // At rest neither text is readable.
        List<Integer> found = POLICIES.db().firstColumn("select position(convert_to('Asked to waive', 'UTF8') in asked) "
                + "+ position(convert_to('Waived', 'UTF8') in granted) + (case when length(asked) > 16 then 0 else 100 end) "
                + "from policy_exception where id = '" + made.id() + "'", Integer.class);
        assertThat(found).containsExactly(0);
    }

    @Test
    void the_same_request_again_within_a_minute_is_the_same_exception_and_later_a_new_one() {
        NewException wanted = at("guest-passes", null, null, "A guest pass for a visiting cousin " + UUID.randomUUID());
        Recorded first = record(RIVER, sam(RIVER), wanted, ROSA, "branch-manager");
        CLOCK.advance(Duration.ofSeconds(20));
        Recorded again = record(RIVER, sam(RIVER), wanted, ROSA, "branch-manager");
        assertThat(again.created()).isFalse();
        assertThat(again.exception().id()).isEqualTo(first.exception().id());
        // Another text is another exception, and so is the same one two minutes on.
        assertThat(record(RIVER, sam(RIVER), at("guest-passes", null, null, wanted.asked() + "!"), ROSA, "branch-manager").created())
                .isTrue();
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(record(RIVER, sam(RIVER), wanted, ROSA, "branch-manager").created()).isTrue();
    }

    @Test
    void lists_are_newest_first_filtered_in_the_query_and_only_the_library_systems_own() {
        String mark = "list " + UUID.randomUUID();
        record(LAKE, dee(LAKE), at("printing", "SOUTH", "2026-02-01T10:00", mark + " south"), ASA, "assistant-librarian");
        record(LAKE, dee(LAKE), at("printing", "NORTH", "2026-02-03T10:00", mark + " north"), ROSA, "branch-manager");
        record(LAKE, dee(LAKE), at("overdue-fines", "NORTH", "2026-03-01T10:00", mark + " fines"), DEE, "executive-director");

        List<ExceptionView> printing = list(LAKE, new Filter("printing", null, null, null, 100));
        assertThat(printing).extracting(ExceptionView::asked).containsSubsequence(mark + " north", mark + " south");
        assertThat(list(LAKE, new Filter(null, "NORTH", LocalDate.parse("2026-02-02"), LocalDate.parse("2026-03-01"), 100)))
                .extracting(ExceptionView::asked).contains(mark + " north", mark + " fines").doesNotContain(mark + " south");
        // The last day is included to its end in the library system's time; the first from its start.
        assertThat(list(LAKE, new Filter(null, null, LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-01"), 100)))
                .extracting(ExceptionView::asked).containsExactly(mark + " south");
        assertThat(list(LAKE, new Filter(null, null, null, null, 1))).hasSize(1);
        // The river library system sees none of the lake's.
        assertThat(list(RIVER, new Filter(null, null, null, null, 500))).extracting(ExceptionView::asked)
                .noneMatch(a -> a.startsWith(mark));
        UUID lakes = list(LAKE, new Filter(null, null, null, null, 1)).get(0).id();
        Optional<PolicyException> fromRiver = POLICIES.inTenant(RIVER, em -> store(em, RIVER).find(em, lakes));
        assertThat(fromRiver).isEmpty();
    }

    @Test
    void the_report_counts_what_was_recorded_and_flags_the_busy_branch_and_approver() {
        String tenant = "exceptions-report";
        POLICIES.tenant(tenant);
        policy(tenant, "overdue-fines", false);
        policy(tenant, "guest-passes", false);
        // North: six fines exceptions (Rosa) over three months and one guest pass; South: one (Asa); HQ: one (Dee).
        List<String> northDays = List.of("2025-12-05T10:00", "2025-12-20T10:00", "2026-01-09T10:00", "2026-01-10T10:00",
                "2026-02-14T10:00", "2026-03-02T10:00");
        for (String day : northDays) {
            record(tenant, dee(tenant), at("overdue-fines", "NORTH", day, "Fines " + day), ROSA, "branch-manager");
        }
        record(tenant, dee(tenant), at("guest-passes", "NORTH", "2026-01-20T12:00", "Pass"), ROSA, "branch-manager");
        record(tenant, dee(tenant), at("guest-passes", "SOUTH", "2026-02-11T12:00", "Pass"), ASA, "assistant-librarian");
        record(tenant, dee(tenant), at("overdue-fines", "HQ", "2026-03-09T12:00", "Fines"), DEE, "executive-director");
        // Before the range: not counted.
        record(tenant, dee(tenant), at("overdue-fines", "SOUTH", "2025-11-30T23:30", "Late November"), ASA, "assistant-librarian");

        LocalDate from = LocalDate.parse("2025-12-01");
        LocalDate to = LocalDate.parse("2026-03-10");
        List<ConsistencyFigures.Counted> counted = POLICIES.inTenant(tenant, em -> store(em, tenant).counted(em, from, to));
        ConsistencyFigures.Figures figures = ConsistencyFigures.of(counted, List.of("HQ", "NORTH", "SOUTH"), from, to);
        ConsistencyReport report = ConsistencyReport.of(figures, library(), Map.of("overdue-fines", "Overdue fines"), roster());

        assertThat(report.months()).containsExactly("2025-12", "2026-01", "2026-02", "2026-03");
        // Fines: December 2, January 2, February 1, March 1 + HQ's = 2 → 7; the most, >= max(5, 4 months): a candidate.
        assertThat(report.policies()).containsExactly(
                new ConsistencyReport.PolicyLine("overdue-fines", "Overdue fines", 7, List.of(2, 2, 1, 2), true),
                new ConsistencyReport.PolicyLine("guest-passes", "guest-passes", 2, List.of(0, 1, 1, 0), false));
        // Branches HQ 1, North 7, South 1: median 1; 7 >= max(3, 2) is high.
        assertThat(report.branches()).containsExactly(new ConsistencyReport.BranchLine("HQ", "Headquarters Library", 1, null),
                new ConsistencyReport.BranchLine("NORTH", "North Branch", 7, "high"),
                new ConsistencyReport.BranchLine("SOUTH", "South Branch", 1, null));
        // Approvers Rosa 7, Asa 1, Dee 1: median 1; Rosa is high.
        assertThat(report.staff()).first().isEqualTo(new ConsistencyReport.StaffLine(ROSA, "Rosa", "NORTH", 7, "high"));
        assertThat(report.staff()).extracting(ConsistencyReport.StaffLine::count).containsExactly(7, 1, 1);
        assertThat(report.medians()).isEqualTo(new ConsistencyReport.Medians(1.0, 1.0));

        // Another library system's report counts none of these.
        List<ConsistencyFigures.Counted> lakes = POLICIES.inTenant(LAKE, em -> store(em, LAKE).counted(em, from, to));
        assertThat(lakes).noneMatch(c -> c.approver().equals(ROSA) && c.branch().equals("NORTH") && c.on().equals(LocalDate.parse("2025-12-05")));
    }

    @Test
    void a_key_rotation_seals_the_texts_again_and_they_still_read_as_typed() {
        String tenant = "exceptions-rotation";
        POLICIES.tenant(tenant);
        policy(tenant, "overdue-fines", false);
        ExceptionView made = record(tenant, sam(tenant), at("overdue-fines", null, null, "Before the rotation"), ROSA, "branch-manager")
                .exception();
        int resealed = POLICIES.inTenant(tenant, em -> {
            keys.rotate(em, TenantId.of(tenant), TenantDataKey.Purpose.DATA);
            return ExceptionStore.reseal(em, keys.ring(em, TenantId.of(tenant), false));
        });
        assertThat(resealed).isEqualTo(2);
        List<ExceptionView> after = new ArrayList<>(list(tenant, new Filter(null, null, null, null, 10)));
        assertThat(after).extracting(ExceptionView::id, ExceptionView::asked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(made.id(), "Before the rotation"));
        int again = POLICIES.inTenant(tenant, em -> ExceptionStore.reseal(em, keys.ring(em, TenantId.of(tenant), false)));
        assertThat(again).isZero();
    }
}
