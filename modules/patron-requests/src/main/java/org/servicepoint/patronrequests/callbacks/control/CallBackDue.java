package org.servicepoint.patronrequests.callbacks.control;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.servicepoint.patronrequests.control.PatronRequestRules;
import org.servicepoint.platform.entity.TimeRange;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.WeekSpec;

/**
 * When a call-back is due, from the moment it was offered, the branch's opening hours, closures and short days, its
 * time zone and the library system's rule. Pure: no database, no clock.
 * <p>
 * Hours are wall-clock times of the zone, so a branch that closes at 17:00 closes at 17:00 on the days the clocks
 * change too; hours counted by {@code within-opening-hours} are real hours, so an opening period that spans the
 * change (rare for a library) counts one hour more or less. A wall-clock time that does not exist is moved forward
 * by the gap, as {@link ZonedDateTime#of} does.
 */
public final class CallBackDue {

    /** How far ahead an opening day is looked for; a branch closed all that time gets a day from the moment asked. */
    static final int LOOK_AHEAD_DAYS = 366;

    static final int DEFAULT_WITHIN_HOURS = 4;

    /** A branch's week and its dated closures (an empty list: closed all day; otherwise the short day's hours). */
    public record Hours(ZoneId zone, Map<DayOfWeek, List<TimeRange>> week, Map<LocalDate, List<TimeRange>> closures) {

        public Hours {
            week = Map.copyOf(week);
            closures = Map.copyOf(closures);
        }

        /** The hours as the branch's published description writes them, in the library system's zone. */
        public static Hours of(BranchSpec branch, ZoneId zone) {
            Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
            (branch.openingHours() == null ? WeekSpec.CLOSED : branch.openingHours()).byDay()
                    .forEach((day, texts) -> week.put(day, TimeRange.parseAll(texts)));
            Map<LocalDate, List<TimeRange>> closures = new HashMap<>();
            for (BranchSpec.ClosureSpec c : branch.closures()) {
                closures.put(LocalDate.parse(c.date()), TimeRange.parseAll(c.hours()));
            }
            return new Hours(zone, week, closures);
        }

        /** The periods the branch is open on a date, earliest first; none when closed. */
        public List<TimeRange> on(LocalDate date) {
            List<TimeRange> periods = closures.get(date);
            return periods != null ? periods : week.getOrDefault(date.getDayOfWeek(), List.of());
        }

        /** The moment a date's last period closes (24:00 is the start of the next day). */
        Instant closing(LocalDate date) {
            List<TimeRange> periods = on(date);
            return wallClock(date, periods.get(periods.size() - 1).closes());
        }

        Instant wallClock(LocalDate date, int minutes) {
            LocalDate day = minutes == 1440 ? date.plusDays(1) : date;
            int m = minutes % 1440;
            return ZonedDateTime.of(day, java.time.LocalTime.of(m / 60, m % 60), zone).toInstant();
        }
    }

    private CallBackDue() {
    }

    /** The moment a call-back offered at {@code asked} is due, by {@code rule} (null: same-opening-day). */
    public static Instant due(Instant asked, Hours hours, PatronRequestRules.CallBacks rule) {
        String kind = rule == null || rule.due() == null ? "same-opening-day" : rule.due();
        LocalDate day = asked.atZone(hours.zone()).toLocalDate();
        return switch (kind) {
            case "same-opening-day" -> sameOpeningDay(asked, day, hours);
            case "next-opening-day" -> nextOpeningDay(asked, day, hours);
            case "within-opening-hours" -> withinOpeningHours(asked, day, hours,
                    rule.withinHours() == null ? DEFAULT_WITHIN_HOURS : rule.withinHours());
            default -> throw new IllegalArgumentException("no call-back rule \"" + kind + "\"");
        };
    }

    private static Instant sameOpeningDay(Instant asked, LocalDate day, Hours hours) {
        if (!hours.on(day).isEmpty() && asked.isBefore(hours.closing(day))) {
            return hours.closing(day);
        }
        return nextOpeningDay(asked, day, hours);
    }

    private static Instant nextOpeningDay(Instant asked, LocalDate day, Hours hours) {
        for (int i = 1; i <= LOOK_AHEAD_DAYS; i++) {
            LocalDate next = day.plusDays(i);
            if (!hours.on(next).isEmpty()) {
                return hours.closing(next);
            }
        }
        return asked.plus(Duration.ofDays(1));
    }

    private static Instant withinOpeningHours(Instant asked, LocalDate day, Hours hours, int withinHours) {
        Duration left = Duration.ofHours(withinHours);
        for (int i = 0; i <= LOOK_AHEAD_DAYS; i++) {
            LocalDate date = day.plusDays(i);
            for (TimeRange period : hours.on(date)) {
                Instant opens = hours.wallClock(date, period.opens());
                Instant closes = hours.wallClock(date, period.closes());
                Instant from = opens.isBefore(asked) ? asked : opens;
                if (!from.isBefore(closes)) {
                    continue;
                }
                Duration open = Duration.between(from, closes);
                if (open.compareTo(left) >= 0) {
                    return from.plus(left);
                }
                left = left.minus(open);
            }
        }
        return asked.plus(Duration.ofDays(1));
    }
}
