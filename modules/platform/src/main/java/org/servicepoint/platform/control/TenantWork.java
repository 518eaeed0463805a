package org.servicepoint.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.servicepoint.platform.entity.TenantId;

/**
 * The first steps of every control method that acts for a caller in one library system, in one place: the context's
 * entity manager bound to the tenant ({@link TenantDatabase}: both walls), audit lines written for that tenant as
 * that caller ({@link AuditLog}), and the branch rule for that caller ({@link BranchScope}). A control keeps only its
 * own entity manager (its persistence unit) and asks {@link #actFor} at the start of each transaction.
 */
@ApplicationScoped
public class TenantWork {

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    AuditLog audit;

    /** Work on {@code em}'s tables for {@code caller} in {@code tenant}; nothing is bound until {@link Acting#db()}. */
    public Acting actFor(EntityManager em, TenantId tenant, Caller caller) {
        return new Acting(tenantDatabase, audit, em, tenant, caller);
    }

    /**
     * One caller acting in one library system inside the current transaction. The tenant is bound on first use of
     * {@link #db()}, not before: a caller refused by the control's own access rule touches no tenant data.
     */
    public static class Acting {

        private final TenantDatabase tenantDatabase;
        private final AuditLog audit;
        private final EntityManager em;
        private final TenantId tenant;
        private final Caller caller;

        protected Acting(Acting other) {
            this(other.tenantDatabase, other.audit, other.em, other.tenant, other.caller);
        }

        Acting(TenantDatabase tenantDatabase, AuditLog audit, EntityManager em, TenantId tenant, Caller caller) {
            this.tenantDatabase = tenantDatabase;
            this.audit = audit;
            this.em = em;
            this.tenant = tenant;
            this.caller = caller;
        }

        public TenantId tenant() {
            return tenant;
        }

        public Caller caller() {
            return caller;
        }

        /** The entity manager bound to the tenant for the rest of the transaction (binding again costs nothing). */
        public EntityManager db() {
            return tenantDatabase.bind(em, tenant);
        }

        /** A success line in the tenant's audit chain, as the caller, in this transaction. */
        public void audit(String action, String target, String detail) {
            audit.success(tenant, caller, action, target, detail);
        }

        /** {@link BranchScope#narrow} for this caller: the branch a list is narrowed to. */
        public String narrow(String asked) {
            return BranchScope.narrow(caller, asked);
        }

        /** {@link BranchScope#covers} for this caller. */
        public boolean covers(String branch) {
            return BranchScope.covers(caller, branch);
        }

        /** {@link BranchScope#requireCovers} for this caller: a change at another branch is refused (403). */
        public void requireCovers(String branch) {
            BranchScope.requireCovers(caller, branch);
        }
    }
}
