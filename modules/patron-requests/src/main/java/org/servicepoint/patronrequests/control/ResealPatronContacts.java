package org.servicepoint.patronrequests.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.confidentiality.control.SealedTextHolder;
import org.servicepoint.patronrequests.entity.StoredContact;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;

/** A data key rotation seals every patron contact again with the new key, so the old key may be destroyed. */
@ApplicationScoped
public class ResealPatronContacts implements SealedTextHolder {

    /** The sealed columns of {@code patron_contact}. */
    public static final String[] COLUMNS = {"name", "email", "phone"};

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Override
    @Transactional(TxType.MANDATORY)
    public int reseal(TenantId tenant, KeyRing ring) {
        return SealedText.resealColumns(tenantDatabase.bind(em, tenant), ring, StoredContact.TABLE, COLUMNS);
    }
}
