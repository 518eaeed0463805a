package org.servicepoint.staffing.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.staffing.entity.AbsencePeriod;
import org.servicepoint.staffing.entity.ShiftPattern;

/**
 * Turns shifts into real duty: weekly and one-off shifts, less cancelled occurrences, less absences, as
 * intervals of real time in the library system's zone. Pure: no database, no clock.
 * <p>
 * Daylight saving: shift times are wall-clock times, so a 09:00-17:00 shift is 09:00-17:00 on the days the
 * clocks change as on any other (8 hours of real time), and a 22:00-06:00 shift lasts 9 hours on the night
 * the clocks go back and 7 on the night they go forward. A wall-clock time that does not exist (02:30 on the
 * spring-forward day in America/Chicago) is moved forward by the length of the gap (to 03:30), and a time
 * that exists twice (01:30 on the fall-back night) is the earlier of the two, as {@link ZonedDateTime#of}
 * resolves them. So 02:00-02:45 on the spring-forward day is worked 03:00-03:45, and 02:30-03:00 (moved to
 * 03:30-03:00) has no real time left and is left out.
 */
public final class ScheduleCalendar {

    /** A shift as the calendar needs it; {@code cancelled} names the start dates of cancelled occurrences. */
    public record PlannedShift(UUID shiftId, UUID staffMemberId, String branch, String servicePoint, ShiftPattern pattern,
                               Set<LocalDate> cancelled) {
        public PlannedShift {
            cancelled = cancelled == null ? Set.of() : Set.copyOf(cancelled);
        }
    }

    /** A staff member away. */
    public record Away(UUID staffMemberId, AbsencePeriod period) {
    }

    /**
     * A stretch of duty at one desk in real time. {@code day} is the date the shift's occurrence starts on; an
     * absence in the middle of a shift leaves two duties with the same day.
     */
    public record Duty(UUID shiftId, UUID staffMemberId, String branch, String servicePoint, LocalDate day,
                       ZonedDateTime start, ZonedDateTime end) {

        public Duration length() {
            return Duration.between(start, end);
        }

        public boolean isAt(String branchCode, String servicePointCode) {
            return branch.equals(branchCode) && servicePoint.equals(servicePointCode);
        }
    }

    private static final Comparator<Duty> ORDER = Comparator.comparing((Duty d) -> d.start().toInstant())
            .thenComparing(Duty::branch).thenComparing(Duty::servicePoint).thenComparing(d -> d.staffMemberId().toString());

    private ScheduleCalendar() {
    }

    /** A wall-clock time of the zone as a moment, by the rules in the class comment. */
    public static ZonedDateTime at(LocalDateTime wallClock, ZoneId zone) {
        return ZonedDateTime.of(wallClock, zone);
    }

    /** Midnight starting a date; where midnight does not exist, the first moment of that date. */
    public static ZonedDateTime startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone);
    }

    /**
     * The duty that overlaps the dates {@code first} to {@code last} (inclusive) in {@code zone}: occurrences
     * that start on those dates, and overnight occurrences from the evening before that reach into them. Each
     * duty is whole, not clipped to the range; ordered by start.
     */
    public static List<Duty> expand(ZoneId zone, LocalDate first, LocalDate last, Collection<PlannedShift> shifts,
                                    Collection<Away> absences) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the last date " + last + " is before the first " + first);
        }
        Instant windowStart = startOf(first, zone).toInstant();
        Instant windowEnd = startOf(last.plusDays(1), zone).toInstant();
        Map<UUID, List<Instant[]>> away = new HashMap<>();
        for (Away a : absences) {
            Instant start = a.period().start(zone).toInstant();
            Instant end = a.period().end(zone).toInstant();
            if (start.isBefore(end)) {
                away.computeIfAbsent(a.staffMemberId(), k -> new ArrayList<>()).add(new Instant[] {start, end});
            }
        }
        List<Duty> duties = new ArrayList<>();
        for (PlannedShift shift : shifts) {
            for (LocalDate day : shift.pattern().startDates(first.minusDays(1), last)) {
                if (shift.cancelled().contains(day)) {
                    continue;
                }
                Instant start = at(shift.pattern().localStart(day), zone).toInstant();
                Instant end = at(shift.pattern().localEnd(day), zone).toInstant();
                if (!end.isAfter(start) || !end.isAfter(windowStart) || !start.isBefore(windowEnd)) {
                    continue;
                }
                for (Instant[] piece : without(start, end, away.getOrDefault(shift.staffMemberId(), List.of()))) {
                    duties.add(new Duty(shift.shiftId(), shift.staffMemberId(), shift.branch(), shift.servicePoint(), day,
                            ZonedDateTime.ofInstant(piece[0], zone), ZonedDateTime.ofInstant(piece[1], zone)));
                }
            }
        }
        duties.sort(ORDER);
        return duties;
    }

    /** What is left of [start, end) once the given intervals are taken out; no empty pieces. */
    static List<Instant[]> without(Instant start, Instant end, List<Instant[]> removed) {
        List<Instant[]> pieces = new ArrayList<>();
        pieces.add(new Instant[] {start, end});
        for (Instant[] cut : removed) {
            List<Instant[]> next = new ArrayList<>();
            for (Instant[] piece : pieces) {
                if (!cut[0].isBefore(piece[1]) || !cut[1].isAfter(piece[0])) {
                    next.add(piece);
                    continue;
                }
                if (cut[0].isAfter(piece[0])) {
                    next.add(new Instant[] {piece[0], cut[0]});
                }
                if (cut[1].isBefore(piece[1])) {
                    next.add(new Instant[] {cut[1], piece[1]});
                }
            }
            pieces = next;
        }
        return pieces;
    }
}
