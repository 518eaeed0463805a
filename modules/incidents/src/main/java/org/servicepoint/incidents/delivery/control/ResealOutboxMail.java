package org.servicepoint.incidents.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.confidentiality.control.SealedTextHolder;
import org.servicepoint.incidents.delivery.entity.IncidentDelivery;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;

/** A patron mail still waiting in the outbox is sealed with the data key: a rotation seals it again with the new key. */
@ApplicationScoped
public class ResealOutboxMail implements SealedTextHolder {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Override
    @Transactional(TxType.MANDATORY)
    public int reseal(TenantId tenant, KeyRing ring) {
        return SealedText.resealColumns(tenantDatabase.bind(em, tenant), ring, IncidentDelivery.TABLE, "sealed_email", "sealed_subject",
                "sealed_body");
    }
}
