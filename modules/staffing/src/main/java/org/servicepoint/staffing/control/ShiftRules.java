package org.servicepoint.staffing.control;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Text;
import org.servicepoint.staffing.control.ScheduleCalendar.PlannedShift;
import org.servicepoint.staffing.entity.ShiftPattern;
import org.servicepoint.staffing.entity.StaffMember;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * What a shift must be before it is stored: real dates and times, the overnight rule, a branch and desk of the
 * library system, dates the staff member is on the roster, and no overlap with the member's other shifts.
 * <p>
 * Overlap is judged on the wall clock, where planners think. A weekly shift clashes with another weekly shift
 * of the same member if their times overlap on any date both are valid, cancelled dates notwithstanding (two
 * weekly patterns that collide are a planning mistake even if one week is cancelled). A one-off shift clashes
 * only with occurrences that are not cancelled, so it can take the place of a cancelled one. Shifts that only
 * touch (one ends at 13:00, the next starts at 13:00) do not overlap.
 */
public final class ShiftRules {

    /** A shift draft whose shape and places were found good. */
    public record Checked(UUID staffMemberId, String branch, String servicePoint, ShiftPattern pattern) {
    }

    /** Another shift that the new one would overlap, and the first date it would. */
    public record Clash(UUID shiftId, LocalDate day) {
    }

    private static final java.util.regex.Pattern CLOCK = java.util.regex.Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private ShiftRules() {
    }

    /** The draft as a shift of this library system, or every reason it is not one (400). */
    public static Checked check(ShiftDraft draft, TenantSpec tenant) {
        List<Violation> violations = new ArrayList<>();
        if (draft.staffMemberId() == null) {
            violations.add(new Violation("staffMemberId", Text.of("staffing.required")));
        }
        place(violations, tenant, draft.branch(), draft.servicePoint());
        LocalTime start = time(violations, "start", draft.start());
        LocalTime end = time(violations, "end", draft.end());
        boolean overnight = Boolean.TRUE.equals(draft.overnight());
        ShiftPattern pattern = null;
        boolean weekly = draft.dayOfWeek() != null;
        if (weekly == (draft.date() != null)) {
            violations.add(new Violation("date", Text.of("staffing.shift.date-or-weekly")));
        } else if (weekly) {
            DayOfWeek day = weekday(violations, draft.dayOfWeek());
            LocalDate from = draft.validFrom() == null ? missing(violations, "validFrom") : date(violations, "validFrom", draft.validFrom());
            LocalDate until = draft.validUntil() == null ? null : date(violations, "validUntil", draft.validUntil());
            if (from != null && until != null && until.isBefore(from)) {
                violations.add(new Violation("validUntil", Text.of("staffing.shift.until-before-from")));
            } else if (day != null && from != null && start != null && end != null && overnightOk(violations, start, end, overnight)) {
                pattern = ShiftPattern.weekly(day, from, until, start, end, overnight);
                if (!pattern.hasOccurrence()) {
                    violations.add(new Violation("validUntil", Text.of("staffing.shift.no-such-day", draft.dayOfWeek(), from, until)));
                }
            }
        } else {
            if (draft.validFrom() != null || draft.validUntil() != null) {
                violations.add(new Violation("validFrom", Text.of("staffing.shift.valid-from-weekly")));
            }
            LocalDate on = date(violations, "date", draft.date());
            if (on != null && start != null && end != null && overnightOk(violations, start, end, overnight)) {
                pattern = ShiftPattern.once(on, start, end, overnight);
            }
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(Text.of("staffing.shift.not-acceptable", violations.get(0).field(), violations.get(0).wording()),
                    violations);
        }
        return new Checked(draft.staffMemberId(), draft.branch(), draft.servicePoint(), pattern);
    }

    /** The member must be on the roster every date an occurrence starts (400 otherwise). */
    public static void checkRoster(ShiftPattern pattern, StaffMember member) {
        boolean startsInTime = !pattern.firstDay().isBefore(member.startsOn());
        boolean endsInTime = member.endsOn() == null || (pattern.lastDay() != null && !pattern.lastDay().isAfter(member.endsOn()));
        if (!startsInTime || !endsInTime) {
            Text rostered = member.endsOn() == null ? Text.of("staffing.roster.from", member.startsOn())
                    : Text.of("staffing.roster.from-to", member.startsOn(), member.endsOn());
            Text shift = pattern.weeklyRepeat()
                    ? (pattern.lastDay() == null ? Text.of("staffing.shift.valid-from", pattern.firstDay())
                            : Text.of("staffing.shift.valid-from-to", pattern.firstDay(), pattern.lastDay()))
                    : Text.of("staffing.shift.on", pattern.firstDay());
            throw Refusal.invalid(pattern.weeklyRepeat() ? (startsInTime ? "validUntil" : "validFrom") : "date",
                    Text.of("staffing.shift.outside-roster", member.tagName(), rostered, shift));
        }
    }

    /** The first of the member's shifts the candidate would overlap, if any. */
    public static Optional<Clash> firstClash(ShiftPattern candidate, List<PlannedShift> sameMember) {
        for (PlannedShift other : sameMember) {
            Optional<LocalDate> day = overlapDay(candidate, other.pattern(), other.cancelled());
            if (day.isPresent()) {
                return Optional.of(new Clash(other.shiftId(), day.get()));
            }
        }
        return Optional.empty();
    }

    /** The first start date of {@code a} whose occurrence overlaps one of {@code b}'s, on the wall clock. */
    static Optional<LocalDate> overlapDay(ShiftPattern a, ShiftPattern b, Set<LocalDate> cancelledOfB) {
        // An occurrence lasts at most 24 hours, so overlapping occurrences start at most a day apart; and weekly
        // patterns repeat every 7 days, so if two overlap anywhere they do within ten days of the later start.
        LocalDate from = (a.firstDay().isAfter(b.firstDay()) ? a.firstDay() : b.firstDay()).minusDays(1);
        LocalDate until = from.plusDays(16);
        for (LocalDate last : new LocalDate[] {a.lastDay(), b.lastDay()}) {
            if (last != null && last.plusDays(1).isBefore(until)) {
                until = last.plusDays(1);
            }
        }
        if (until.isBefore(from)) {
            return Optional.empty();
        }
        boolean exact = !a.weeklyRepeat() || !b.weeklyRepeat();
        for (LocalDate da : a.startDates(from, until)) {
            LocalDateTime aStart = a.localStart(da);
            LocalDateTime aEnd = a.localEnd(da);
            for (LocalDate db : b.startDates(da.minusDays(1), da.plusDays(1))) {
                if (exact && cancelledOfB.contains(db)) {
                    continue;
                }
                if (aStart.isBefore(b.localEnd(db)) && b.localStart(db).isBefore(aEnd)) {
                    return Optional.of(da);
                }
            }
        }
        return Optional.empty();
    }

    /** A date parameter or field, or a 400 naming it. */
    public static LocalDate date(String field, String text) {
        List<Violation> violations = new ArrayList<>();
        LocalDate date = date(violations, field, text);
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations.get(0));
        }
        return date;
    }

    static LocalDate date(List<Violation> violations, String field, String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            violations.add(new Violation(field, Text.of("staffing.date.format")));
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            violations.add(new Violation(field, Text.of("staffing.date.not-in-calendar", text)));
            return null;
        }
    }

    static LocalTime time(List<Violation> violations, String field, String text) {
        if (text == null || !CLOCK.matcher(text).matches()) {
            violations.add(new Violation(field, Text.of("staffing.time.format")));
            return null;
        }
        return LocalTime.parse(text);
    }

    private static LocalDate missing(List<Violation> violations, String field) {
        violations.add(new Violation(field, Text.of("staffing.shift.weekly-required")));
        return null;
    }

    private static DayOfWeek weekday(List<Violation> violations, String text) {
        try {
            if (text.equals(text.toLowerCase(Locale.ROOT))) {
                return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the violation
        }
        violations.add(new Violation("dayOfWeek", Text.of("staffing.shift.day-of-week")));
        return null;
    }

    private static boolean overnightOk(List<Violation> violations, LocalTime start, LocalTime end, boolean overnight) {
        String problem = ShiftPattern.overnightProblem(start, end, overnight);
        if (problem != null) {
            violations.add(new Violation(overnight ? "overnight" : "end", problem));
            return false;
        }
        return true;
    }

    private static void place(List<Violation> violations, TenantSpec tenant, String branchCode, String deskCode) {
        if (branchCode == null || branchCode.isBlank()) {
            violations.add(new Violation("branch", Text.of("staffing.required")));
            return;
        }
        Optional<BranchSpec> branch = tenant.branches().stream().filter(b -> b.code().equals(branchCode)).findFirst();
        if (branch.isEmpty()) {
            violations.add(new Violation("branch", Text.of("staffing.branch.unknown", branchCode)));
            return;
        }
        if (deskCode == null || deskCode.isBlank()) {
            violations.add(new Violation("servicePoint", Text.of("staffing.required")));
        } else if (branch.get().servicePoints().stream().noneMatch(d -> d.code().equals(deskCode))) {
            violations.add(new Violation("servicePoint", Text.of("staffing.desk.unknown", deskCode, branchCode)));
        }
    }
}
