package org.servicepoint.staffing.control;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.staffing.entity.Escalation;

/**
 * Escalations on an entity manager bound to one library system. Plain Java, so database tests drive it directly.
 * Who sees what ({@link EscalationRules#sees}) is part of the query, before the limit: a list never loses someone's
 * own older escalations behind newer ones they may not see.
 */
public final class EscalationStore {

    /** The longest list; newest first. */
    public static final int LIST_MAX = 200;

    /** The escalations the caller may see, newest first, optionally of one branch. */
    public List<Escalation> list(EntityManager bound, Caller caller, String branch) {
        StringBuilder jpql = new StringBuilder("select e from Escalation e where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (branch != null) {
            jpql.append(" and e.branchCode = :branch");
            parameters.put("branch", branch);
        }
        if (caller == null || caller.kind() != Caller.Kind.STAFF) {
            return List.of();
        }
        if (!BranchScope.acrossBranches(caller)) {
            jpql.append(" and (e.reportedBy = :me or e.decidedByUsername = :username");
            parameters.put("me", caller.auditName());
            parameters.put("username", caller.name());
            var own = BranchScope.ownBranch(caller);
            if (caller.roles().contains(Roles.PERSON_IN_CHARGE) && own.isPresent()) {
                jpql.append(" or e.branchCode = :own");
                parameters.put("own", own.get());
            }
            jpql.append(")");
        }
        jpql.append(" order by e.createdAt desc, e.id");
        var query = bound.createQuery(jpql.toString(), Escalation.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(LIST_MAX).getResultList();
    }
}
