package org.servicepoint.incidents.control;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report in a list: where, when, what kind and how far along; no answers. */
@Schema(name = "IncidentReportSummary")
public record ReportSummary(UUID id, String status, String category, String categoryTitle, String branch, String branchName,
                            OffsetDateTime occurredAt, String reporterTagName, OffsetDateTime submittedAt,
                            boolean countersignatureRequired, OffsetDateTime countersignedAt, boolean readyForDistribution,
                            OffsetDateTime distributedAt, OffsetDateTime acknowledgedAt, OffsetDateTime closedAt) {
}
