package org.servicepoint.patronrequests.complaints.control;

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
 * What a complaint is about, what the patron asks, the response and the closing note are sealed with the library
 * system's data key: a rotation seals them again with the new key in its own transaction, so the old key may go.
 */
@ApplicationScoped
public class ResealComplaintTexts implements SealedTextHolder {

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Override
    @Transactional(TxType.MANDATORY)
    public int reseal(TenantId tenant, KeyRing ring) {
        return ComplaintStore.reseal(tenantDatabase.bind(em, tenant), ring);
    }
}
