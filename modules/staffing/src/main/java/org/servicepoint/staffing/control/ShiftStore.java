package org.servicepoint.staffing.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.platform.control.FilteredQuery;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Text;
import org.servicepoint.staffing.control.ScheduleCalendar.PlannedShift;
import org.servicepoint.staffing.entity.Shift;
import org.servicepoint.staffing.entity.ShiftPattern;
import org.servicepoint.staffing.entity.StaffMember;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * Shifts in the database, through an entity manager already bound to one library system. Works the same in
 * the container and in tests, which is why the control that owns the transaction stays thin.
 */
public final class ShiftStore {

    /** What to list: each part may be null (no limit). Dates pick shifts valid on any day between them. */
    public record Filter(String branch, String servicePoint, UUID staffMemberId, LocalDate from, LocalDate to) {
    }

    public List<ShiftView> list(EntityManager em, Filter filter) {
        List<Shift> shifts = new FilteredQuery("select s from Shift s")
                .andIf("s.branchCode = :branch", "branch", filter.branch())
                .andIf("s.servicePointCode = :desk", "desk", filter.servicePoint())
                .andIf("s.staffMemberId = :member", "member", filter.staffMemberId())
                .andIf("s.firstDay <= :to", "to", filter.to())
                .andIf("(s.lastDay is null or s.lastDay >= :from)", "from", filter.from())
                .orderedBy(em, "s.branchCode, s.servicePointCode, s.firstDay, s.startsAt, s.id", Shift.class)
                .getResultList();
        Map<UUID, StaffMember> members = members(em, shifts.stream().map(Shift::staffMemberId).toList());
        return shifts.stream().map(s -> view(s, members.get(s.staffMemberId()))).toList();
    }

    public Optional<ShiftView> find(EntityManager em, UUID id) {
        return Optional.ofNullable(em.find(Shift.class, id)).map(s -> view(s, em.find(StaffMember.class, s.staffMemberId())));
    }

    /** Checks and stores a new shift; 400 for a bad draft, 409 if it overlaps another shift of the member. */
    public ShiftView create(EntityManager em, TenantSpec tenant, ShiftDraft draft, String by) {
        ShiftRules.Checked checked = ShiftRules.check(draft, tenant);
        // Locking the member's roster row makes two planners adding shifts for the same person take turns, so
        // both cannot pass the overlap check at once.
        StaffMember member = em.find(StaffMember.class, checked.staffMemberId(), LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw Refusal.invalid("staffMemberId", Text.of("staffing.staff-member.not-in-system", checked.staffMemberId()));
        }
        ShiftRules.checkRoster(checked.pattern(), member);
        List<PlannedShift> existing = em.createQuery("select s from Shift s where s.staffMemberId = :member", Shift.class)
                .setParameter("member", member.id())
                .getResultList().stream().map(ShiftStore::planned).toList();
        ShiftRules.firstClash(checked.pattern(), existing).ifPresent(clash -> {
            Shift other = em.find(Shift.class, clash.shiftId());
            throw Refusal.conflict(Text.of("staffing.shift.overlaps", member.tagName(), describe(other), other.id(),
                    clash.day()));
        });
        Shift shift = new Shift(member.id(), checked.branch(), checked.servicePoint(), checked.pattern(), by);
        em.persist(shift);
        em.flush();
        return view(shift, member);
    }

    /**
     * What copying a week did: the shifts made, and how many were there already (a retried copy makes none again).
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "WeekCopy")
    @jakarta.json.bind.annotation.JsonbPropertyOrder({"created", "unchanged"})
    public record WeekCopy(List<ShiftView> created, int unchanged) {
        public WeekCopy {
            created = List.copyOf(created);
        }
    }

    /**
     * Copies the one-off shifts of a branch in the week starting {@code fromWeek} into {@code weeks} weeks starting
     * {@code toWeek}, all or nothing. Weekly shifts repeat by themselves and are left alone. A copy that is already
     * there (same person, desk, date and times) is counted, not made again; every copy that could not be made is
     * named in one 409 and nothing is stored.
     */
    public WeekCopy copyWeek(EntityManager em, TenantSpec tenant, String branch, LocalDate fromWeek, LocalDate toWeek,
                             int weeks, String by) {
        List<Shift> sources = em.createQuery("select s from Shift s where s.branchCode = :branch and s.dayOfWeek is null"
                        + " and s.firstDay >= :from and s.firstDay <= :to order by s.firstDay, s.servicePointCode, s.startsAt, s.id", Shift.class)
                .setParameter("branch", branch).setParameter("from", fromWeek).setParameter("to", fromWeek.plusDays(6))
                .getResultList().stream().filter(s -> !s.cancelledDays().contains(s.pattern().firstDay())).toList();
        // The members' roster rows are locked in one order, so concurrent copies take turns and never deadlock.
        Map<UUID, StaffMember> members = new HashMap<>();
        sources.stream().map(Shift::staffMemberId).distinct().sorted()
                .forEach(id -> members.put(id, em.find(StaffMember.class, id, LockModeType.PESSIMISTIC_WRITE)));
        Map<UUID, List<PlannedShift>> planned = new HashMap<>();
        for (UUID id : members.keySet()) {
            planned.put(id, new ArrayList<>(em.createQuery("select s from Shift s where s.staffMemberId = :member", Shift.class)
                    .setParameter("member", id).getResultList().stream().map(ShiftStore::planned).toList()));
        }
        long shift = java.time.temporal.ChronoUnit.DAYS.between(fromWeek, toWeek);
        List<Violation> problems = new ArrayList<>();
        List<Shift> made = new ArrayList<>();
        int unchanged = 0;
        for (int week = 0; week < weeks; week++) {
            for (Shift source : sources) {
                ShiftPattern from = source.pattern();
                LocalDate day = from.firstDay().plusDays(shift + 7L * week);
                ShiftPattern copy = ShiftPattern.once(day, from.start(), from.end(), from.overnight());
                StaffMember member = members.get(source.staffMemberId());
                String item = "shifts[" + day + " " + source.servicePointCode() + " " + from.start() + "-" + from.end() + " "
                        + member.tagName() + "]";
                List<PlannedShift> theirs = planned.get(member.id());
                if (theirs.stream().anyMatch(p -> p.servicePoint().equals(source.servicePointCode()) && p.branch().equals(branch)
                        && p.pattern().equals(copy) && !p.cancelled().contains(day))) {
                    unchanged++;
                    continue;
                }
                try {
                    ShiftRules.checkRoster(copy, member);
                } catch (Refusal outside) {
                    outside.violations().forEach(v -> problems.add(new Violation(item, v.said())));
                    continue;
                }
                Optional<ShiftRules.Clash> clash = ShiftRules.firstClash(copy, theirs);
                if (clash.isPresent()) {
                    Shift other = em.find(Shift.class, clash.get().shiftId());
                    String what = other == null ? "a copy made in this request" : describe(other);
                    problems.add(new Violation(item, Text.of("staffing.shift.overlaps", member.tagName(), what, clash.get().shiftId(),
                            clash.get().day())));
                    continue;
                }
                Shift copied = new Shift(member.id(), branch, source.servicePointCode(), copy, by);
                made.add(copied);
                theirs.add(planned(copied));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refusal("conflict", 409, "Conflict with the current state",
                    Text.of("staffing.shift.copy-refused", problems.size(), fromWeek, toWeek), problems);
        }
        made.forEach(em::persist);
        em.flush();
        return new WeekCopy(made.stream().map(s -> view(s, members.get(s.staffMemberId()))).toList(), unchanged);
    }

    /** Removes a shift with all its cancellations; false if there is no such shift. */
    public boolean delete(EntityManager em, UUID id) {
        Shift shift = em.find(Shift.class, id);
        if (shift == null) {
            return false;
        }
        em.remove(shift);
        em.flush();
        return true;
    }

    /** Cancels one occurrence; 404 unknown shift, 400 no occurrence that day, 409 already cancelled. */
    public ShiftView cancel(EntityManager em, UUID id, LocalDate day, String by) {
        // Locked so that two people cancelling the same occurrence at once get a clean 409, not a key violation.
        Shift shift = Optional.ofNullable(em.find(Shift.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> Refusal.notFound(Text.of("staffing.not-found.shift", id)));
        try {
            em.persist(shift.cancel(day, by));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("date", Text.of("staffing.shift.no-occurrence", describe(shift), day));
        } catch (IllegalStateException e) {
            throw Refusal.conflict(Text.of("staffing.shift.cancelled-already", day));
        }
        em.flush();
        return view(shift, em.find(StaffMember.class, shift.staffMemberId()));
    }

    static PlannedShift planned(Shift s) {
        return new PlannedShift(s.id(), s.staffMemberId(), s.branchCode(), s.servicePointCode(), s.pattern(), s.cancelledDays());
    }

    static Map<UUID, StaffMember> members(EntityManager em, Collection<UUID> ids) {
        Map<UUID, StaffMember> members = new HashMap<>();
        List<UUID> distinct = ids.stream().distinct().toList();
        // In chunks: a list of thousands of ids in one "in" clause is slow to plan and may hit driver limits.
        for (int i = 0; i < distinct.size(); i += 500) {
            List<UUID> chunk = new ArrayList<>(distinct.subList(i, Math.min(distinct.size(), i + 500)));
            em.createQuery("select m from StaffMember m where m.id in :ids", StaffMember.class)
                    .setParameter("ids", chunk)
                    .getResultList().forEach(m -> members.put(m.id(), m));
        }
        return members;
    }

    static String describe(Shift shift) {
        ShiftPattern p = shift.pattern();
        String when = p.weeklyRepeat()
                ? "every " + p.weekday().name().toLowerCase(Locale.ROOT) + " from " + p.firstDay() + (p.lastDay() == null ? "" : " to " + p.lastDay())
                : "on " + p.firstDay();
        return shift.branchCode() + " " + shift.servicePointCode() + " " + when + " " + p.start() + "-" + p.end()
                + (p.overnight() ? " (overnight)" : "");
    }

    static ShiftView view(Shift s, StaffMember member) {
        ShiftPattern p = s.pattern();
        return new ShiftView(s.id(), s.staffMemberId(), member == null ? null : member.tagName(),
                member == null ? null : member.employmentType().code(), s.branchCode(), s.servicePointCode(),
                p.weeklyRepeat() ? "weekly" : "once", p.weeklyRepeat() ? p.weekday().name().toLowerCase(Locale.ROOT) : null,
                p.weeklyRepeat() ? null : p.firstDay(), p.weeklyRepeat() ? p.firstDay() : null,
                p.weeklyRepeat() ? p.lastDay() : null, p.start().toString(), p.end().toString(), p.overnight(),
                List.copyOf(s.cancelledDays()));
    }
}
