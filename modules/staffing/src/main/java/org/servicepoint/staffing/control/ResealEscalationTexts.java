package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.SealedTextHolder;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;

/**
 * Escalation notes and outcomes are sealed with the library system's data key: a rotation seals them again with the
 * new key in its own transaction, as it does incident reports and bans, so the old key may then be destroyed.
 */
@ApplicationScoped
public class ResealEscalationTexts implements SealedTextHolder {

    @PersistenceContext(unitName = "staffing")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Override
    @Transactional(TxType.MANDATORY)
    public int reseal(TenantId tenant, KeyRing ring) {
        return new EscalationStore().reseal(tenantDatabase.bind(em, tenant), ring);
    }
}
