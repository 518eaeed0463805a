package org.servicepoint.tenancy.control;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.servicepoint.tenancy.control.Plan.FieldChange;
import org.servicepoint.tenancy.entity.DayHours;
import org.servicepoint.tenancy.entity.Stop;

/**
 * Documents as flat "field → canonical value" maps, so a plan is a plain comparison of two maps and a
 * document read back from the database compares equal to the file it came from.
 */
final class Flat {

    private Flat() {
    }

    static Map<String, String> tenant(TenantSpec t) {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("name", blankToNull(t.name()));
        flat.put("timeZone", t.timeZone());
        flat.put("locale", t.locale());
        flat.put("fallbackLanguage", t.effectiveFallbackLanguage());
        flat.put("status", t.effectiveStatus());
        flat.put("settings.idleLockMinutes", String.valueOf(t.idleLockMinutes()));
        // One field for the whole chain, so a change of order shows as a change.
        flat.put("positions", t.positions().stream().map(p -> p.code() + " (" + blankToNull(p.name()) + ")")
                .collect(java.util.stream.Collectors.joining(" < ")));
        t.positions().forEach(p -> flat.put("positions." + p.code() + ".may", String.join(", ", p.may())));
        var rules = t.effectiveChainOfCommand();
        flat.put("chainOfCommand.substitutesOnlyWithoutPermanentStaff", String.valueOf(rules.substitutesOnlyWithoutPermanentStaff()));
        flat.put("chainOfCommand.notifyWhenAbsent", rules.notifyWhenAbsent());
        return flat;
    }

    static Map<String, String> branch(BranchSpec b) {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("name", blankToNull(b.name()));
        flat.put("headquarters", String.valueOf(b.isHeadquarters()));
        flat.put("address", blankToNull(b.address()));
        flat.put("phone", blankToNull(b.phone()));
        week(flat, "openingHours", b.openingHours());
        b.servicePoints().stream()
                .sorted((x, y) -> x.code().compareTo(y.code()))
                .forEach(desk -> {
                    flat.put("servicePoints." + desk.code() + ".name", blankToNull(desk.name()));
                    if (desk.openingHours() != null) {
                        week(flat, "servicePoints." + desk.code() + ".openingHours", desk.openingHours());
                    }
                    if (desk.isMobile()) {
                        stops(flat, "servicePoints." + desk.code(), desk.stops());
                    }
                });
        b.closures().stream()
                .sorted((x, y) -> x.date().compareTo(y.date()))
                .forEach(c -> {
                    flat.put("closures." + c.date() + ".reason", blankToNull(c.reason()));
                    flat.put("closures." + c.date() + ".hours", hours(c.hours()));
                });
        flat.values().removeIf(Objects::isNull);
        return flat;
    }

    static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String field : fields) {
            String was = before.get(field);
            String will = after.get(field);
            if (!Objects.equals(was, will) && seen.add(field)) {
                changes.add(new FieldChange(field, was, will));
            }
        }
        return changes;
    }

    private static void week(Map<String, String> flat, String prefix, WeekSpec week) {
        week.byDay().forEach((day, periods) -> flat.put(prefix + "." + day.name().toLowerCase(Locale.ROOT), hours(periods)));
    }

    /** One field per day ("10:00-12:00 Oak Street School; 14:00-15:30 Mill Road"), so a moved stop is one change. */
    private static void stops(Map<String, String> flat, String prefix, List<BranchSpec.StopSpec> stops) {
        flat.put(prefix + ".mobile", "true");
        Map<DayOfWeek, List<Stop>> byDay = new EnumMap<>(DayOfWeek.class);
        stops.stream().map(TenantRules::stop).sorted(Comparator.comparing(Stop::hours))
                .forEach(stop -> byDay.computeIfAbsent(stop.day(), d -> new ArrayList<>()).add(stop));
        byDay.forEach((day, onDay) -> flat.put(prefix + ".stops." + day.name().toLowerCase(Locale.ROOT),
                onDay.stream().map(stop -> stop.hours() + " " + stop.name()).collect(Collectors.joining("; "))));
    }

    private static String hours(List<String> periods) {
        DayHours hours = DayHours.parse(periods);
        return hours.closed() ? "closed" : hours.text();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
