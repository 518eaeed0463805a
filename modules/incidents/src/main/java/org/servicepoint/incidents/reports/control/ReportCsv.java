package org.servicepoint.incidents.reports.control;

import java.util.ArrayList;
import java.util.List;
import org.servicepoint.platform.control.Csv;

/**
 * Report summaries as CSV for spreadsheets (the platform's {@link Csv}: RFC 4180, UTF-8 with a byte order mark for
 * Excel, every cell guarded against running as a formula). No answers: what happened stays in the reports.
 */
public final class ReportCsv {

    static final List<String> HEADER = List.of("id", "branch", "branch_name", "category", "category_title", "occurred_at", "status",
            "reporter", "submitted_at", "deadline", "overdue", "deliveries_sent", "deliveries_pending", "deliveries_failed",
            "distributed_at", "acknowledged_at", "closed_at");

    private ReportCsv() {
    }

    public static String write(List<ReportSummary> rows) {
        List<List<String>> records = new ArrayList<>();
        records.add(HEADER);
        for (ReportSummary r : rows) {
            DeliveryCounts d = r.delivery() == null ? DeliveryCounts.NONE : r.delivery();
            records.add(guarded(r.id(), r.branch(), r.branchName(), r.category(), r.categoryTitle(), r.occurredAt(), r.status(),
                    r.reporterTagName(), r.submittedAt(), r.deadline(), r.overdue(), d.sent(), d.pending(), d.failed(),
                    r.distributedAt(), r.acknowledgedAt(), r.closedAt()));
        }
        return Csv.BYTE_ORDER_MARK + Csv.write(records);
    }

    private static List<String> guarded(Object... cells) {
        List<String> record = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            record.add(Csv.guard(cell == null ? "" : cell.toString()));
        }
        return record;
    }
}
