package org.servicepoint.incidents.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.confidentiality.control.PatronReferenceHolds;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;

/**
 * A signed incident report names its patrons by reference and is kept (and re-verifiable) as signed: the
 * references it names are kept as long as it is. Incident reports have no retention period of their own yet.
 */
@ApplicationScoped
public class ReportedPatronReferences implements PatronReferenceHolds {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Override
    @Transactional
    @SuppressWarnings("unchecked")
    public Set<UUID> held(TenantId tenant) {
        Set<UUID> held = new HashSet<>();
        List<String> lists = tenantDatabase.bind(em, tenant)
                .createQuery("select r.patronReferences from IncidentReport r where r.patronReferences <> '[]'", String.class)
                .getResultList();
        for (String list : lists) {
            for (Object id : (List<Object>) CanonicalJson.read(list)) {
                held.add(UUID.fromString(id.toString()));
            }
        }
        return held;
    }
}
