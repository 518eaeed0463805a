package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.LibraryWork;

/**
 * Planning shifts: weekly and one-off duty at a desk, and cancelled occurrences. Persons in charge plan at their own
 * branch, tenant administrators at any; everyone reads the shifts of their own branch, headquarters all of them.
 */
@ApplicationScoped
public class Shifts {

    @PersistenceContext(unitName = "staffing")
    EntityManager em;

    @Inject
    LibraryWork work;

    private final ShiftStore store = new ShiftStore();

    @Transactional
    public List<ShiftView> list(TenantId tenant, Caller caller, ShiftStore.Filter filter) {
        ScheduleAccess.require(ScheduleAccess.isStaff(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        ShiftStore.Filter scoped = new ShiftStore.Filter(at.narrow(filter.branch()), filter.servicePoint(),
                filter.staffMemberId(), filter.from(), filter.to());
        return store.list(at.db(), scoped);
    }

    @Transactional
    public ShiftView read(TenantId tenant, Caller caller, UUID id) {
        ScheduleAccess.require(ScheduleAccess.isStaff(caller, tenant));
        return visible(work.actFor(em, tenant, caller), id);
    }

    /** A shift at a branch the caller covers; another branch's is answered as not found. */
    private ShiftView visible(TenantWork.Acting at, UUID id) {
        return store.find(at.db(), id).filter(s -> at.covers(s.branch()))
                .orElseThrow(() -> Refusal.notFound(Text.of("staffing.not-found.shift", id)));
    }

    @Transactional
    public ShiftView create(TenantId tenant, Caller caller, ShiftDraft draft) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        at.requireCovers(draft.branch());
        var spec = at.document();
        ShiftView shift = store.create(at.db(), spec, draft, caller.auditName());
        at.audit("shift.create", "shift/" + shift.id(),
                "member " + shift.staffMemberId() + " at " + shift.branch() + "/" + shift.servicePoint() + ", "
                        + (shift.dayOfWeek() == null ? "on " + shift.date() : "every " + shift.dayOfWeek() + " from " + shift.validFrom())
                        + " " + shift.start() + "-" + shift.end());
        return shift;
    }

    /**
     * Copies a branch's one-off shifts of one week into the following weeks ("copy last week", "repeat this week for
     * N weeks"): all or nothing, audited per shift made; a retry makes nothing twice.
     */
    @Transactional
    public ShiftStore.WeekCopy copyWeek(TenantId tenant, Caller caller, String branch, LocalDate fromWeek, LocalDate toWeek,
                                        int weeks) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        at.requireCovers(branch);
        if (at.document().branches().stream().noneMatch(b -> b.code().equals(branch))) {
            throw Refusal.invalid("branch", Text.of("staffing.branch.unknown", branch));
        }
        ShiftStore.WeekCopy copy = store.copyWeek(at.db(), at.document(), branch, fromWeek, toWeek, weeks, caller.auditName());
        for (ShiftView shift : copy.created()) {
            at.audit("shift.create", "shift/" + shift.id(), "member " + shift.staffMemberId() + " at " + shift.branch() + "/"
                    + shift.servicePoint() + ", on " + shift.date() + " " + shift.start() + "-" + shift.end()
                    + ", copied from the week of " + fromWeek);
        }
        at.audit("shift.copy-week", "branch/" + branch, "week of " + fromWeek + " to " + weeks + " week(s) from " + toWeek
                + ": " + copy.created().size() + " made, " + copy.unchanged() + " already there");
        return copy;
    }

    @Transactional
    public void delete(TenantId tenant, Caller caller, UUID id) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        visible(at, id);
        if (!store.delete(at.db(), id)) {
            throw Refusal.notFound(Text.of("staffing.not-found.shift", id));
        }
        at.audit("shift.delete", "shift/" + id, null);
    }

    @Transactional
    public ShiftView cancelOccurrence(TenantId tenant, Caller caller, UUID id, LocalDate day) {
        ScheduleAccess.require(ScheduleAccess.plans(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        visible(at, id);
        ShiftView shift = store.cancel(at.db(), id, day, caller.auditName());
        at.audit("shift.cancel-occurrence", "shift/" + id, "occurrence of " + day);
        return shift;
    }
}
