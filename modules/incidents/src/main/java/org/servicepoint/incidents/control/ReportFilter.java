package org.servicepoint.incidents.control;

import java.time.LocalDate;

/** What a list of reports covers; every part optional. Dates are the library system's, inclusive. */
public record ReportFilter(String branch, String category, String status, LocalDate from, LocalDate to, int limit) {

    public static final int MAX_LIMIT = 500;

    public static ReportFilter everything() {
        return new ReportFilter(null, null, null, null, null, MAX_LIMIT);
    }
}
