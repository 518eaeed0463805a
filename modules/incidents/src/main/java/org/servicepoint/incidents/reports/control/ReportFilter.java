package org.servicepoint.incidents.reports.control;

import java.time.LocalDate;

/**
 * What a list of reports covers; every part optional. Dates are the library system's, inclusive. {@code overdue}:
 * true = only overdue reports, false = none of them, null = all (overdue first).
 */
public record ReportFilter(String branch, String category, String status, LocalDate from, LocalDate to, int limit,
                           Boolean overdue, Delivery delivery) {

    public static final int MAX_LIMIT = 500;

    /** Reports with a delivery still waiting, or with one that failed for good. */
    public enum Delivery { PENDING, FAILED }

    public ReportFilter(String branch, String category, String status, LocalDate from, LocalDate to, int limit) {
        this(branch, category, status, from, to, limit, null, null);
    }

    public static ReportFilter everything() {
        return new ReportFilter(null, null, null, null, null, MAX_LIMIT);
    }
}
