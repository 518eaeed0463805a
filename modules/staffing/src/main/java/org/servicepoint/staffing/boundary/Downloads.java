package org.servicepoint.staffing.boundary;

import java.util.Locale;

/** File names for downloads: ASCII only (slugs and branch codes are), so every browser keeps them as sent. */
final class Downloads {

    private Downloads() {
    }

    /** {@code attachment; filename="staff-riverbend-PINE-HOLLOW.csv"}; a branch that is not a plain code is left out. */
    static String attachment(String base, String branch, String extension) {
        String name = base;
        if (branch != null && branch.strip().toUpperCase(Locale.ROOT).matches("^[A-Z0-9][A-Z0-9-]{0,15}$")) {
            name += "-" + branch.strip().toUpperCase(Locale.ROOT);
        }
        return "attachment; filename=\"" + name + "." + extension + "\"";
    }
}
