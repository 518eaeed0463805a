package org.servicepoint.incidents.reports.control;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One mail of a report's delivery trail. */
@Schema(name = "IncidentDelivery")
public record DeliveryView(UUID id, @Schema(enumeration = {"report", "overdue-notice"}) String kind, String recipient,
                           String position, String positionName,
                           @Schema(description = "shown to headquarters and tenant administrators only") String email,
                           @Schema(enumeration = {"pending", "sending", "sent", "failed"}) String status, int attempts,
                           @Schema(description = "a try was cut off (the application stopped mid-send); the recipient may "
                                   + "have the same message, with the same Message-ID, twice") boolean interrupted,
                           OffsetDateTime queuedAt, OffsetDateTime sentAt, OffsetDateTime nextAttemptAt, String lastError) {
}
