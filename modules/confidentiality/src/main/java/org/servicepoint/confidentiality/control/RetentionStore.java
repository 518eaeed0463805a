package org.servicepoint.confidentiality.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.servicepoint.confidentiality.entity.RetentionPeriod;
import org.servicepoint.platform.entity.TenantOwned;

/** Retention periods and the purge, on an entity manager bound to one tenant. */
public final class RetentionStore {

    /** Rows one delete statement removes at most. */
    public static final int BATCH = 1000;

    /** What one purge removed. */
    public record Purged(int disclosureRequests, int patronReferences) {
        public String summary() {
            return RecordType.DISCLOSURE_REQUEST.code() + ": " + disclosureRequests + ", "
                    + RecordType.PATRON_REFERENCE.code() + ": " + patronReferences;
        }
    }

    /** The tenant's periods in days, its own where set, else the defaults. */
    public Map<RecordType, Integer> periods(EntityManager bound) {
        Map<RecordType, Integer> days = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            days.put(type, type.defaultDays());
        }
        for (RetentionPeriod own : bound.createQuery("select r from RetentionPeriod r", RetentionPeriod.class).getResultList()) {
            RecordType.of(own.recordType()).ifPresent(type -> days.put(type, own.days()));
        }
        return days;
    }

    /** Makes the tenant's periods what is given; a type given as its default keeps no row of its own. */
    public Map<RecordType, Integer> change(EntityManager bound, Map<RecordType, Integer> wanted) {
        for (RecordType type : RecordType.values()) {
            int days = wanted.getOrDefault(type, type.defaultDays());
            RetentionPeriod own = bound.createQuery("select r from RetentionPeriod r where r.recordType = :type", RetentionPeriod.class)
                    .setParameter("type", type.code()).getResultStream().findFirst().orElse(null);
            if (days == type.defaultDays()) {
                if (own != null) {
                    bound.remove(own);
                }
            } else if (own == null) {
                bound.persist(new RetentionPeriod(type.code(), days));
            } else {
                own.change(days);
            }
        }
        bound.flush();
        return periods(bound);
    }

    /**
     * Deletes what is due at {@code now}: disclosure requests decided at least their period ago (undecided
     * ones are kept), then patron references last used at least their period ago and named by no remaining
     * disclosure request (the decision record keeps its patron as long as it lives) nor held by another
     * context (a ban in force, an incident report): each {@link PatronReferenceHolds#heldReferences()} query is
     * joined in as {@code NOT EXISTS}, so nothing grows with history. Deletes {@link #BATCH} rows per statement.
     * The tenant is named in every statement (wall 1 for native SQL) as well as bound for row-level security.
     */
    public Purged purge(EntityManager bound, Map<RecordType, Integer> days, Instant now) {
        return purge(bound, days, now, List.of());
    }

    public Purged purge(EntityManager bound, Map<RecordType, Integer> days, Instant now, List<String> heldReferences) {
        String tenant = tenantOf(bound);
        int requests = inBatches(bound, "delete from disclosure_request where id in (select d.id from disclosure_request d "
                + "where d.tenant_id = ?1 and d.status = 'DECIDED' and d.decided_at <= ?3 limit " + BATCH + ")",
                tenant, now, RetentionRules.cutoff(now, days.get(RecordType.DISCLOSURE_REQUEST)));
        StringBuilder references = new StringBuilder("delete from patron_reference where id in (select p.id from patron_reference p "
                + "where p.tenant_id = ?1 and p.last_used_at <= ?3 "
                + "and not exists (select 1 from disclosure_request d where d.tenant_id = p.tenant_id and d.patron_reference_id = p.id)");
        for (String held : heldReferences) {
            references.append(" and not exists (select 1 from (").append(held).append(") held (id) where held.id = p.id)");
        }
        references.append(" limit ").append(BATCH).append(")");
        int purgedReferences = inBatches(bound, references.toString(), tenant, now,
                RetentionRules.cutoff(now, days.get(RecordType.PATRON_REFERENCE)));
        return new Purged(requests, purgedReferences);
    }

    /** Runs a delete of at most {@link #BATCH} rows until one deletes fewer: each statement stays small. */
    private static int inBatches(EntityManager bound, String sql, String tenant, Instant now, Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = bound.createNativeQuery(sql)
                    .setParameter(1, tenant)
                    .setParameter(2, utc(now))
                    .setParameter(3, utc(cutoff))
                    .executeUpdate();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private static String tenantOf(EntityManager bound) {
        Object tenant = bound.getProperties().get(TenantOwned.TENANT_PROPERTY);
        if (!(tenant instanceof String slug) || slug.isEmpty()) {
            throw new IllegalStateException("the purge needs an entity manager bound to a tenant");
        }
        return slug;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
