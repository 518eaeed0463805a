package org.servicepoint.staffing.control;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.servicepoint.tenancy.control.TenantOutline;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * What the roster needs to know about a library system: its name, where it is, and the codes and names of its
 * branches and positions (positions lowest first), and which positions receive incident reports. Read once per
 * request, inside the roster's transaction.
 */
public record LibrarySystem(String slug, String name, Locale locale, ZoneId timeZone,
                            Map<String, String> positions, Map<String, String> branches, Set<String> receiving) {

    /** The permission of positions whose holders are mailed incident reports (the forms choose among them). */
    public static final String RECEIVE_INCIDENT_REPORTS = "receive-incident-reports";

    public LibrarySystem {
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        branches = Collections.unmodifiableMap(new LinkedHashMap<>(branches));
        receiving = receiving == null ? Set.of() : Set.copyOf(receiving);
    }

    public LibrarySystem(String slug, String name, Locale locale, ZoneId timeZone, Map<String, String> positions,
                         Map<String, String> branches) {
        this(slug, name, locale, timeZone, positions, branches, Set.of());
    }

    public static LibrarySystem of(TenantSpec spec) {
        return of(TenantOutline.of(spec));
    }

    /** From the outline, which skips the hours, desks and closures the roster does not use. */
    public static LibrarySystem of(TenantOutline outline) {
        return new LibrarySystem(outline.slug(), outline.name(), outline.language(), outline.zone(), outline.positionNames(),
                outline.branchNames(), outline.positionsThatMay(RECEIVE_INCIDENT_REPORTS));
    }

    /** Whether holders of this position are mailed incident reports. */
    public boolean receives(String positionCode) {
        return positionCode != null && receiving.contains(positionCode);
    }

    /** The date at the library system, which is what "ended" and "active" are measured against. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(timeZone));
    }

    public String positionName(String code) {
        return positions.getOrDefault(code, code);
    }

    public String branchName(String code) {
        return branches.getOrDefault(code, code);
    }
}
