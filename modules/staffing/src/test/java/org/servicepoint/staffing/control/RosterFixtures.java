package org.servicepoint.staffing.control;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A small library system made up for roster tests: three positions, two branches. */
final class RosterFixtures {

    private RosterFixtures() {
    }

    static LibrarySystem system(String slug) {
        Map<String, String> positions = new LinkedHashMap<>();
        positions.put("volunteer", "Volunteer");
        positions.put("library-assistant", "Library assistant");
        positions.put("branch-manager", "Branch manager");
        Map<String, String> branches = new LinkedHashMap<>();
        branches.put("HQ", "Headquarters");
        branches.put("NORTH-END", "North End Branch");
        return new LibrarySystem(slug, "Millbrook County Libraries", Locale.forLanguageTag("en-US"), ZoneId.of("America/Chicago"),
                positions, branches);
    }

    static StaffDetails details(String tagName, String username) {
        return new StaffDetails(tagName, username, "library-assistant", "NORTH-END", "permanent", LocalDate.of(2024, 3, 1), null);
    }
}
