package org.servicepoint.incidents.reports.control;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.servicepoint.incidents.delivery.control.DeliveryStore;

/**
 * What a report shows of its mail: the delivery component depends on reports (it mails the report and its PDF, and
 * marks it distributed or overdue), so reports read the outbox only through this interface, which delivery's
 * {@code DeliveryStore} implements. The two components never depend on each other both ways.
 */
public interface DeliveryTrail {

    /** One mail of a report's trail as stored; {@code nextAttemptAt} only while it waits for another try. */
    record Mail(UUID id, String kind, String recipientName, String position, String email, String status, int attempts,
                boolean interrupted, OffsetDateTime queuedAt, OffsetDateTime sentAt, OffsetDateTime nextAttemptAt,
                String lastError) {
    }

    /** The report's mails, oldest first. */
    List<Mail> trail(EntityManager bound, UUID reportId);

    /** Per report: how many of its report deliveries are sent, waiting (pending or being sent), failed. */
    Map<UUID, DeliveryCounts> counts(EntityManager bound, Collection<UUID> reportIds);

    /**
     * A JPQL condition on the report alias {@code report}: it has a report delivery in that state (pending includes
     * one being sent right now). Its parameters go into {@code params}, named with {@code prefix}.
     */
    String having(String report, ReportFilter.Delivery state, String prefix, Map<String, Object> params);
}
