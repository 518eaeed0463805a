package org.servicepoint.staffing.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.staffing.control.CoverageCheck.Desk;
import org.servicepoint.staffing.control.CoverageCheck.OnDuty;
import org.servicepoint.staffing.control.ScheduleCalendar.Duty;
import org.servicepoint.staffing.control.ScheduleStore.Inputs;
import org.servicepoint.staffing.control.ScheduleStore.Person;
import org.servicepoint.tenancy.control.BranchSpec;

/** Puts calendar and coverage check together into what the endpoints return. Pure, like its parts. */
public final class ScheduleReport {

    public static final int MAX_DAYS = 31;

    private static final Pattern WEEK = Pattern.compile("^\\d{4}-W\\d{2}$");

    private ScheduleReport() {
    }

    /** Coverage issues of the desks from {@code first} to {@code last}, soonest first (then by branch and desk). */
    public static List<CoverageIssue> issues(ZoneId zone, LocalDate first, LocalDate last, List<Desk> desks, Inputs inputs) {
        return issues(zone, first, last, desks, ScheduleCalendar.expand(zone, first, last, inputs.shifts(), inputs.absences()), inputs);
    }

    private static List<CoverageIssue> issues(ZoneId zone, LocalDate first, LocalDate last, List<Desk> desks, List<Duty> duties,
                                              Inputs inputs) {
        return CoverageCheck.check(zone, first, last, desks, onDuty(duties, inputs)).stream()
                .sorted(Comparator.comparing((CoverageCheck.Finding f) -> f.from().toInstant())
                        .thenComparing(CoverageCheck.Finding::branch).thenComparing(CoverageCheck.Finding::servicePoint))
                .map(CoverageIssue::of).toList();
    }

    public static ScheduleWeekView week(ZoneId zone, LocalDate monday, BranchSpec branch, Inputs inputs) {
        LocalDate sunday = monday.plusDays(6);
        List<Desk> desks = CoverageDesks.of(branch);
        List<Duty> duties = ScheduleCalendar.expand(zone, monday, sunday, inputs.shifts(), inputs.absences());
        List<ScheduleWeekView.DeskWeek> deskWeeks = new ArrayList<>();
        for (Desk desk : desks) {
            List<ScheduleWeekView.DeskDay> days = new ArrayList<>();
            for (LocalDate day = monday; !day.isAfter(sunday); day = day.plusDays(1)) {
                CoverageCheck.Closure closure = desk.closureOn(day);
                days.add(new ScheduleWeekView.DeskDay(day, desk.openOn(day).stream().map(Object::toString).toList(),
                        closure == null ? null : closure.reason(), desk.openStopsOn(day).stream()
                                .map(stop -> new ScheduleWeekView.StopView(stop.name(), stop.hours().toString())).toList()));
            }
            List<ScheduleWeekView.DutyView> here = duties.stream()
                    .filter(d -> d.isAt(desk.branch(), desk.servicePoint()))
                    .map(d -> duty(d, inputs.people().get(d.staffMemberId())))
                    .toList();
            deskWeeks.add(new ScheduleWeekView.DeskWeek(desk.servicePoint(), desk.name(), days, here, desk.mobile()));
        }
        List<CoverageIssue> gaps = issues(zone, monday, sunday, desks, duties, inputs);
        return new ScheduleWeekView(branch.code(), branch.name(), isoWeek(monday), zone.getId(), monday, sunday, deskWeeks, gaps);
    }

    /** The Monday of an ISO week such as "2026-W49", or a 400 naming the parameter. */
    public static LocalDate monday(String isoWeek) {
        if (isoWeek == null || !WEEK.matcher(isoWeek).matches()) {
            throw Refusal.invalid("week", Text.of("staffing.week.format"));
        }
        try {
            return LocalDate.parse(isoWeek + "-1", DateTimeFormatter.ISO_WEEK_DATE);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("week", Text.of("staffing.week.not-in-year", isoWeek));
        }
    }

    public static String isoWeek(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static LocalDate mondayOf(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    static List<OnDuty> onDuty(List<Duty> duties, Inputs inputs) {
        List<OnDuty> onDuty = new ArrayList<>();
        for (Duty d : duties) {
            Person person = inputs.people().get(d.staffMemberId());
            if (person != null) {
                onDuty.add(new OnDuty(d.branch(), d.servicePoint(), d.start().toInstant(), d.end().toInstant(), person.employmentType()));
            }
        }
        return onDuty;
    }

    private static ScheduleWeekView.DutyView duty(Duty d, Person person) {
        return new ScheduleWeekView.DutyView(d.shiftId(), d.staffMemberId(), person == null ? null : person.tagName(),
                person == null ? null : person.employmentType().code(), d.day(),
                String.format("%02d:%02d", d.start().getHour(), d.start().getMinute()),
                String.format("%02d:%02d", d.end().getHour(), d.end().getMinute()),
                d.start().toOffsetDateTime(), d.end().toOffsetDateTime(), d.length().toMinutes());
    }
}
