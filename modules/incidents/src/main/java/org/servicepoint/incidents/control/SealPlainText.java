package org.servicepoint.incidents.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.logging.Logger;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.confidentiality.control.SealedTextHolder;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.SchemaReady;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;

/**
 * At start, seals the answers, call notes and addenda that a database written before migration V15 still holds
 * as plain text (decision 0009), one library system per transaction, audited with counts only. Nothing to do on
 * a database made after V15. A library system whose text cannot be sealed (no master key) is logged and left for
 * the next start. Also seals the text again when the tenant's data key is rotated ({@link SealedTextHolder}).
 */
@ApplicationScoped
public class SealPlainText implements SealedTextHolder {

    private static final Logger LOG = Logger.getLogger(SealPlainText.class.getName());

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    SealedText sealedText;

    @Inject
    AuditLog audit;

    @Inject
    SealPlainText self;

    // Before the mail worker (which renders reports) starts.
    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) SchemaReady ready) {
        for (String slug : self.tenants()) {
            try {
                int sealed = self.seal(TenantId.of(slug));
                if (sealed > 0) {
                    LOG.info(() -> "incident reports of " + slug + ": " + sealed + " plain text value(s) sealed");
                }
            } catch (RuntimeException e) {
                LOG.severe(() -> "incident reports of " + slug + " still hold plain text, which could not be sealed: " + e.getMessage());
            }
        }
    }

    /** Library systems with plain text left; the registry is platform data, readable without a tenant. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> tenants() {
        return ((List<Object>) em.createNativeQuery("select slug from tenant order by slug").getResultList()).stream()
                .map(String::valueOf).filter(TenantId::isValidSlug).toList();
    }

    /** In the rotation's transaction: answers, call notes and addenda sealed under an older key, sealed again. */
    @Override
    @Transactional(TxType.MANDATORY)
    public int reseal(TenantId tenant, KeyRing ring) {
        EntityManager bound = tenantDatabase.bind(em, tenant);
        return SealedText.resealColumns(bound, ring, IncidentReportStore.REPORT_TABLE, "answers", "verbal_note")
                + SealedText.resealColumns(bound, ring, IncidentReportStore.ADDENDUM_TABLE, "text");
    }

    @Transactional(TxType.REQUIRES_NEW)
    public int seal(TenantId tenant) {
        EntityManager bound = tenantDatabase.bind(em, tenant);
        Number plain = (Number) bound.createNativeQuery("select (select count(*) from incident_report where answers_plain is not null "
                + "or verbal_note_plain is not null) + (select count(*) from incident_addendum where text_plain is not null)")
                .getSingleResult();
        if (plain.longValue() == 0) {
            return 0;
        }
        var seal = sealedText.in(tenant, Caller.SYSTEM);
        int sealed = SealedText.sealPlainColumns(bound, seal, IncidentReportStore.REPORT_TABLE, "answers", "verbal_note")
                + SealedText.sealPlainColumns(bound, seal, IncidentReportStore.ADDENDUM_TABLE, "text");
        audit.success(tenant, Caller.SYSTEM, "incident-report.seal-plain-text", "tenant/" + tenant + "/incident-reports",
                sealed + " value(s) written before sealing sealed");
        return sealed;
    }
}
