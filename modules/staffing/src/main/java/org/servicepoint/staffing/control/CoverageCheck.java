package org.servicepoint.staffing.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.servicepoint.platform.entity.TimeRange;
import org.servicepoint.staffing.entity.EmploymentType;

/**
 * Is every desk staffed whenever it is open? Compares each desk's opening hours with the people on duty there
 * and reports, per desk and day, the stretches with nobody ({@link Kind#GAP}) and those with only volunteers
 * or pages ({@link Kind#ONLY_VOLUNTEERS_OR_PAGES}: they never handle difficult situations). Pure: plain inputs.
 * <p>
 * A desk's hours on a date: its own weekly hours if it keeps them, else its branch's; a closure of the branch
 * that day closes every desk; a shortened day replaces the branch's hours, so a desk that keeps the branch's
 * hours is open exactly the shortened hours, and a desk with its own hours only where those and the shortened
 * hours overlap (a short day never opens a desk earlier or later than it usually is).
 * <p>
 * A mobile desk (a bookmobile) is open at its weekly stops: each stop's window is checked on its own, so a finding
 * names the stop it falls in, and two stops' gaps are never joined into one even where the stops touch.
 */
public final class CoverageCheck {

    public enum Kind { GAP, ONLY_VOLUNTEERS_OR_PAGES }

    /** A dated exception for the whole branch: {@code hours} empty means closed all day. */
    public record Closure(String reason, List<TimeRange> hours) {
        public Closure {
            hours = hours == null ? List.of() : List.copyOf(hours);
        }

        public boolean closedAllDay() {
            return hours.isEmpty();
        }
    }

    /** A weekly stop of a mobile desk: where it is, on which day, from when to when. */
    public record Stop(String name, DayOfWeek day, TimeRange hours) {
    }

    /**
     * A desk with the weekly hours it keeps (its own when {@code ownHours}, else a copy of its branch's) and its
     * branch's dated closures. A mobile desk's week is its stops' windows, and it keeps its own hours.
     */
    public record Desk(String branch, String servicePoint, String name, Map<DayOfWeek, List<TimeRange>> week, boolean ownHours,
                       Map<LocalDate, Closure> closures, List<Stop> stops) {

        public Desk {
            Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
            if (week != null) {
                week.forEach((day, periods) -> days.put(day, periods == null ? List.of() : periods.stream().sorted().toList()));
            }
            week = Map.copyOf(days);
            closures = closures == null ? Map.of() : Map.copyOf(closures);
            stops = stops == null ? List.of() : List.copyOf(stops);
        }

        public Desk(String branch, String servicePoint, String name, Map<DayOfWeek, List<TimeRange>> week, boolean ownHours,
                    Map<LocalDate, Closure> closures) {
            this(branch, servicePoint, name, week, ownHours, closures, List.of());
        }

        /** A mobile desk, open at its stops on their days (and never on a day the branch is closed). */
        public static Desk mobile(String branch, String servicePoint, String name, List<Stop> stops, Map<LocalDate, Closure> closures) {
            Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
            stops.forEach(stop -> week.computeIfAbsent(stop.day(), d -> new ArrayList<>()).add(stop.hours()));
            return new Desk(branch, servicePoint, name, week, true, closures, stops);
        }

        public boolean mobile() {
            return !stops.isEmpty();
        }

        /** The stops of this desk on a date, by time. */
        public List<Stop> stopsOn(LocalDate date) {
            return stops.stream().filter(s -> s.day() == date.getDayOfWeek()).sorted(Comparator.comparing(Stop::hours)).toList();
        }

        /** The stops this desk actually makes on a date: none on a day its branch is closed. */
        public List<Stop> openStopsOn(LocalDate date) {
            List<TimeRange> open = openOn(date);
            return stopsOn(date).stream().filter(s -> open.stream().anyMatch(s.hours()::overlaps)).toList();
        }

        /** The name of the stop an open period of this date falls in; null for a desk that stays put. */
        String stopAt(LocalDate date, TimeRange period) {
            return stopsOn(date).stream().filter(s -> s.hours().overlaps(period)).map(Stop::name).findFirst().orElse(null);
        }

        /** The periods this desk is open on a date, by the rules in the class comment. */
        public List<TimeRange> openOn(LocalDate date) {
            List<TimeRange> usual = week.getOrDefault(date.getDayOfWeek(), List.of());
            Closure closure = closures.get(date);
            if (closure == null) {
                return usual;
            }
            if (closure.closedAllDay()) {
                return List.of();
            }
            return ownHours ? intersect(usual, closure.hours()) : closure.hours();
        }

        public Closure closureOn(LocalDate date) {
            return closures.get(date);
        }
    }

    /** Someone on duty at a desk from {@code start} to {@code end}. */
    public record OnDuty(String branch, String servicePoint, Instant start, Instant end, EmploymentType employmentType) {

        boolean onlyAssists() {
            return employmentType == EmploymentType.VOLUNTEER || employmentType == EmploymentType.PAGE;
        }
    }

    /** A stretch of one desk's open hours on one date that is not properly staffed; {@code stop} for a mobile desk. */
    public record Finding(String branch, String servicePoint, String servicePointName, LocalDate date, ZonedDateTime from,
                          ZonedDateTime to, Kind kind, String stop) {
    }

    private CoverageCheck() {
    }

    /** Findings for every desk and every date from {@code first} to {@code last}, by desk order, then time. */
    public static List<Finding> check(ZoneId zone, LocalDate first, LocalDate last, List<Desk> desks, List<OnDuty> duty) {
        Map<String, List<OnDuty>> byDesk = new HashMap<>();
        for (OnDuty d : duty) {
            byDesk.computeIfAbsent(key(d.branch(), d.servicePoint()), k -> new ArrayList<>()).add(d);
        }
        List<Finding> findings = new ArrayList<>();
        for (Desk desk : desks) {
            List<OnDuty> here = byDesk.getOrDefault(key(desk.branch(), desk.servicePoint()), List.of());
            for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
                findings.addAll(checkDay(zone, desk, date, here));
            }
        }
        return findings;
    }

    /** The real interval of an open period on a date; 24:00 is the start of the next day. */
    public static ZonedDateTime[] realTime(TimeRange period, LocalDate date, ZoneId zone) {
        ZonedDateTime opens = period.opens() == 0 ? ScheduleCalendar.startOf(date, zone)
                : ScheduleCalendar.at(date.atTime(period.opens() / 60, period.opens() % 60), zone);
        ZonedDateTime closes = period.closes() == 1440 ? ScheduleCalendar.startOf(date.plusDays(1), zone)
                : ScheduleCalendar.at(date.atTime(period.closes() / 60, period.closes() % 60), zone);
        return new ZonedDateTime[] {opens, closes};
    }

    private static List<Finding> checkDay(ZoneId zone, Desk desk, LocalDate date, List<OnDuty> here) {
        List<Finding> day = new ArrayList<>();
        for (TimeRange period : desk.openOn(date)) {
            String stop = desk.stopAt(date, period);
            ZonedDateTime[] open = realTime(period, date, zone);
            Instant opens = open[0].toInstant();
            Instant closes = open[1].toInstant();
            if (!closes.isAfter(opens)) {
                continue;
            }
            List<OnDuty> overlapping = here.stream()
                    .filter(d -> d.start().isBefore(closes) && d.end().isAfter(opens)).toList();
            // Every moment someone arrives or leaves splits the open period; between two such moments the same
            // people are on duty, so each piece is judged once.
            TreeSet<Instant> cuts = new TreeSet<>(List.of(opens, closes));
            for (OnDuty d : overlapping) {
                if (d.start().isAfter(opens) && d.start().isBefore(closes)) {
                    cuts.add(d.start());
                }
                if (d.end().isAfter(opens) && d.end().isBefore(closes)) {
                    cuts.add(d.end());
                }
            }
            Instant from = null;
            for (Instant cut : cuts) {
                if (from != null) {
                    Instant pieceStart = from;
                    Instant pieceEnd = cut;
                    List<OnDuty> staffed = overlapping.stream()
                            .filter(d -> !d.start().isAfter(pieceStart) && !d.end().isBefore(pieceEnd)).toList();
                    Kind kind = staffed.isEmpty() ? Kind.GAP
                            : staffed.stream().allMatch(OnDuty::onlyAssists) ? Kind.ONLY_VOLUNTEERS_OR_PAGES : null;
                    if (kind != null) {
                        add(day, new Finding(desk.branch(), desk.servicePoint(), desk.name(), date,
                                ZonedDateTime.ofInstant(pieceStart, zone), ZonedDateTime.ofInstant(pieceEnd, zone), kind, stop));
                    }
                }
                from = cut;
            }
        }
        day.sort(Comparator.comparing((Finding f) -> f.from().toInstant()));
        return day;
    }

    /** Appends, joining a finding to the previous one when they touch and are of the same kind at the same stop. */
    private static void add(List<Finding> day, Finding next) {
        if (!day.isEmpty()) {
            Finding previous = day.get(day.size() - 1);
            if (previous.kind() == next.kind() && previous.to().toInstant().equals(next.from().toInstant())
                    && Objects.equals(previous.stop(), next.stop())) {
                day.set(day.size() - 1, new Finding(previous.branch(), previous.servicePoint(), previous.servicePointName(),
                        previous.date(), previous.from(), next.to(), previous.kind(), previous.stop()));
                return;
            }
        }
        day.add(next);
    }

    static List<TimeRange> intersect(List<TimeRange> a, List<TimeRange> b) {
        List<TimeRange> both = new ArrayList<>();
        for (TimeRange x : a) {
            for (TimeRange y : b) {
                int opens = Math.max(x.opens(), y.opens());
                int closes = Math.min(x.closes(), y.closes());
                if (closes > opens) {
                    both.add(new TimeRange(opens, closes));
                }
            }
        }
        both.sort(null);
        return both;
    }

    private static String key(String branch, String servicePoint) {
        return branch + "\u0000" + servicePoint;
    }
}
