package org.servicepoint.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A list's JPQL query with the filters a caller may leave out: each condition joins the query only when its value is
 * given, and the value is bound as the condition's named parameter, never written into the text. The filters stay in
 * the query, before any limit.
 */
public final class FilteredQuery {

    private final StringBuilder jpql;
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** {@code select} is the query up to its conditions, e.g. {@code "select s from Shift s"}. */
    public FilteredQuery(String select) {
        this.jpql = new StringBuilder(select).append(" where 1 = 1");
    }

    /** Adds {@code and <condition>} with {@code :<name>} set to {@code value}; nothing when the value is null. */
    public FilteredQuery andIf(String condition, String name, Object value) {
        if (value != null) {
            jpql.append(" and ").append(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** The query in {@code order}, its parameters set. */
    public <T> TypedQuery<T> orderedBy(EntityManager em, String order, Class<T> type) {
        TypedQuery<T> query = em.createQuery(jpql + " order by " + order, type);
        parameters.forEach(query::setParameter);
        return query;
    }
}
