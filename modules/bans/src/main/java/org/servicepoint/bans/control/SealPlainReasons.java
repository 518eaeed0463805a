package org.servicepoint.bans.control;

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
 * At start, seals the ban and lift reasons that a database written before migration V15 still holds as plain
 * text (decision 0009), one library system per transaction, audited with counts only. A library system whose
 * reasons cannot be sealed (no master key) is logged and left for the next start. Also seals the reasons again
 * when the tenant's data key is rotated ({@link SealedTextHolder}).
 */
@ApplicationScoped
public class SealPlainReasons implements SealedTextHolder {

    private static final Logger LOG = Logger.getLogger(SealPlainReasons.class.getName());

    @PersistenceContext(unitName = "bans")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    SealedText sealedText;

    @Inject
    AuditLog audit;

    @Inject
    SealPlainReasons self;

    void onSchemaReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 650) SchemaReady ready) {
        for (String slug : self.tenants()) {
            try {
                int sealed = self.seal(TenantId.of(slug));
                if (sealed > 0) {
                    LOG.info(() -> "computer-use bans of " + slug + ": " + sealed + " plain reason(s) sealed");
                }
            } catch (RuntimeException e) {
                LOG.severe(() -> "computer-use bans of " + slug + " still hold plain reasons, which could not be sealed: " + e.getMessage());
            }
        }
    }

    /** Library systems; the registry is platform data, readable without a tenant. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<String> tenants() {
        return ((List<Object>) em.createNativeQuery("select slug from tenant order by slug").getResultList()).stream()
                .map(String::valueOf).filter(TenantId::isValidSlug).toList();
    }

    /** In the rotation's transaction: reasons sealed under an older key, sealed again. */
    @Override
    @Transactional(TxType.MANDATORY)
    public int reseal(TenantId tenant, KeyRing ring) {
        return SealedText.resealColumns(tenantDatabase.bind(em, tenant), ring, BanStore.TABLE, "reason", "lift_reason");
    }

    @Transactional(TxType.REQUIRES_NEW)
    public int seal(TenantId tenant) {
        EntityManager bound = tenantDatabase.bind(em, tenant);
        Number plain = (Number) bound.createNativeQuery("select count(*) from computer_use_ban where reason_plain is not null "
                + "or lift_reason_plain is not null").getSingleResult();
        if (plain.longValue() == 0) {
            return 0;
        }
        int sealed = SealedText.sealPlainColumns(bound, sealedText.in(tenant, Caller.SYSTEM), BanStore.TABLE, "reason", "lift_reason");
        audit.success(tenant, Caller.SYSTEM, "computer-use-ban.seal-plain-text", "tenant/" + tenant + "/computer-use-bans",
                sealed + " reason(s) written before sealing sealed");
        return sealed;
    }
}
