package org.servicepoint.confidentiality.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicepoint.confidentiality.entity.RetentionPeriod;
import org.servicepoint.platform.entity.TenantOwned;

/** Retention periods and the purge, on an entity manager bound to one tenant. */
public final class RetentionStore {

    /** Rows one delete statement removes at most. */
    public static final int BATCH = 1000;

    /** What one purge removed: this module's records, and other contexts' by record type. */
    public record Purged(int disclosureRequests, int patronReferences, Map<String, Integer> others) {
        public Purged {
            others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
        }

        public Purged(int disclosureRequests, int patronReferences) {
            this(disclosureRequests, patronReferences, Map.of());
        }

        public Purged with(Map<String, Integer> otherCounts) {
            return new Purged(disclosureRequests, patronReferences, otherCounts);
        }

        public String summary() {
            StringBuilder summary = new StringBuilder();
            others.forEach((type, count) -> summary.append(type).append(": ").append(count).append(", "));
            return summary.append(RecordType.DISCLOSURE_REQUEST.code()).append(": ").append(disclosureRequests).append(", ")
                    .append(RecordType.PATRON_REFERENCE.code()).append(": ").append(patronReferences).toString();
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

    /** The tenant's periods in days for other contexts' record types, its own where set, else their defaults. */
    public Map<String, Integer> periods(EntityManager bound, List<RetainedRecords> types) {
        Map<String, Integer> own = new LinkedHashMap<>();
        for (RetentionPeriod period : bound.createQuery("select r from RetentionPeriod r", RetentionPeriod.class).getResultList()) {
            own.put(period.recordType(), period.days());
        }
        Map<String, Integer> days = new LinkedHashMap<>();
        for (RetainedRecords type : types) {
            days.put(type.recordType(), own.getOrDefault(type.recordType(), type.defaultDays()));
        }
        return days;
    }

    /** As {@link #change(EntityManager, Map)}, for other contexts' record types. */
    public Map<String, Integer> change(EntityManager bound, List<RetainedRecords> types, Map<String, Integer> wanted) {
        for (RetainedRecords type : types) {
            keep(bound, type.recordType(), wanted.getOrDefault(type.recordType(), type.defaultDays()), type.defaultDays());
        }
        bound.flush();
        return periods(bound, types);
    }

    /** Makes the tenant's periods what is given; a type given as its default keeps no row of its own. */
    public Map<RecordType, Integer> change(EntityManager bound, Map<RecordType, Integer> wanted) {
        for (RecordType type : RecordType.values()) {
            keep(bound, type.code(), wanted.getOrDefault(type, type.defaultDays()), type.defaultDays());
        }
        bound.flush();
        return periods(bound);
    }

    private static void keep(EntityManager bound, String code, int days, int defaultDays) {
        RetentionPeriod own = bound.createQuery("select r from RetentionPeriod r where r.recordType = :type", RetentionPeriod.class)
                .setParameter("type", code).getResultStream().findFirst().orElse(null);
        if (days == defaultDays) {
            if (own != null) {
                bound.remove(own);
            }
        } else if (own == null) {
            bound.persist(new RetentionPeriod(code, days));
        } else {
            own.change(days);
        }
    }

    /**
     * Everything due at {@code now}: other contexts' records first, in their {@link RetainedRecords#purgeOrder()}
     * (a purged incident report releases the patron references it named), then this module's.
     */
    public Purged purgeAll(EntityManager bound, List<RetainedRecords> types, Instant now, List<String> heldReferences) {
        String tenant = tenantOf(bound);
        Map<String, Integer> days = periods(bound, types);
        Map<String, Integer> counts = new LinkedHashMap<>();
        types.stream().sorted(Comparator.comparingInt(RetainedRecords::purgeOrder)).forEach(type -> {
            Instant cutoff = RetentionRules.cutoff(now, days.get(type.recordType()));
            int total = 0;
            int removed;
            do {
                removed = ((Number) bound.createNativeQuery(type.purgeBatch())
                        .setParameter(1, tenant)
                        .setParameter(2, utc(cutoff))
                        .setParameter(3, BATCH)
                        .getSingleResult()).intValue();
                total += removed;
            } while (removed >= BATCH);
            counts.put(type.recordType(), total);
        });
        return purge(bound, periods(bound), now, heldReferences).with(counts);
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
