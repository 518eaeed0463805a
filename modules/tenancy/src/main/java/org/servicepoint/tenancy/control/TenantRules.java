package org.servicepoint.tenancy.control;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.entity.TimeRange;
import org.servicepoint.tenancy.entity.DayHours;
import org.servicepoint.tenancy.entity.Stop;

/**
 * What a tenant or branch document must keep beyond its shape: real zones, dates and locales, unique
 * codes, periods that end after they start and do not overlap, one headquarters. The same rules serve
 * the files and the API, so both refuse the same things with the same words.
 */
public final class TenantRules {

    /**
     * Slugs no library system may have: each slug names a Keycloak realm, and these are Keycloak's own
     * administration realm and the platform operators' realm (identity's {@code Realms.OPERATOR_REALM}).
     */
    public static final Set<String> RESERVED_SLUGS = Set.of("master", "servicepoint-operators");

    private TenantRules() {
    }

    public static List<Violation> check(TenantSpec tenant) {
        List<Violation> violations = new ArrayList<>();
        if (!TenantId.isValidSlug(tenant.slug())) {
            violations.add(new Violation("slug", Text.of("tenancy.slug.format")));
        } else if (RESERVED_SLUGS.contains(tenant.slug())) {
            violations.add(new Violation("slug", Text.of("tenancy.slug.reserved", tenant.slug())));
        }
        required(violations, "name", tenant.name());
        checkSettings(violations, tenant.timeZone(), tenant.locale(), tenant.status());
        checkFallbackLanguage(violations, tenant.fallbackLanguage());
        Set<String> codes = new HashSet<>();
        int headquarters = 0;
        for (int i = 0; i < tenant.branches().size(); i++) {
            BranchSpec branch = tenant.branches().get(i);
            String at = "branches[" + i + "]";
            if (branch.code() != null && !codes.add(branch.code())) {
                violations.add(new Violation(at + ".code", Text.of("tenancy.branch.code-twice", branch.code())));
            }
            if (branch.isHeadquarters()) {
                headquarters++;
            }
            violations.addAll(checkBranch(branch, at + "."));
        }
        checkPeople(violations, tenant, codes);
        if (tenant.branches().isEmpty()) {
            violations.add(new Violation("branches", Text.of("tenancy.branches.none")));
        } else if (headquarters != 1) {
            violations.add(new Violation("branches", Text.of("tenancy.branches.headquarters", headquarters)));
        }
        return violations;
    }

    private static final Set<String> APP_ROLES = Set.of("staff", "person-in-charge", "headquarters", "tenant-admin");

    private static void checkPeople(List<Violation> violations, TenantSpec tenant, Set<String> branchCodes) {
        if (tenant.settings() != null && tenant.settings().idleLockMinutes() != null) {
            int minutes = tenant.settings().idleLockMinutes();
            if (minutes < 1 || minutes > 240) {
                violations.add(new Violation("settings.idleLockMinutes", Text.of("tenancy.settings.idle-lock")));
            }
        }
        Set<String> positions = new HashSet<>();
        for (int i = 0; i < tenant.positions().size(); i++) {
            var position = tenant.positions().get(i);
            String at = "positions[" + i + "]";
            if (position.code() == null || !position.code().matches("^[a-z][a-z0-9-]{0,39}$")) {
                violations.add(new Violation(at + ".code", Text.of("tenancy.position.code-format")));
            } else if (!positions.add(position.code())) {
                violations.add(new Violation(at + ".code", Text.of("tenancy.position.twice", position.code())));
            }
            required(violations, at + ".name", position.name());
        }
        var rules = tenant.chainOfCommand();
        if (rules != null && rules.notifyWhenAbsent() != null && !positions.contains(rules.notifyWhenAbsent())) {
            violations.add(new Violation("chainOfCommand.notifyWhenAbsent",
                    Text.of("tenancy.position.unknown", rules.notifyWhenAbsent())));
        }
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < tenant.demoUsers().size(); i++) {
            var user = tenant.demoUsers().get(i);
            String at = "demoUsers[" + i + "]";
            if (user.username() == null || !usernames.add(user.username())) {
                violations.add(new Violation(at + ".username", Text.of("tenancy.demo-user.username")));
            }
            required(violations, at + ".tagName", user.tagName());
            if (!positions.contains(user.position())) {
                violations.add(new Violation(at + ".position", Text.of("tenancy.position.unknown", user.position())));
            }
            if (!branchCodes.contains(user.branch())) {
                violations.add(new Violation(at + ".branch", Text.of("tenancy.branch.unknown", user.branch())));
            }
            if (user.roles().isEmpty() || !APP_ROLES.containsAll(user.roles())) {
                violations.add(new Violation(at + ".roles",
                        Text.of("tenancy.demo-user.roles", String.join(", ", new java.util.TreeSet<>(APP_ROLES)))));
            }
        }
    }

    static void checkSettings(List<Violation> violations, String timeZone, String locale, String status) {
        try {
            if (timeZone == null) {
                violations.add(new Violation("timeZone", Text.of("platform.text.required")));
            } else {
                ZoneId.of(timeZone);
            }
        } catch (DateTimeException e) {
            violations.add(new Violation("timeZone", Text.of("tenancy.time-zone.unknown", timeZone)));
        }
        if (locale == null) {
            violations.add(new Violation("locale", Text.of("platform.text.required")));
        } else {
            try {
                new Locale.Builder().setLanguageTag(locale);
                String canonical = Locale.forLanguageTag(locale).toLanguageTag();
                if (!canonical.equals(locale)) {
                    // Java rewrites old codes (iw → he); storing one and reading the other would never settle.
                    violations.add(new Violation("locale", Text.of("tenancy.locale.canonical", locale, canonical)));
                }
            } catch (IllformedLocaleException e) {
                violations.add(new Violation("locale", Text.of("tenancy.locale.not-a-tag", locale)));
            }
        }
        if (status != null && !status.equals("active") && !status.equals("suspended")) {
            violations.add(new Violation("status", Text.of("tenancy.status.one-of")));
        }
    }

    /** The fallback must be a language the server and the app have every text in, or it would fall back again. */
    static void checkFallbackLanguage(List<Violation> violations, String language) {
        if (language != null && Messages.LANGUAGES.stream().noneMatch(l -> l.getLanguage().equals(language))) {
            violations.add(new Violation("fallbackLanguage", Text.of("tenancy.fallback-language.one-of",
                    String.join(", ", Messages.LANGUAGES.stream().map(Locale::getLanguage).toList()))));
        }
    }

    public static List<Violation> checkBranch(BranchSpec branch, String prefix) {
        List<Violation> violations = new ArrayList<>();
        if (branch.code() == null || !branch.code().matches("^[A-Z0-9][A-Z0-9-]{0,15}$")) {
            violations.add(new Violation(prefix + "code", Text.of("tenancy.branch.code-format")));
        }
        required(violations, prefix + "name", branch.name());
        if (branch.phone() != null && !branch.phone().matches("^[0-9+() .-]{3,40}$")) {
            violations.add(new Violation(prefix + "phone", Text.of("tenancy.branch.phone")));
        }
        week(violations, prefix + "openingHours", branch.openingHours());
        // Headquarters may be a system office with no public desk; every other branch serves patrons somewhere.
        if (branch.servicePoints().isEmpty() && !branch.isHeadquarters()) {
            violations.add(new Violation(prefix + "servicePoints", Text.of("tenancy.branch.service-points")));
        }
        Set<String> desks = new HashSet<>();
        for (int i = 0; i < branch.servicePoints().size(); i++) {
            var desk = branch.servicePoints().get(i);
            String at = prefix + "servicePoints[" + i + "]";
            if (desk.code() == null || !desk.code().matches("^[a-z][a-z0-9-]{0,31}$")) {
                violations.add(new Violation(at + ".code", Text.of("tenancy.service-point.code-format")));
            } else if (!desks.add(desk.code())) {
                violations.add(new Violation(at + ".code", Text.of("tenancy.service-point.twice", desk.code())));
            }
            required(violations, at + ".name", desk.name());
            checkStops(violations, at, desk);
            if (desk.openingHours() != null && !desk.isMobile()) {
                week(violations, at + ".openingHours", desk.openingHours());
                boolean neverOpen = desk.openingHours().byDay().values().stream().allMatch(List::isEmpty);
                if (neverOpen) {
                    violations.add(new Violation(at + ".openingHours", Text.of("tenancy.service-point.never-open")));
                }
            }
        }
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < branch.closures().size(); i++) {
            var closure = branch.closures().get(i);
            String at = prefix + "closures[" + i + "]";
            try {
                LocalDate day = LocalDate.parse(closure.date() == null ? "" : closure.date());
                if (!days.add(day)) {
                    violations.add(new Violation(at + ".date", Text.of("tenancy.closure.twice", closure.date())));
                }
            } catch (DateTimeException e) {
                violations.add(new Violation(at + ".date", Text.of("tenancy.closure.not-a-date", closure.date())));
            }
            required(violations, at + ".reason", closure.reason());
            periods(violations, at + ".hours", closure.hours());
        }
        return violations;
    }

    /** Longest route a bookmobile may have: a stop or two a day for a week, with room to spare. */
    public static final int MAX_STOPS = 50;

    private static final Set<String> DAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    private static void checkStops(List<Violation> violations, String at, BranchSpec.ServicePointSpec desk) {
        if (!desk.isMobile()) {
            if (!desk.stops().isEmpty()) {
                violations.add(new Violation(at + ".stops", Text.of("tenancy.stops.not-mobile")));
            }
            return;
        }
        if (desk.openingHours() != null) {
            violations.add(new Violation(at + ".openingHours", Text.of("tenancy.stops.no-opening-hours")));
        }
        if (desk.stops().isEmpty()) {
            violations.add(new Violation(at + ".stops", Text.of("tenancy.stops.none")));
        } else if (desk.stops().size() > MAX_STOPS) {
            violations.add(new Violation(at + ".stops", Text.of("tenancy.stops.too-many", MAX_STOPS)));
        }
        List<Stop> valid = new ArrayList<>();
        for (int i = 0; i < desk.stops().size(); i++) {
            var stop = desk.stops().get(i);
            String here = at + ".stops[" + i + "]";
            boolean ok = true;
            if (stop.name() == null || stop.name().isBlank()) {
                violations.add(new Violation(here + ".name", Text.of("platform.text.required")));
                ok = false;
            } else if (stop.name().strip().length() > Stop.MAX_NAME) {
                violations.add(new Violation(here + ".name", Text.of("tenancy.stop.name-too-long", Stop.MAX_NAME)));
                ok = false;
            }
            if (stop.day() == null || !DAYS.contains(stop.day())) {
                violations.add(new Violation(here + ".day", Text.of("tenancy.stop.day")));
                ok = false;
            }
            try {
                TimeRange.parse(stop.hours());
            } catch (IllegalArgumentException e) {
                // A malformed period is told in the parser's own words; only a missing one has a key.
                violations.add(stop.hours() == null ? new Violation(here + ".hours", Text.of("platform.text.required"))
                        : new Violation(here + ".hours", e.getMessage()));
                ok = false;
            }
            if (ok) {
                Stop next = stop(stop);
                valid.stream().filter(s -> s.day() == next.day() && s.hours().overlaps(next.hours())).findFirst()
                        .ifPresent(s -> violations.add(new Violation(here + ".hours", Text.of("tenancy.stop.overlaps",
                                s.name(), Text.of("tenancy.day." + stop.day()), s.hours()))));
                valid.add(next);
            }
        }
    }

    /** The stop as a value object; only for a spec that passed the checks. */
    public static Stop stop(BranchSpec.StopSpec stop) {
        return new Stop(stop.name(), DayOfWeek.valueOf(stop.day().toUpperCase(Locale.ROOT)), TimeRange.parse(stop.hours()));
    }

    private static void week(List<Violation> violations, String at, WeekSpec week) {
        week.byDay().forEach((day, periods) -> periods(violations, at + "." + day.name().toLowerCase(Locale.ROOT), periods));
    }

    private static void periods(List<Violation> violations, String at, List<String> periods) {
        try {
            DayHours.parse(periods);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(at, e.getMessage()));
        }
    }

    private static void required(List<Violation> violations, String at, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(at, Text.of("platform.text.required")));
        }
    }

    /** The week as value objects; only for a spec that passed the checks. */
    public static Map<DayOfWeek, DayHours> hours(WeekSpec week) {
        Map<DayOfWeek, DayHours> hours = new EnumMap<>(DayOfWeek.class);
        week.byDay().forEach((day, periods) -> hours.put(day, DayHours.parse(periods)));
        return hours;
    }
}
