package org.servicepoint.staffing.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.servicepoint.platform.control.FilteredQuery;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Text;
import org.servicepoint.staffing.entity.Absence;
import org.servicepoint.staffing.entity.AbsenceKind;
import org.servicepoint.staffing.entity.AbsencePeriod;
import org.servicepoint.staffing.entity.StaffMember;

/**
 * Absences in the database, through an entity manager already bound to one library system. One member's
 * absences never overlap: a second record for the same time is a mistake, not more absence.
 */
public final class AbsenceStore {

    /** Longest single absence; a longer one is recorded in parts, and a mistyped year is caught. */
    public static final int MAX_DAYS = 731;

    private static final Pattern DATE_TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T([01][0-9]|2[0-3]):[0-5][0-9]$");
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    /** What to list; each part may be null. {@code onlyOf} limits the list to one member (the caller's own). */
    public record Filter(UUID staffMemberId, LocalDate from, LocalDate to) {
    }

    public List<AbsenceView> list(EntityManager em, Filter filter, Optional<UUID> onlyOf) {
        return list(em, filter, onlyOf, null);
    }

    /** As above; {@code ofBranch}, if given, keeps the absences of that branch's staff, in the query. */
    public List<AbsenceView> list(EntityManager em, Filter filter, Optional<UUID> onlyOf, String ofBranch) {
        // Absences are stored from and until a moment: a day's filter starts at its midnight, "to" ends at the next one.
        List<Absence> absences = new FilteredQuery("select a from Absence a")
                .andIf("a.staffMemberId in (select m.id from StaffMember m where m.branchCode = :ofBranch)", "ofBranch", ofBranch)
                .andIf("a.staffMemberId = :member", "member", filter.staffMemberId())
                .andIf("a.staffMemberId = :own", "own", onlyOf.orElse(null))
                .andIf("a.endsAt > :from", "from", filter.from() == null ? null : filter.from().atStartOfDay())
                .andIf("a.startsAt < :to", "to", filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay())
                .orderedBy(em, "a.startsAt, a.id", Absence.class)
                .getResultList();
        Map<UUID, StaffMember> members = ShiftStore.members(em, absences.stream().map(Absence::staffMemberId).toList());
        return absences.stream().map(a -> view(a, members.get(a.staffMemberId()))).toList();
    }

    /** The roster entry signed in under this username, if any. */
    public Optional<StaffMember> memberSignedInAs(EntityManager em, String username) {
        return em.createQuery("select m from StaffMember m where m.username = :username", StaffMember.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
    }

    public AbsenceView record(EntityManager em, AbsenceDraft draft, String by) {
        List<Violation> violations = new ArrayList<>();
        AbsenceKind kind = kind(violations, draft.kind());
        AbsencePeriod period = period(violations, draft);
        if (draft.staffMemberId() == null) {
            violations.add(new Violation("staffMemberId", Text.of("staffing.required")));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(Text.of("staffing.absence.not-acceptable", violations.get(0).field(), violations.get(0).wording()),
                    violations);
        }
        // Locked like for shifts: two records for the same member cannot both pass the overlap check.
        StaffMember member = em.find(StaffMember.class, draft.staffMemberId(), LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            throw Refusal.invalid("staffMemberId", Text.of("staffing.staff-member.not-in-system", draft.staffMemberId()));
        }
        em.createQuery("select a from Absence a where a.staffMemberId = :member and a.startsAt < :to and a.endsAt > :from",
                        Absence.class)
                .setParameter("member", member.id())
                .setParameter("from", period.from())
                .setParameter("to", period.to())
                .getResultStream().findFirst()
                .ifPresent(other -> {
                    throw Refusal.conflict(Text.of("staffing.absence.overlaps", member.tagName(), wallClock(other.period().from()),
                            wallClock(other.period().to()), other.id()));
                });
        Absence absence = new Absence(member.id(), kind, period, by);
        em.persist(absence);
        em.flush();
        return view(absence, member);
    }

    public boolean delete(EntityManager em, UUID id) {
        Absence absence = em.find(Absence.class, id);
        if (absence == null) {
            return false;
        }
        em.remove(absence);
        em.flush();
        return true;
    }

    public Optional<Absence> find(EntityManager em, UUID id) {
        return Optional.ofNullable(em.find(Absence.class, id));
    }

    private static AbsenceKind kind(List<Violation> violations, String code) {
        try {
            return AbsenceKind.ofCode(code);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("kind", Text.of("staffing.absence.kind")));
            return null;
        }
    }

    private static AbsencePeriod period(List<Violation> violations, AbsenceDraft draft) {
        boolean days = draft.firstDay() != null || draft.lastDay() != null;
        boolean times = draft.from() != null || draft.to() != null;
        if (days == times) {
            violations.add(new Violation("firstDay", Text.of("staffing.absence.days-or-times")));
            return null;
        }
        AbsencePeriod period;
        if (days) {
            LocalDate first = draft.firstDay() == null ? null : ShiftRules.date(violations, "firstDay", draft.firstDay());
            if (draft.firstDay() == null) {
                violations.add(new Violation("firstDay", Text.of("staffing.required")));
            }
            LocalDate last = draft.lastDay() == null ? first : ShiftRules.date(violations, "lastDay", draft.lastDay());
            if (first == null || last == null) {
                return null;
            }
            if (last.isBefore(first)) {
                violations.add(new Violation("lastDay", Text.of("staffing.absence.last-before-first")));
                return null;
            }
            period = AbsencePeriod.days(first, last);
        } else {
            LocalDateTime from = dateTime(violations, "from", draft.from());
            LocalDateTime to = dateTime(violations, "to", draft.to());
            if (from == null || to == null) {
                return null;
            }
            if (!to.isAfter(from)) {
                violations.add(new Violation("to", Text.of("staffing.absence.to-after-from")));
                return null;
            }
            period = AbsencePeriod.between(from, to);
        }
        if (ChronoUnit.DAYS.between(period.from(), period.to()) > MAX_DAYS) {
            violations.add(new Violation(days ? "lastDay" : "to", Text.of("staffing.absence.too-long", MAX_DAYS)));
            return null;
        }
        return period;
    }

    private static LocalDateTime dateTime(List<Violation> violations, String field, String text) {
        if (text == null || !DATE_TIME.matcher(text).matches()) {
            violations.add(new Violation(field, Text.of("staffing.absence.date-time")));
            return null;
        }
        try {
            return LocalDateTime.parse(text);
        } catch (java.time.DateTimeException e) {
            violations.add(new Violation(field, Text.of("staffing.date.not-in-calendar", text)));
            return null;
        }
    }

    static String wallClock(LocalDateTime time) {
        return WALL_CLOCK.format(time);
    }

    static AbsenceView view(Absence a, StaffMember member) {
        AbsencePeriod p = a.period();
        return new AbsenceView(a.id(), a.staffMemberId(), member == null ? null : member.tagName(), a.kind().code(), p.wholeDays(),
                p.wholeDays() ? p.firstDay() : null, p.wholeDays() ? p.lastDay() : null, wallClock(p.from()), wallClock(p.to()));
    }
}
