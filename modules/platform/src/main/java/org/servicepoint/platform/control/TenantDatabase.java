package org.servicepoint.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.entity.TenantOwned;

/**
 * Puts an entity manager and the database connection of the current transaction into one tenant.
 * Both walls are set here: the EclipseLink tenant property (wall 1) and the PostgreSQL setting
 * {@code app.tenant_id} that row-level security reads (wall 2, transaction-local, cleared at commit).
 * Outside a transaction there is no tenant data at all: we refuse rather than read with no wall 2.
 */
@ApplicationScoped
public class TenantDatabase {

    private static final String BOUND_TENANT = TenantDatabase.class.getName() + ".tenant";
    private static final String BY_MANAGER = TenantDatabase.class.getName() + ".byManager";
    private static final String MANAGERS = TenantDatabase.class.getName() + ".managers";

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    public EntityManager bind(EntityManager em, TenantId tenant) {
        if (tenant == null) {
            throw new IllegalStateException("no tenant: refusing to touch tenant data");
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("tenant data is only reachable inside an active transaction");
        }
        Object bound = transactions.getResource(BOUND_TENANT);
        // Each entity manager says the tenant once on its own connection too: the units share the transaction's
        // connection (eclipselink.transaction.join-existing), and if one ever did not, its reads would still
        // meet the right setting rather than none.
        @SuppressWarnings("unchecked")
        java.util.Map<Object, String> perManager = (java.util.Map<Object, String>) transactions.getResource(BY_MANAGER);
        if (perManager == null) {
            perManager = new java.util.IdentityHashMap<>();
            transactions.putResource(BY_MANAGER, perManager);
        }
        @SuppressWarnings("unchecked")
        java.util.Map<Object, EntityManager> managers = (java.util.Map<Object, EntityManager>) transactions.getResource(MANAGERS);
        if (managers == null) {
            managers = new java.util.IdentityHashMap<>();
            transactions.putResource(MANAGERS, managers);
        }
        Object delegate = em.getDelegate();
        managers.put(delegate, em);
        if (!tenant.value().equals(bound) || !tenant.value().equals(perManager.get(delegate))) {
            if (bound != null && !tenant.value().equals(bound)) {
                // Switching tenant inside one transaction (onboarding several tenants at once): rows of the
                // previous tenant must reach the database while its setting is still in force, from every unit
                // that wrote some (each tenant file kind writes through its own), not only this one.
                for (EntityManager written : managers.values()) {
                    written.flush();
                }
                em.flush();
                em.clear();
            }
            em.createNativeQuery("select set_config('app.tenant_id', ?1, true)")
                    .setParameter(1, tenant.value())
                    .getSingleResult();
            transactions.putResource(BOUND_TENANT, tenant.value());
            perManager.put(delegate, tenant.value());
        }
        em.setProperty(TenantOwned.TENANT_PROPERTY, tenant.value());
        return em;
    }

    /** The tenant the current transaction is bound to, or null. */
    public String boundTenant() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                ? (String) transactions.getResource(BOUND_TENANT) : null;
    }
}
