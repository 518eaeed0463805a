package org.servicepoint.incidents.reports.control;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report in a list: where, when, what kind and how far along; no answers. */
@Schema(name = "IncidentReportSummary")
public record ReportSummary(UUID id, String status, String category, String categoryTitle, String branch, String branchName,
                            OffsetDateTime occurredAt, String reporterTagName, OffsetDateTime submittedAt,
                            boolean countersignatureRequired, OffsetDateTime countersignedAt, boolean readyForDistribution,
                            OffsetDateTime distributedAt, OffsetDateTime acknowledgedAt, OffsetDateTime closedAt,
                            @Schema(description = "by when every recipient should have it; set once the report is complete")
                            OffsetDateTime deadline,
                            @Schema(description = "past its deadline and not yet with every recipient") boolean overdue,
                            @Schema(description = "when the delivery worker found it overdue and told headquarters")
                            OffsetDateTime overdueAt,
                            @Schema(description = "the report's mail deliveries by state") DeliveryCounts delivery) {
}
