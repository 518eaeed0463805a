package org.servicepoint.policies.control;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.policies.entity.Policy;
import org.servicepoint.policies.entity.PolicyAcknowledgement;

/** Acknowledgements on an entity manager bound to the tenant, plain Java so that database tests drive them. */
public final class Acknowledgements {

    private Acknowledgements() {
    }

    /** Whether {@code position} is asked to acknowledge {@code policy}. */
    static boolean applies(Policy policy, String position) {
        return policy.appliesTo().isEmpty() || position != null && policy.appliesTo().contains(position);
    }

    public static Optional<PolicyAcknowledgement> of(EntityManager db, Policy policy, int version, String username) {
        return db.createQuery("select a from PolicyAcknowledgement a where a.policyId = :policy and a.version = :version "
                        + "and a.username = :username", PolicyAcknowledgement.class)
                .setParameter("policy", policy.id()).setParameter("version", version).setParameter("username", username)
                .getResultStream().findFirst();
    }

    /** The user's acknowledgements, the latest version per policy id. */
    public static Map<UUID, PolicyAcknowledgement> latestOf(EntityManager db, String username) {
        Map<UUID, PolicyAcknowledgement> latest = new HashMap<>();
        for (PolicyAcknowledgement a : db.createQuery("select a from PolicyAcknowledgement a where a.username = :username",
                PolicyAcknowledgement.class).setParameter("username", username).getResultList()) {
            latest.merge(a.policyId(), a, (x, y) -> x.version() >= y.version() ? x : y);
        }
        return latest;
    }

    /** Who acknowledged the version (sign-in names). */
    public static Set<String> usernames(EntityManager db, Policy policy, int version) {
        List<String> names = db.createQuery("select a.username from PolicyAcknowledgement a where a.policyId = :policy "
                        + "and a.version = :version", String.class)
                .setParameter("policy", policy.id()).setParameter("version", version).getResultList();
        return new HashSet<>(names);
    }

    /** The acknowledgement of the current version by {@code username}: the one given before, or a new one. */
    public static PolicyAcknowledgement acknowledge(EntityManager db, Policy policy, String username, java.time.Instant now) {
        return of(db, policy, policy.currentVersion(), username).orElseGet(() -> {
            PolicyAcknowledgement given = new PolicyAcknowledgement(UUID.randomUUID(), policy.id(), policy.currentVersion(),
                    username, now);
            db.persist(given);
            return given;
        });
    }
}
