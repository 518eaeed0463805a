package org.servicepoint.policies.control;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.servicepoint.policies.entity.Policy;
import org.servicepoint.policies.entity.PolicyVersion;

/**
 * Reads of policies and their versions on an entity manager already bound to the tenant (both walls), plain Java so
 * that database tests drive it directly.
 */
public final class PolicyStore {

    private PolicyStore() {
    }

    public static Optional<Policy> byKey(EntityManager em, String key) {
        return em.createQuery("select p from Policy p where p.key = :key", Policy.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    /** Every policy of the tenant, by key. */
    public static List<Policy> all(EntityManager em) {
        return em.createQuery("select p from Policy p order by p.key", Policy.class).getResultList();
    }

    public static Optional<PolicyVersion> version(EntityManager em, Policy policy, int version) {
        return em.createQuery("select v from PolicyVersion v where v.policyId = :policy and v.version = :version",
                        PolicyVersion.class)
                .setParameter("policy", policy.id()).setParameter("version", version).getResultStream().findFirst();
    }

    public static PolicyVersion current(EntityManager em, Policy policy) {
        return version(em, policy, policy.currentVersion())
                .orElseThrow(() -> new IllegalStateException("policy " + policy.key() + " has no current version"));
    }

    /** Every version of the policy, the first first. */
    public static List<PolicyVersion> versions(EntityManager em, Policy policy) {
        return em.createQuery("select v from PolicyVersion v where v.policyId = :policy order by v.version", PolicyVersion.class)
                .setParameter("policy", policy.id()).getResultList();
    }

    /** The current terms of the policy {@code key}, if the tenant has one. */
    public static Optional<PolicyTerms> terms(EntityManager em, String key) {
        return byKey(em, key).map(p -> PolicyTerms.of(p, current(em, p)));
    }
}
