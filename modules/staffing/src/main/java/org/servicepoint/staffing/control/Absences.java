package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantWork;
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
    TenantWork work;

    private final AbsenceStore store = new AbsenceStore();

    @Transactional
    public List<AbsenceView> list(TenantId tenant, Caller caller, AbsenceStore.Filter filter) {
        ScheduleAccess.require(ScheduleAccess.isStaff(caller, tenant));
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        EntityManager bound = at.db();
        List<AbsenceView> absences;
        if (ScheduleAccess.seesBranchAbsences(caller)) {
            absences = store.list(bound, filter, Optional.empty(), at.narrow(null));
        } else {
            Optional<StaffMember> self = store.memberSignedInAs(bound, caller.name());
            absences = self.isEmpty() ? List.of() : store.list(bound, filter, self.map(StaffMember::id));
        }
        at.audit("absence.list", "absences", absences.size() + " shown");
        return absences;
    }

    @Transactional
    public AbsenceView record(TenantId tenant, Caller caller, AbsenceDraft draft) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        EntityManager bound = at.db();
        branchOf(bound, draft.staffMemberId()).ifPresent(at::requireCovers);
        AbsenceView absence = store.record(bound, draft, caller.auditName());
        // Ids and dates only: the kind (sick, leave) is what the record says, not what the log should repeat.
        at.audit("absence.record", "absence/" + absence.id(),
                "member " + absence.staffMemberId() + " from " + absence.from() + " to " + absence.to());
        return absence;
    }

    @Transactional
    public void delete(TenantId tenant, Caller caller, UUID id) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        EntityManager bound = at.db();
        boolean covered = store.find(bound, id).flatMap(a -> branchOf(bound, a.staffMemberId())).map(at::covers).orElse(false);
        if (!covered || !store.delete(bound, id)) {
            throw Refusal.notFound(Text.of("staffing.not-found.absence", id));
        }
        at.audit("absence.delete", "absence/" + id, null);
    }

    /** An absence belongs to its member's branch; an unknown member has none (the store refuses the record). */
    private static Optional<String> branchOf(EntityManager bound, UUID staffMemberId) {
        return Optional.ofNullable(staffMemberId).map(id -> bound.find(StaffMember.class, id)).map(StaffMember::branchCode);
    }
}
