package org.servicepoint.staffing.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.servicepoint.staffing.control.ScheduleCalendar.Away;
import org.servicepoint.staffing.control.ScheduleCalendar.PlannedShift;
import org.servicepoint.staffing.entity.Absence;
import org.servicepoint.staffing.entity.EmploymentType;
import org.servicepoint.staffing.entity.Shift;
import org.servicepoint.staffing.entity.StaffMember;

/** Loads what the calendar needs for some branches and dates, through an entity manager bound to one library system. */
public final class ScheduleStore {

    /** Who works a shift, as schedules and coverage show them. */
    public record Person(UUID id, String tagName, EmploymentType employmentType) {
    }

    /** Shifts already limited to their member's days on the roster, the members' absences, and the members. */
    public record Inputs(List<PlannedShift> shifts, List<Away> absences, Map<UUID, Person> people) {
    }

    /**
     * Everything that can put someone on duty at the branches from {@code first} to {@code last}; {@code branches}
     * null means all branches. Shifts that start the evening before are included, for overnight duty.
     */
    public Inputs load(EntityManager em, Collection<String> branches, LocalDate first, LocalDate last) {
        String jpql = "select s from Shift s where s.firstDay <= :last and (s.lastDay is null or s.lastDay >= :dayBefore)"
                + (branches == null ? "" : " and s.branchCode in :branches");
        TypedQuery<Shift> query = em.createQuery(jpql, Shift.class)
                .setParameter("last", last)
                .setParameter("dayBefore", first.minusDays(1));
        if (branches != null) {
            if (branches.isEmpty()) {
                return new Inputs(List.of(), List.of(), Map.of());
            }
            query.setParameter("branches", List.copyOf(branches));
        }
        List<Shift> shifts = query.getResultList();
        Map<UUID, StaffMember> members = ShiftStore.members(em, shifts.stream().map(Shift::staffMemberId).toList());
        List<PlannedShift> planned = new ArrayList<>();
        for (Shift s : shifts) {
            StaffMember member = members.get(s.staffMemberId());
            if (member == null) {
                continue;
            }
            // Someone who left (or has not started) is not on duty, whatever shifts still name them.
            s.pattern().within(member.startsOn(), member.endsOn()).ifPresent(p -> planned.add(new PlannedShift(
                    s.id(), s.staffMemberId(), s.branchCode(), s.servicePointCode(), p, s.cancelledDays())));
        }
        List<Away> away = new ArrayList<>();
        List<UUID> ids = List.copyOf(members.keySet());
        for (int i = 0; i < ids.size(); i += 500) {
            // A day of margin on each side: wall-clock bounds, and the zone's offset is not known here.
            em.createQuery("select a from Absence a where a.staffMemberId in :ids and a.startsAt < :to and a.endsAt > :from",
                            Absence.class)
                    .setParameter("ids", new ArrayList<>(ids.subList(i, Math.min(ids.size(), i + 500))))
                    .setParameter("from", first.minusDays(2).atStartOfDay())
                    .setParameter("to", last.plusDays(2).atStartOfDay())
                    .getResultList()
                    .forEach(a -> away.add(new Away(a.staffMemberId(), a.period())));
        }
        Map<UUID, Person> people = members.values().stream().collect(Collectors.toMap(StaffMember::id,
                m -> new Person(m.id(), m.tagName(), m.employmentType())));
        return new Inputs(planned, away, people);
    }
}
