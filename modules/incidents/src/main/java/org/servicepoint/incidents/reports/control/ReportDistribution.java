package org.servicepoint.incidents.reports.control;

import jakarta.persistence.EntityManager;
import org.servicepoint.incidents.delivery.control.DeliverySteps;
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.platform.entity.TenantId;

/**
 * How the report workflow hands a complete report to the mail delivery, in its own transaction (the outbox write),
 * without depending on the delivery component: delivery's {@code DeliverySteps} implements it and wakes its worker
 * after the commit.
 */
public interface ReportDistribution {

    /** Fixes the report's deadline and writes one delivery per recipient; answers how many wait to be sent. */
    int plan(TenantId tenant, EntityManager bound, IncidentReport report, FormDefinition form, Library library);

    /** Queues the report's failed deliveries again, to the roster of today; answers how many. */
    int retry(TenantId tenant, EntityManager bound, IncidentReport report);

    /** The outbox as reports read it. */
    DeliveryTrail trail();
}
