package org.servicepoint.policies.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * The policies of a library system as other code needs them: the current terms of a policy by key (strict or
 * flexible, why, the limits and who may approve an exception). Readable by the library system's staff and by the
 * system; each call joins the caller's transaction if there is one.
 */
@ApplicationScoped
public class PolicyLibrary {

    @PersistenceContext(unitName = "policies")
    EntityManager em;

    @Inject
    TenantWork work;

    /** The current terms of the policy {@code key}, or empty if the library system has none by that key. */
    @Transactional
    public Optional<PolicyTerms> find(TenantId tenant, Caller caller, String key) {
        return PolicyStore.terms(readable(tenant, caller).db(), key);
    }

    /** The current terms of the policy {@code key}; 404 if the library system has none by that key. */
    @Transactional
    public PolicyTerms terms(TenantId tenant, Caller caller, String key) {
        return find(tenant, caller, key).orElseThrow(() -> notFound(key));
    }

    /** Every policy's current terms, by key. */
    @Transactional
    public List<PolicyTerms> all(TenantId tenant, Caller caller) {
        EntityManager db = readable(tenant, caller).db();
        return PolicyStore.all(db).stream().map(p -> PolicyTerms.of(p, PolicyStore.current(db, p))).toList();
    }

    private TenantWork.Acting readable(TenantId tenant, Caller caller) {
        if (!PolicyRules.reads(caller, tenant)) {
            throw Refusal.forbidden(Text.of("policies.forbidden.read"));
        }
        return work.actFor(em, tenant, caller);
    }

    static Refusal notFound(String key) {
        return Refusal.notFound(Text.of("policies.not-found.policy", key));
    }
}
