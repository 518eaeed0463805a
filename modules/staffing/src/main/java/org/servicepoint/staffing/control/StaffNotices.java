package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.entity.StaffNotice;

/**
 * In-app notices from other contexts (an overdue incident report, say), to roster entries, in the caller's
 * transaction: the notice exists exactly when what it tells of was committed.
 */
@ApplicationScoped
public class StaffNotices {

    @PersistenceContext(unitName = "staffing")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    /** One notice per person; people who never sign in (no username) cannot read notices and are skipped. */
    @Transactional
    public int tell(TenantId tenant, List<StaffRecord> people, String text) {
        EntityManager bound = tenantDatabase.bind(em, tenant);
        int told = 0;
        for (StaffRecord person : people) {
            if (person.username() != null) {
                bound.persist(new StaffNotice(person.id(), person.username(), text, null));
                told++;
            }
        }
        return told;
    }
}
