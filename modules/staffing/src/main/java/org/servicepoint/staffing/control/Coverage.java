package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * Desk coverage and the week schedule, read in the branch's time zone (the library system's). Any staff member
 * may look at any one branch: its shifts are open to all staff anyway, and a substitute needs the branch they
 * cover. All branches at once is the headquarters' view (headquarters, tenant administrators); anyone else
 * asking without a branch gets their home branch.
 */
@ApplicationScoped
public class Coverage {

    @PersistenceContext(unitName = "staffing")
    EntityManager em;

    @Inject
    LibraryWork work;

    Clock clock = Clock.systemUTC();

    private final ScheduleStore store = new ScheduleStore();

    /** Issues from {@code from} (null: today in the branch's zone) for {@code days} days. */
    @Transactional
    public List<CoverageIssue> issues(TenantId tenant, Caller caller, String branch, LocalDate from, int days) {
        ScheduleAccess.require(ScheduleAccess.isStaff(caller, tenant));
        if (days < 1 || days > ScheduleReport.MAX_DAYS) {
            throw Refusal.invalid("days", Text.of("staffing.days.range", ScheduleReport.MAX_DAYS));
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantSpec spec = at.document();
        ZoneId zone = ZoneId.of(spec.timeZone());
        LocalDate first = from != null ? from : LocalDate.now(clock.withZone(zone));
        LocalDate last = first.plusDays(days - 1L);
        List<BranchSpec> branches = ScheduleAccess.branches(spec, caller, branch);
        var inputs = store.load(at.db(), branches.stream().map(BranchSpec::code).toList(), first, last);
        return ScheduleReport.issues(zone, first, last, branches.stream().flatMap(b -> CoverageDesks.of(b).stream()).toList(), inputs);
    }

    /** One branch's ISO week ("2026-W49"; null: this week in the branch's zone). */
    @Transactional
    public ScheduleWeekView week(TenantId tenant, Caller caller, String branch, String isoWeek) {
        ScheduleAccess.require(ScheduleAccess.isStaff(caller, tenant));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantSpec spec = at.document();
        ZoneId zone = ZoneId.of(spec.timeZone());
        LocalDate monday = isoWeek == null ? ScheduleReport.mondayOf(LocalDate.now(clock.withZone(zone))) : ScheduleReport.monday(isoWeek);
        BranchSpec one = ScheduleAccess.branch(spec, caller, branch);
        var inputs = store.load(at.db(), List.of(one.code()), monday, monday.plusDays(6));
        return ScheduleReport.week(zone, monday, one, inputs);
    }
}
