package org.servicepoint.incidents.reports.control;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a report's deliveries stand: sent, still waiting (pending or being sent), failed for good. */
@Schema(name = "IncidentDeliveryCounts")
public record DeliveryCounts(int sent, int pending, int failed) {

    public static final DeliveryCounts NONE = new DeliveryCounts(0, 0, 0);
}
