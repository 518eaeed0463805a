package org.servicepoint.staffing.entity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When someone is away, on the library system's wall clock: {@code from} inclusive to {@code to} exclusive.
 * Whole days run from the start of the first day to the start of the day after the last, so they follow the
 * calendar even on the days the clocks change (23 or 25 hours).
 */
public record AbsencePeriod(LocalDateTime from, LocalDateTime to, boolean wholeDays) {

    public AbsencePeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("an absence needs a start and an end");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the absence ends (" + to + ") before it starts (" + from + ")");
        }
        if (wholeDays && !(from.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && to.toLocalTime().equals(java.time.LocalTime.MIDNIGHT))) {
            throw new IllegalArgumentException("whole days start and end at midnight");
        }
    }

    public static AbsencePeriod days(LocalDate first, LocalDate last) {
        if (first == null || last == null) {
            throw new IllegalArgumentException("whole-day absences need a first and a last day");
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the last day (" + last + ") is before the first (" + first + ")");
        }
        return new AbsencePeriod(first.atStartOfDay(), last.plusDays(1).atStartOfDay(), true);
    }

    public static AbsencePeriod between(LocalDateTime from, LocalDateTime to) {
        return new AbsencePeriod(from, to, false);
    }

    public LocalDate firstDay() {
        return from.toLocalDate();
    }

    /** The last day touched: for whole days the last day named, else the day the absence ends on. */
    public LocalDate lastDay() {
        return wholeDays || to.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? to.toLocalDate().minusDays(1) : to.toLocalDate();
    }

    /** In real time. Midnight is taken as the start of the day, which java.time moves forward where it does not exist. */
    public ZonedDateTime start(ZoneId zone) {
        return wholeDays ? from.toLocalDate().atStartOfDay(zone) : from.atZone(zone);
    }

    public ZonedDateTime end(ZoneId zone) {
        return wholeDays ? to.toLocalDate().atStartOfDay(zone) : to.atZone(zone);
    }

    public boolean overlaps(AbsencePeriod other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }
}
