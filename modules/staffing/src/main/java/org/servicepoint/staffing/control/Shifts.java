package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantDirectory;

/**
 * Planning shifts: weekly and one-off duty at a desk, and cancelled occurrences. Persons in charge plan at their own
 * branch, tenant administrators at any; everyone reads the shifts of their own branch, headquarters all of them.
 */
@ApplicationScoped
public class Shifts {

    @PersistenceContext(unitName = "staffing")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    TenantDirectory directory;

    @Inject
    AuditLog audit;

    private final ShiftStore store = new ShiftStore();

    @Transactional
    public List<ShiftView> list(TenantId tenant, Caller caller, ShiftStore.Filter filter) {
        ScheduleAccess.require(ScheduleAccess.isStaff(caller, tenant));
        ShiftStore.Filter scoped = new ShiftStore.Filter(BranchScope.narrow(caller, filter.branch()), filter.servicePoint(),
                filter.staffMemberId(), filter.from(), filter.to());
        return store.list(tenantDatabase.bind(em, tenant), scoped);
    }

    @Transactional
    public ShiftView read(TenantId tenant, Caller caller, UUID id) {
        ScheduleAccess.require(ScheduleAccess.isStaff(caller, tenant));
        return visible(tenantDatabase.bind(em, tenant), caller, id);
    }

    /** A shift at a branch the caller covers; another branch's is answered as not found. */
    private ShiftView visible(EntityManager bound, Caller caller, UUID id) {
        return store.find(bound, id).filter(s -> BranchScope.covers(caller, s.branch()))
                .orElseThrow(() -> Refusal.notFound(Text.of("staffing.not-found.shift", id)));
    }

    @Transactional
    public ShiftView create(TenantId tenant, Caller caller, ShiftDraft draft) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        BranchScope.requireCovers(caller, draft.branch());
        var spec = directory.document(tenant);
        ShiftView shift = store.create(tenantDatabase.bind(em, tenant), spec, draft, caller.auditName());
        audit.success(tenant, caller, "shift.create", "shift/" + shift.id(),
                "member " + shift.staffMemberId() + " at " + shift.branch() + "/" + shift.servicePoint() + ", "
                        + (shift.dayOfWeek() == null ? "on " + shift.date() : "every " + shift.dayOfWeek() + " from " + shift.validFrom())
                        + " " + shift.start() + "-" + shift.end());
        return shift;
    }

    @Transactional
    public void delete(TenantId tenant, Caller caller, UUID id) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        EntityManager bound = tenantDatabase.bind(em, tenant);
        visible(bound, caller, id);
        if (!store.delete(bound, id)) {
            throw Refusal.notFound(Text.of("staffing.not-found.shift", id));
        }
        audit.success(tenant, caller, "shift.delete", "shift/" + id, null);
    }

    @Transactional
    public ShiftView cancelOccurrence(TenantId tenant, Caller caller, UUID id, LocalDate day) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        EntityManager bound = tenantDatabase.bind(em, tenant);
        visible(bound, caller, id);
        ShiftView shift = store.cancel(bound, id, day, caller.auditName());
        audit.success(tenant, caller, "shift.cancel-occurrence", "shift/" + id, "occurrence of " + day);
        return shift;
    }
}
