package org.servicepoint.incidents.reports.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.servicepoint.confidentiality.control.PlainTextSealing;
import org.servicepoint.platform.control.SchemaReady;

/**
 * Seals the answers, call notes and addenda that a database written before migration V15 still holds as plain
 * text, at start and again when a tenant's data key is rotated: confidentiality's {@link PlainTextSealing} over the
 * report and addendum tables. Nothing to do on a database made after V15.
 */
@ApplicationScoped
public class SealPlainText extends PlainTextSealing {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    public SealPlainText() {
        super(new Description("incident reports", "incident-report.seal-plain-text", "incident-reports", "value(s)",
                List.of(new Columns(IncidentReportStore.REPORT_TABLE, "answers", "verbal_note"),
                        new Columns(IncidentReportStore.ADDENDUM_TABLE, "text"))));
    }

    // Before the mail worker (which renders reports) starts.
    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) SchemaReady ready) {
        sealAtStart();
    }

    @Override
    protected EntityManager em() {
        return em;
    }
}
