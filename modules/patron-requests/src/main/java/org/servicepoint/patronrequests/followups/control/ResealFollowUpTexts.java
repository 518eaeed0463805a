package org.servicepoint.patronrequests.followups.control;

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

/** What follow-ups and updates say is sealed with the data key: a rotation seals it again with the new key. */
@ApplicationScoped
public class ResealFollowUpTexts implements SealedTextHolder {

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Override
    @Transactional(TxType.MANDATORY)
    public int reseal(TenantId tenant, KeyRing ring) {
        return FollowUpStore.reseal(tenantDatabase.bind(em, tenant), ring);
    }
}
