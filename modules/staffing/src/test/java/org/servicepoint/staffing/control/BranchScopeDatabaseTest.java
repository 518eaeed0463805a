package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.staffing.control.ScheduleDatabase.SCHEDULE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.entity.Escalation;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.staffing.entity.StaffMember;

/**
 * The branch rule in the queries, on real PostgreSQL as the application role: persons in charge see their own
 * branch's escalations and absences, headquarters every branch's, and the limit applies after the rule.
 */
class BranchScopeDatabaseTest {

    static final String TENANT = "scope-main";
    static final EscalationStore escalations = new EscalationStore();
    static final AbsenceStore absences = new AbsenceStore();

    static Caller staff(String username, String branch, String... roles) {
        return Caller.staff(username, TenantId.of(TENANT), Set.of(roles), Map.of("branch", branch));
    }

    static final Caller ROSA = staff("rosa", "EAST", Roles.STAFF, Roles.PERSON_IN_CHARGE);
    static final Caller MOSS = staff("moss", "WEST", Roles.STAFF, Roles.PERSON_IN_CHARGE);
    static final Caller SAM = staff("sam", "EAST", Roles.STAFF);
    static final Caller BEA = staff("bea", "HQ", Roles.STAFF, Roles.HEADQUARTERS);
    static UUID samsOldest;
    static UUID east;
    static UUID west;

    @BeforeAll
    static void data() {
        SCHEDULE.tenant(TENANT);
        samsOldest = escalate("EAST", "staff:sam");
        // More newer escalations than a list shows, none of them Sam's.
        SCHEDULE.inTenant(TENANT, em -> {
            for (int i = 0; i < EscalationStore.LIST_MAX + 5; i++) {
                em.persist(new Escalation(i % 2 == 0 ? "EAST" : "WEST", "complaint", "staff:kit", null, null, null, false, "test"));
            }
            return null;
        });
        east = member("Ana", "EAST");
        west = member("Wes", "WEST");
        SCHEDULE.inTenant(TENANT, em -> {
            absences.record(em, new AbsenceDraft(east, "sick", "2026-12-01", "2026-12-01", null, null), "staff:rosa");
            absences.record(em, new AbsenceDraft(west, "leave", "2026-12-01", "2026-12-02", null, null), "staff:moss");
            return null;
        });
    }

    static UUID escalate(String branch, String by) {
        return SCHEDULE.inTenant(TENANT, em -> {
            Escalation e = new Escalation(branch, "difficult-situation", by, "note", null, null, false, "test");
            em.persist(e);
            return e.id();
        });
    }

    static UUID member(String tag, String branch) {
        return SCHEDULE.inTenant(TENANT, em -> {
            StaffMember m = new StaffMember(tag, "library-assistant", branch, EmploymentType.PERMANENT, LocalDate.of(2020, 1, 1), null, null);
            em.persist(m);
            return m.id();
        });
    }

    static List<Escalation> list(Caller caller, String branch) {
        return SCHEDULE.inTenant(TENANT, em -> escalations.list(em, caller, branch));
    }

    @Test
    void desk_staff_keep_their_own_older_escalations_behind_many_newer_ones() {
        assertThat(list(SAM, null)).extracting(Escalation::id).containsExactly(samsOldest);
    }

    @Test
    void a_person_in_charge_of_one_branch_sees_none_of_another_branchs_escalations() {
        assertThat(list(ROSA, null)).isNotEmpty().allMatch(e -> e.branchCode().equals("EAST"));
        assertThat(list(MOSS, null)).isNotEmpty().allMatch(e -> e.branchCode().equals("WEST"));
        assertThat(list(MOSS, "EAST")).isEmpty();
    }

    @Test
    void headquarters_sees_both_branches_escalations() {
        assertThat(list(BEA, null)).extracting(Escalation::branchCode).contains("EAST", "WEST");
        assertThat(list(BEA, "WEST")).isNotEmpty().allMatch(e -> e.branchCode().equals("WEST"));
    }

    @Test
    void an_escalation_routed_to_someone_elsewhere_is_in_their_list() {
        UUID routed = SCHEDULE.inTenant(TENANT, em -> {
            Escalation e = new Escalation("WEST", "patron-data-request", "staff:kit", null, "Dee", "Director", true, "test");
            e.routeTo(UUID.randomUUID(), "dee", "executive-director", "HQ");
            em.persist(e);
            return e.id();
        });
        assertThat(list(staff("dee", "HQ", Roles.STAFF, Roles.PERSON_IN_CHARGE), null)).extracting(Escalation::id).contains(routed);
        assertThat(list(ROSA, null)).extracting(Escalation::id).doesNotContain(routed);
    }

    @Test
    void absences_are_narrowed_to_a_branchs_staff_in_the_query() {
        List<AbsenceView> eastOnly = SCHEDULE.inTenant(TENANT, em -> absences.list(em, new AbsenceStore.Filter(null, null, null), Optional.empty(), "EAST"));
        List<AbsenceView> all = SCHEDULE.inTenant(TENANT, em -> absences.list(em, new AbsenceStore.Filter(null, null, null), Optional.empty(), null));
        assertThat(eastOnly).extracting(AbsenceView::staffMemberId).containsExactly(east);
        assertThat(all).extracting(AbsenceView::staffMemberId).containsExactlyInAnyOrder(east, west);
    }
}
