package org.servicepoint.staffing.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.servicepoint.staffing.control.CoverageCheck.Closure;
import org.servicepoint.staffing.control.CoverageCheck.Desk;
import org.servicepoint.staffing.control.CoverageCheck.Stop;
import org.servicepoint.platform.entity.TimeRange;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.BranchSpec.ClosureSpec;
import org.servicepoint.tenancy.control.BranchSpec.ServicePointSpec;
import org.servicepoint.tenancy.control.WeekSpec;

/** The desks of a branch as the coverage check reads them, from the library system's published description. */
public final class CoverageDesks {

    private CoverageDesks() {
    }

    public static List<Desk> of(BranchSpec branch) {
        Map<DayOfWeek, List<TimeRange>> branchWeek = week(branch.openingHours());
        Map<LocalDate, Closure> closures = new LinkedHashMap<>();
        for (ClosureSpec c : branch.closures()) {
            closures.put(LocalDate.parse(c.date()), new Closure(c.reason(), TimeRange.parseAll(c.hours())));
        }
        return branch.servicePoints().stream().map(desk -> desk(branch.code(), desk, branchWeek, closures)).toList();
    }

    private static Desk desk(String branchCode, ServicePointSpec desk, Map<DayOfWeek, List<TimeRange>> branchWeek,
                             Map<LocalDate, Closure> closures) {
        if (desk.isMobile()) {
            return Desk.mobile(branchCode, desk.code(), desk.name(), desk.stops().stream()
                    .map(s -> new Stop(s.name(), DayOfWeek.valueOf(s.day().toUpperCase(Locale.ROOT)), TimeRange.parse(s.hours())))
                    .toList(), closures);
        }
        boolean own = desk.openingHours() != null;
        return new Desk(branchCode, desk.code(), desk.name(), own ? week(desk.openingHours()) : branchWeek, own, closures);
    }

    private static Map<DayOfWeek, List<TimeRange>> week(WeekSpec week) {
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        (week == null ? WeekSpec.CLOSED : week).byDay().forEach((day, texts) -> days.put(day, TimeRange.parseAll(texts)));
        return days;
    }
}
