package org.servicepoint.policies.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.DeskTopic;
import org.servicepoint.platform.control.DeskTopics;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.LibraryWork;

/**
 * Policies in the desk search ("How do I handle…"), by the same full-text search as the policy list. Policies are
 * written in the library system's language, so they are searched in it whatever {@code language} the desk asks in.
 */
@ApplicationScoped
public class PolicyDeskTopics implements DeskTopics {

    @PersistenceContext(unitName = "policies")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Override
    @Transactional
    public List<DeskTopic> find(TenantId tenant, Caller caller, String words, Locale language, int limit) {
        if (!PolicyRules.reads(caller, tenant) || words == null || words.isBlank() || limit < 1) {
            return List.of();
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        return topics(at.db(), SearchLanguage.of(at.outline().language()), words.strip(), limit);
    }

    /** The search hits as desk topics (kind policy, id the key, the current title), on an entity manager bound to the tenant. */
    static List<DeskTopic> topics(EntityManager db, String searchLanguage, String words, int limit) {
        List<DeskTopic> topics = new ArrayList<>();
        for (PolicySearch.Hit hit : PolicySearch.find(db, searchLanguage, words, null, Math.min(limit, Policies.MAX_LIST))) {
            PolicyStore.byKey(db, hit.key()).ifPresent(p -> topics.add(
                    new DeskTopic("policy", hit.key(), PolicyStore.current(db, p).title(), hit.snippet(), hit.rank())));
        }
        return topics;
    }
}
