package org.servicepoint.patronrequests.reconsideration.control;

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
 * What patrons objected to and asked for is sealed with the library system's data key: a rotation seals it again with
 * the new key in the rotation's transaction, so the old key may then be destroyed.
 */
@ApplicationScoped
public class ResealReconsiderationTexts implements SealedTextHolder {

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Override
    @Transactional(TxType.MANDATORY)
    public int reseal(TenantId tenant, KeyRing ring) {
        return ReconsiderationStore.reseal(tenantDatabase.bind(em, tenant), ring);
    }
}
