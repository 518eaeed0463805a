package org.servicepoint.confidentiality.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.servicepoint.confidentiality.entity.DisclosureRequest;
import org.servicepoint.confidentiality.entity.RetentionPeriod;

/** Retention periods and the purge, on an entity manager bound to one tenant. */
public final class RetentionStore {

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
     * disclosure request (the decision record keeps its patron as long as it lives) nor {@code held} by another
     * context (a ban in force, an incident report).
     */
    public Purged purge(EntityManager bound, Map<RecordType, Integer> days, Instant now) {
        return purge(bound, days, now, java.util.Set.of());
    }

    public Purged purge(EntityManager bound, Map<RecordType, Integer> days, Instant now, java.util.Set<java.util.UUID> held) {
        int requests = bound.createQuery("delete from DisclosureRequest d where d.status = :decided and d.decidedAt <= :cutoff")
                .setParameter("decided", DisclosureRequest.Status.DECIDED)
                .setParameter("cutoff", utc(RetentionRules.cutoff(now, days.get(RecordType.DISCLOSURE_REQUEST))))
                .executeUpdate();
        var references = bound.createQuery("delete from PatronReference p where p.lastUsedAt <= :cutoff and not exists "
                        + "(select d from DisclosureRequest d where d.patronReferenceId = p.id)"
                        + (held.isEmpty() ? "" : " and p.id not in :held"))
                .setParameter("cutoff", utc(RetentionRules.cutoff(now, days.get(RecordType.PATRON_REFERENCE))));
        if (!held.isEmpty()) {
            references.setParameter("held", held);
        }
        int purgedReferences = references.executeUpdate();
        return new Purged(requests, purgedReferences);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
