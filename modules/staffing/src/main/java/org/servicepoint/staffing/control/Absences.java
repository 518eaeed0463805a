package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.entity.StaffMember;

/**
 * Recording who is away. Whether someone is sick is personal: headquarters and tenant administrators see everyone's
 * absences, persons in charge those of their own branch's staff, other staff only their own, and every list is
 * audited (by count). Persons in charge record and remove absences of their own branch's staff only.
 */
@ApplicationScoped
public class Absences {

    @PersistenceContext(unitName = "staffing")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    AuditLog audit;

    private final AbsenceStore store = new AbsenceStore();

    @Transactional
    public List<AbsenceView> list(TenantId tenant, Caller caller, AbsenceStore.Filter filter) {
        ScheduleAccess.require(ScheduleAccess.isStaff(caller, tenant));
        EntityManager bound = tenantDatabase.bind(em, tenant);
        List<AbsenceView> absences;
        if (ScheduleAccess.seesBranchAbsences(caller)) {
            absences = store.list(bound, filter, Optional.empty(), BranchScope.narrow(caller, null));
        } else {
            Optional<StaffMember> self = store.memberSignedInAs(bound, caller.name());
            absences = self.isEmpty() ? List.of() : store.list(bound, filter, self.map(StaffMember::id));
        }
        audit.success(tenant, caller, "absence.list", "absences", absences.size() + " shown");
        return absences;
    }

    @Transactional
    public AbsenceView record(TenantId tenant, Caller caller, AbsenceDraft draft) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        EntityManager bound = tenantDatabase.bind(em, tenant);
        if (draft.staffMemberId() != null) {
            StaffMember member = bound.find(StaffMember.class, draft.staffMemberId());
            if (member != null) {
                BranchScope.requireCovers(caller, member.branchCode());
            }
        }
        AbsenceView absence = store.record(bound, draft, caller.auditName());
        // Ids and dates only: the kind (sick, leave) is what the record says, not what the log should repeat.
        audit.success(tenant, caller, "absence.record", "absence/" + absence.id(),
                "member " + absence.staffMemberId() + " from " + absence.from() + " to " + absence.to());
        return absence;
    }

    @Transactional
    public void delete(TenantId tenant, Caller caller, UUID id) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        EntityManager bound = tenantDatabase.bind(em, tenant);
        boolean covered = store.find(bound, id).map(a -> bound.find(StaffMember.class, a.staffMemberId()))
                .map(m -> BranchScope.covers(caller, m.branchCode())).orElse(false);
        if (!covered || !store.delete(bound, id)) {
            throw Refusal.notFound(Text.of("staffing.not-found.absence", id));
        }
        audit.success(tenant, caller, "absence.delete", "absence/" + id, null);
    }
}
