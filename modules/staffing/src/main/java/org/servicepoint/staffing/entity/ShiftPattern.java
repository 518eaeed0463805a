package org.servicepoint.staffing.entity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a shift happens, on the wall clock of the library system: every {@code weekday} from {@code firstDay}
 * to {@code lastDay} (open-ended when null), or once on {@code firstDay} when {@code weekday} is null.
 * <p>
 * Overnight rule: a shift whose end is at or before its start on the clock ends the next day, and says so with
 * {@code overnight = true}; {@code 22:00-06:00} must be flagged, {@code 09:00-17:00} must not be, and
 * {@code 07:00-07:00} flagged is a 24-hour shift. Requiring the flag turns a typed-in-the-wrong-order end into
 * a refusal instead of a silent night shift. An occurrence belongs to the date it starts on (cancellations and
 * roster dates use that date).
 */
public record ShiftPattern(DayOfWeek weekday, LocalDate firstDay, LocalDate lastDay, LocalTime start, LocalTime end,
                           boolean overnight) {

    public ShiftPattern {
        if (firstDay == null || start == null || end == null) {
            throw new IllegalArgumentException("a shift needs a date, a start and an end");
        }
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("shift times are whole minutes");
        }
        if (weekday == null && !firstDay.equals(lastDay)) {
            throw new IllegalArgumentException("a one-off shift is on one date");
        }
        if (lastDay != null && lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("the shift is valid until a date before it starts");
        }
        String problem = overnightProblem(start, end, overnight);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static ShiftPattern weekly(DayOfWeek weekday, LocalDate validFrom, LocalDate validUntil, LocalTime start, LocalTime end,
                                      boolean overnight) {
        if (weekday == null) {
            throw new IllegalArgumentException("a weekly shift needs a day of the week");
        }
        return new ShiftPattern(weekday, validFrom, validUntil, start, end, overnight);
    }

    public static ShiftPattern once(LocalDate date, LocalTime start, LocalTime end, boolean overnight) {
        return new ShiftPattern(null, date, date, start, end, overnight);
    }

    /** What is wrong with these times and this flag, in words for the person who typed them; null if nothing. */
    public static String overnightProblem(LocalTime start, LocalTime end, boolean overnight) {
        boolean endsNextDay = !end.isAfter(start);
        if (endsNextDay && !overnight) {
            return start.equals(end)
                    ? "the shift starts and ends at " + start + "; set overnight: true for a 24-hour shift"
                    : "the shift ends (" + end + ") before it starts (" + start + "); set overnight: true if it ends the next day";
        }
        if (!endsNextDay && overnight) {
            return "an overnight shift ends the next day, at or before its start time on the clock; "
                    + start + "-" + end + " ends the same day, so it is not overnight";
        }
        return null;
    }

    public boolean weeklyRepeat() {
        return weekday != null;
    }

    public boolean occursOn(LocalDate day) {
        return !day.isBefore(firstDay) && (lastDay == null || !day.isAfter(lastDay))
                && (weekday == null || day.getDayOfWeek() == weekday);
    }

    /** The dates occurrences start on, from {@code from} to {@code to} inclusive. */
    public List<LocalDate> startDates(LocalDate from, LocalDate to) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate first = from.isAfter(firstDay) ? from : firstDay;
        LocalDate last = lastDay == null || to.isBefore(lastDay) ? to : lastDay;
        if (weekday != null) {
            first = first.with(TemporalAdjusters.nextOrSame(weekday));
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(weekday == null ? 1 : 7)) {
            if (occursOn(d)) {
                dates.add(d);
            }
        }
        return dates;
    }

    /** True if at least one occurrence falls within the validity (a Monday shift valid Tuesday to Thursday has none). */
    public boolean hasOccurrence() {
        return weekday == null || lastDay == null || !startDates(firstDay, lastDay).isEmpty();
    }

    public LocalDateTime localStart(LocalDate day) {
        return day.atTime(start);
    }

    public LocalDateTime localEnd(LocalDate day) {
        return (overnight ? day.plusDays(1) : day).atTime(end);
    }

    /** Length on the wall clock; the real length differs on the nights the clocks change. */
    public long clockMinutes() {
        long minutes = ChronoUnit.MINUTES.between(start, end);
        return overnight ? minutes + 24 * 60 : minutes;
    }

    /** The same shift limited to the dates given (e.g. the member's days on the roster); empty if none remain. */
    public Optional<ShiftPattern> within(LocalDate from, LocalDate until) {
        LocalDate first = from == null || from.isBefore(firstDay) ? firstDay : from;
        LocalDate last = until == null ? lastDay : lastDay == null || until.isBefore(lastDay) ? until : lastDay;
        if (last != null && last.isBefore(first)) {
            return Optional.empty();
        }
        if (weekday == null) {
            return first.equals(firstDay) && firstDay.equals(last) ? Optional.of(this) : Optional.empty();
        }
        ShiftPattern narrowed = new ShiftPattern(weekday, first, last, start, end, overnight);
        return narrowed.hasOccurrence() ? Optional.of(narrowed) : Optional.empty();
    }
}
