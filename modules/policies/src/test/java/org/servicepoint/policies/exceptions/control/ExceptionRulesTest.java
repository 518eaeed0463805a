package org.servicepoint.policies.exceptions.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.platform.testing.Refusals.refusalOf;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.ASA;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.DEE;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.GONE;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.NOW;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.ROSA;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.SAM;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.ZONE;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.asked;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.dee;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.flexible;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.library;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.roster;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.sam;
import static org.servicepoint.policies.exceptions.control.ExceptionFixtures.strict;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.policies.exceptions.control.ExceptionRules.Checked;
import org.servicepoint.policies.exceptions.control.ExceptionRules.Range;

/** The rules of an exception on record, without a database: every refusal and what it says. */
class ExceptionRulesTest {

    static final String T = "exceptions-rules";

    static NewException with(String branch, String asked, String granted, Boolean told, String occurredAt) {
        return new NewException("overdue-fines", branch, asked, granted, null, told, null, occurredAt);
    }

    @Test
    void a_plain_request_is_recorded_at_the_callers_own_branch_now() {
        Checked checked = ExceptionRules.check(asked("overdue-fines", null, null), library(), sam(T), NOW);
        assertThat(checked.branch()).isEqualTo("NORTH");
        assertThat(checked.occurredAt()).isEqualTo(NOW);
        assertThat(checked.occurredGiven()).isFalse();
        assertThat(checked.asked()).startsWith("Asked to waive");
    }

    @Test
    void without_the_patron_told_it_is_one_time_the_request_is_refused_with_400() {
        for (Boolean told : new Boolean[] {null, false}) {
            Refusal refused = refusalOf(() -> ExceptionRules.check(with(null, "Waive", "Waived", told, null), library(), sam(T), NOW));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.violations()).extracting(Violation::field).containsExactly("toldOneTime");
            assertThat(refused.getMessage()).contains("one-time exception");
        }
    }

    @Test
    void every_problem_of_a_request_is_named_at_once() {
        Refusal refused = refusalOf(() -> ExceptionRules.check(new NewException("Overdue Fines!", "NOWHERE", "<b>Waive</b>", " ",
                null, true, null, "yesterday"), library(), dee(T), NOW));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("policy", "asked", "granted", "branch", "occurredAt");
        assertThat(refused.violations()).filteredOn(v -> v.field().equals("asked")).first()
                .satisfies(v -> assertThat(v.message()).contains("markup"));
    }

    @Test
    void texts_are_at_most_a_thousand_characters_and_times_neither_future_nor_older_than_a_year() {
        assertThat(refusalOf(() -> ExceptionRules.check(with(null, "x".repeat(1001), "ok", true, null), library(), sam(T), NOW))
                .violations()).extracting(Violation::field).containsExactly("asked");
        assertThat(ExceptionRules.check(with(null, "x".repeat(1000), "ok", true, null), library(), sam(T), NOW).asked()).hasSize(1000);
        assertThat(refusalOf(() -> ExceptionRules.check(with(null, "a", "b", true, "2026-03-10T15:06"), library(), sam(T), NOW))
                .getMessage()).contains("future");
        // Four minutes ahead is a desk clock, not the future; local time is the library system's.
        assertThat(ExceptionRules.check(with(null, "a", "b", true, "2026-03-10T15:04"), library(), sam(T), NOW).occurredAt())
                .isEqualTo(Instant.parse("2026-03-10T20:04:00Z"));
        assertThat(refusalOf(() -> ExceptionRules.check(with(null, "a", "b", true, "2025-03-09T12:00-06:00"), library(), sam(T), NOW))
                .getMessage()).contains("within the last year");
        assertThat(ExceptionRules.check(with(null, "a", "b", true, "2025-03-11T12:00-06:00"), library(), sam(T), NOW).occurredGiven())
                .isTrue();
    }

    @Test
    void desk_staff_record_only_at_their_own_branch_and_headquarters_at_any() {
        Refusal refused = refusalOf(() -> ExceptionRules.check(with("SOUTH", "a", "b", true, null), library(), sam(T), NOW));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(ExceptionRules.check(with("SOUTH", "a", "b", true, null), library(), dee(T), NOW).branch()).isEqualTo("SOUTH");
        // A caller whose sign-in names no branch must say where.
        assertThat(refusalOf(() -> ExceptionRules.check(with(null, "a", "b", true, null), library(),
                ExceptionFixtures.staff(T, "ned", null), NOW)).violations()).extracting(Violation::field).containsExactly("branch");
    }

    @Test
    void a_strict_policy_refuses_every_exception_with_409_and_its_reason() {
        Refusal refused = refusalOf(() -> ExceptionRules.requireFlexible(strict("patron-records")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.type()).isEqualTo("policy-strict");
        assertThat(refused.getMessage()).contains("Patron records").contains("State law makes library records confidential.");
        assertThat(refused.detail(Locale.forLanguageTag("es-US"))).contains("no admite excepciones")
                .contains("State law makes library records confidential.");
        ExceptionRules.requireFlexible(flexible("overdue-fines"));
    }

    @Test
    void only_positions_that_may_grant_exceptions_approve_and_422_names_them() {
        // The chain of command: assistant librarians, branch managers and the director may grant policy exceptions.
        assertThat(ExceptionRules.approvingPositions(flexible("overdue-fines"), library()))
                .containsExactly("assistant-librarian", "branch-manager", "executive-director");
        ExceptionRules.requireMayApprove(flexible("overdue-fines"), "branch-manager", library());
        Refusal refused = refusalOf(() -> ExceptionRules.requireMayApprove(flexible("overdue-fines"), "library-assistant", library()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.type()).isEqualTo("approver-may-not-grant");
        assertThat(refused.getMessage()).isEqualTo("Library assistant may not approve exceptions to \u201cOverdue fines\u201d; "
                + "positions that may: Assistant librarian, Branch manager, Executive director");
        assertThat(refused.violations()).extracting(Violation::field).containsExactly("approvedBy");
    }

    @Test
    void a_policy_that_names_who_may_approve_narrows_the_chain_of_command_never_widens_it() {
        // Library assistants are named by the policy but may not grant exceptions at all: still refused.
        var policy = flexible("meeting-rooms", "branch-manager", "library-assistant");
        assertThat(ExceptionRules.approvingPositions(policy, library())).containsExactly("branch-manager");
        assertThat(refusalOf(() -> ExceptionRules.requireMayApprove(policy, "assistant-librarian", library())).getMessage())
                .endsWith("positions that may: Branch manager");
        assertThat(refusalOf(() -> ExceptionRules.requireMayApprove(policy, "library-assistant", library())).status()).isEqualTo(422);
        var nobody = flexible("printing", "library-assistant");
        assertThat(refusalOf(() -> ExceptionRules.requireMayApprove(nobody, "branch-manager", library())).getMessage())
                .contains("no position of this library system may");
    }

    @Test
    void the_approver_is_the_caller_unless_named_and_must_be_on_the_roster_that_day() {
        Checked byCaller = ExceptionRules.check(asked("overdue-fines", null, null), library(), ExceptionFixtures.rosa(T), NOW);
        assertThat(ExceptionRules.approver(byCaller, roster(), ExceptionFixtures.rosa(T), ZONE).id()).isEqualTo(ROSA);
        Checked named = ExceptionRules.check(asked("overdue-fines", null, ASA), library(), sam(T), NOW);
        assertThat(ExceptionRules.approver(named, roster(), sam(T), ZONE).id()).isEqualTo(ASA);

        Checked unknown = ExceptionRules.check(asked("overdue-fines", null, new java.util.UUID(9, 9)), library(), sam(T), NOW);
        assertThat(refusalOf(() -> ExceptionRules.approver(unknown, roster(), sam(T), ZONE)).violations())
                .extracting(Violation::field).containsExactly("approvedBy");
        // Gus left at the end of January: not an approver in March, but one in January.
        Checked left = ExceptionRules.check(asked("overdue-fines", null, GONE), library(), dee(T), NOW);
        assertThat(refusalOf(() -> ExceptionRules.approver(left, roster(), dee(T), ZONE)).getMessage()).contains("2026-03-10");
        Checked before = ExceptionRules.check(new NewException("overdue-fines", "SOUTH", "a", "b", GONE, true, null,
                "2026-01-31T17:00"), library(), dee(T), NOW);
        assertThat(ExceptionRules.approver(before, roster(), dee(T), ZONE).id()).isEqualTo(GONE);
        // Someone not on the roster must name who approved.
        var visitor = ExceptionFixtures.staff(T, "visitor", "NORTH");
        Checked byVisitor = ExceptionRules.check(asked("overdue-fines", null, null), library(), visitor, NOW);
        assertThat(refusalOf(() -> ExceptionRules.approver(byVisitor, roster(), visitor, ZONE)).getMessage()).contains("not on the roster");
        assertThat(roster().get(SAM).position()).isEqualTo("library-assistant");
        assertThat(roster().get(DEE).branch()).isEqualTo("HQ");
    }

    @Test
    void the_approvers_offered_are_those_on_the_roster_today_whose_position_may_the_callers_branch_first() {
        LocalDate today = LocalDate.parse("2026-03-10");
        assertThat(ExceptionRules.approvers(flexible("overdue-fines"), library(), roster().values(), sam(T), today))
                .extracting(ApproverChoice::tagName, ApproverChoice::branch, ApproverChoice::positionName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Rosa", "NORTH", "Branch manager"),
                        org.assertj.core.groups.Tuple.tuple("Dee", "HQ", "Executive director"),
                        org.assertj.core.groups.Tuple.tuple("Asa", "SOUTH", "Assistant librarian"));
        // Gus, who left in January, was one then; the policy's own list leaves out the director and assistant librarians.
        assertThat(ExceptionRules.approvers(flexible("meeting-rooms", "branch-manager"), library(), roster().values(), dee(T),
                LocalDate.parse("2026-01-15"))).extracting(ApproverChoice::staffId).containsExactly(ROSA, GONE);
        assertThat(refusalOf(() -> ExceptionRules.policyKey(" ")).violations()).extracting(Violation::field).containsExactly("policy");
        assertThat(refusalOf(() -> ExceptionRules.policyKey("Fines!")).status()).isEqualTo(400);
    }

    @Test
    void ranges_are_dates_in_order_at_most_three_years_and_the_report_defaults_to_twelve_months() {
        assertThat(ExceptionRules.range(null, null)).isEqualTo(new Range(null, null));
        assertThat(refusalOf(() -> ExceptionRules.range("2026-13-01", null)).violations()).extracting(Violation::field)
                .containsExactly("from");
        assertThat(refusalOf(() -> ExceptionRules.range("2026-03-01", "2026-02-28")).getMessage()).contains("before from");
        assertThat(refusalOf(() -> ExceptionRules.range("2023-03-01", "2026-03-02")).getMessage()).contains("three years");
        LocalDate today = LocalDate.parse("2026-03-10");
        assertThat(ExceptionRules.reportRange(null, null, today))
                .isEqualTo(new Range(LocalDate.parse("2025-04-01"), today));
        assertThat(ExceptionRules.reportRange(null, "2026-01-15", today))
                .isEqualTo(new Range(LocalDate.parse("2025-02-01"), LocalDate.parse("2026-01-15")));
        assertThat(ExceptionRules.reportRange("2026-01-01", null, today)).isEqualTo(new Range(LocalDate.parse("2026-01-01"), today));
    }
}
