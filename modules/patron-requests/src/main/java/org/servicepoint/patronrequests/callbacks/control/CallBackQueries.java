package org.servicepoint.patronrequests.callbacks.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import org.servicepoint.patronrequests.callbacks.entity.CallBack;

/** The queue's query, on an entity manager bound to the library system; the branch rule is the caller's to apply. */
final class CallBackQueries {

    private CallBackQueries() {
    }

    /** Open call-backs by due time, or those done (newest first), at one branch (null: every branch). */
    static List<CallBack> queue(EntityManager bound, String branch, boolean done, int max) {
        String where = (done ? "c.closedAt is not null" : "c.closedAt is null") + (branch == null ? "" : " and c.branchCode = :branch");
        String order = done ? " order by c.closedAt desc" : " order by c.dueAt, c.reference";
        TypedQuery<CallBack> query = bound.createQuery("select c from CallBack c where " + where + order, CallBack.class);
        if (branch != null) {
            query.setParameter("branch", branch);
        }
        return query.setMaxResults(max).getResultList();
    }
}
