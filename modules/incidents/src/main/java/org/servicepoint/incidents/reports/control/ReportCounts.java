package org.servicepoint.incidents.reports.control;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Headquarters' overview: reports matching a filter, in all and per branch and category. */
@Schema(name = "IncidentReportCounts")
public record ReportCounts(long total, @Schema(description = "overdue and still not with every recipient") long overdue,
                           @Schema(description = "with a mail delivery still waiting") long pendingDelivery,
                           Map<String, Long> byBranch, Map<String, Long> byCategory) {
}
