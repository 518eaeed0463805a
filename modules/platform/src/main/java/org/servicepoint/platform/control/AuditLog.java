package org.servicepoint.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.servicepoint.platform.entity.AuditEvent;
import org.servicepoint.platform.entity.AuditEvent.Outcome;
import org.servicepoint.platform.entity.TenantId;

/**
 * The append-only audit log. Successes are written in the caller's transaction, so a change and its
 * audit line commit or roll back together; refusals and failures get a transaction of their own, because
 * the change they describe was rolled back. The database lets the application role only insert and read,
 * and every line is the next link of its tenant's hash chain ({@link AuditChain}).
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Transactional(Transactional.TxType.MANDATORY)
    public void success(TenantId tenant, Caller caller, String action, String target, String detail) {
        write(tenant, caller, action, target, Outcome.SUCCESS, detail);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void unsuccessful(TenantId tenant, Caller caller, String action, String target, Outcome outcome, String detail) {
        write(tenant, caller, action, target, outcome, detail);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public List<AuditEvent> recent(TenantId tenant, int limit) {
        return tenantDatabase.bind(em, tenant)
                .createQuery("select a from AuditEvent a order by a.id desc", AuditEvent.class)
                .setMaxResults(Math.max(1, Math.min(limit, 500)))
                .getResultList();
    }

    private void write(TenantId tenant, Caller caller, String action, String target, Outcome outcome, String detail) {
        EntityManager bound = tenantDatabase.bind(em, tenant);
        AuditEvent event = new AuditEvent(caller.auditName(), action, target, outcome, detail, RequestIds.current());
        AuditChain.append(bound, tenant, event);
        bound.persist(event);
        // Written now, under this tenant's database setting: a later step of the same transaction may
        // switch tenant (onboarding several library systems at once).
        bound.flush();
    }
}
