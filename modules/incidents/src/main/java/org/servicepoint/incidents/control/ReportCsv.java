package org.servicepoint.incidents.control;

import java.util.List;

/**
 * Report summaries as CSV for spreadsheets (RFC 4180, UTF-8 with a byte order mark for Excel). Cells that a
 * spreadsheet would run as a formula get a leading apostrophe. No answers: what happened stays in the reports.
 */
public final class ReportCsv {

    static final String HEADER = "id,branch,branch_name,category,category_title,occurred_at,status,reporter,submitted_at,"
            + "deadline,overdue,deliveries_sent,deliveries_pending,deliveries_failed,distributed_at,acknowledged_at,closed_at";
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private ReportCsv() {
    }

    public static String write(List<ReportSummary> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (ReportSummary r : rows) {
            DeliveryCounts d = r.delivery() == null ? DeliveryCounts.NONE : r.delivery();
            List<Object> cells = List.of(r.id(), r.branch(), r.branchName(), r.category(), r.categoryTitle(), text(r.occurredAt()),
                    r.status(), text(r.reporterTagName()), text(r.submittedAt()), text(r.deadline()), r.overdue(), d.sent(), d.pending(),
                    d.failed(), text(r.distributedAt()), text(r.acknowledgedAt()), text(r.closedAt()));
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(cell(String.valueOf(cells.get(i))));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String cell(String value) {
        String v = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
