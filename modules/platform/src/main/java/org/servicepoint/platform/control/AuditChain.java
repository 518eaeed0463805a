package org.servicepoint.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.servicepoint.platform.entity.AuditEvent;
import org.servicepoint.platform.entity.TenantId;

/**
 * Each tenant's audit lines form a hash chain: line n carries the hash of line n-1 and a hash of its own
 * content, so changing, removing or inserting a line behind the application's back breaks the chain at
 * that line. The hashes are plain SHA-256, not keyed: whoever can rewrite the table can also rewrite every
 * later hash, so the chain proves integrity only up to a head (last seq and hash) kept somewhere else.
 *
 * <p>The encoding is fixed ({@code audit-v1}) and has a twin in SQL, {@code audit_event_hash}
 * (migration platform V2), so a line can be checked with psql alone.
 */
@ApplicationScoped
public class AuditChain {

    /** The previous hash of every tenant's first line. */
    public static final String GENESIS = "0".repeat(64);

    static final int PAGE = 1000;

    private static final String FORMAT = "servicepoint-audit-v1";
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "platform")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    public enum Kind {
        /** The line's content no longer gives its stored hash. */
        CONTENT_CHANGED,
        /** The line's previous hash is not the hash of the line before it. */
        PREVIOUS_LINK_BROKEN,
        /** A number is missing: a line was removed (or the numbering was changed). */
        SEQUENCE_GAP
    }

    /** Where a chain first stops holding. */
    public record Break(long seq, long id, Kind kind, String explanation) {
    }

    /**
     * The result of walking a tenant's chain: how many lines were checked (the walk stops at the first
     * break), whether the chain holds, and its head, to be kept elsewhere as an anchor.
     */
    public record Verification(String tenant, long checked, boolean intact, Break firstBreak, long headSeq, String headHash) {
    }

    /** Walks the whole chain of a tenant, a page at a time. */
    @Transactional
    public Verification verify(TenantId tenant) {
        return verify(tenantDatabase.bind(em, tenant), tenant, PAGE);
    }

    /** The walk itself, on an entity manager already bound to the tenant. */
    public static Verification verify(EntityManager bound, TenantId tenant, int pageSize) {
        long expectedSeq = 1;
        String expectedPrevious = GENESIS;
        long checked = 0;
        while (true) {
            List<AuditEvent> page = bound.createQuery(
                            "select a from AuditEvent a where a.seq >= :from order by a.seq", AuditEvent.class)
                    .setParameter("from", expectedSeq)
                    .setMaxResults(pageSize)
                    .getResultList();
            for (AuditEvent line : page) {
                checked++;
                Break broken = check(tenant, line, expectedSeq, expectedPrevious);
                if (broken != null) {
                    return new Verification(tenant.value(), checked, false, broken, expectedSeq - 1, expectedPrevious);
                }
                expectedSeq = line.seq() + 1;
                expectedPrevious = line.hash();
            }
            // Lines already checked need not stay in memory: the chain may be long.
            bound.clear();
            if (page.size() < pageSize) {
                return new Verification(tenant.value(), checked, true, null, expectedSeq - 1, expectedPrevious);
            }
        }
    }

    private static Break check(TenantId tenant, AuditEvent line, long expectedSeq, String expectedPrevious) {
        long id = line.id();
        if (line.seq() != expectedSeq) {
            return new Break(line.seq(), id, Kind.SEQUENCE_GAP, expectedSeq == line.seq() - 1
                    ? "line " + expectedSeq + " is missing"
                    : "lines " + expectedSeq + " to " + (line.seq() - 1) + " are missing");
        }
        String recomputed = hash(line.prevHash(), tenant.value(), line.seq(), line.occurredAt(), line.actor(), line.action(),
                line.target(), line.outcome().name(), line.detail(), line.requestId());
        if (!recomputed.equals(line.hash())) {
            return new Break(line.seq(), id, Kind.CONTENT_CHANGED, "the line's content does not match its hash");
        }
        if (!expectedPrevious.equals(line.prevHash())) {
            return new Break(line.seq(), id, Kind.PREVIOUS_LINK_BROKEN, "the line does not carry the hash of line " + (expectedSeq - 1));
        }
        return null;
    }

    /**
     * Makes {@code event} the next link of the tenant's chain. Writers of one tenant take turns on a
     * transaction-scoped advisory lock, so two transactions never both read the same last line; the lock
     * ends with the transaction. (A REQUIRES_NEW audit write for a tenant whose lock the suspended outer
     * transaction holds would wait for ever: write refusals after the failed transaction, as
     * {@code RefusedChangesAudit} does.)
     */
    static void append(EntityManager bound, TenantId tenant, AuditEvent event) {
        bound.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "audit:" + tenant.value())
                .getSingleResult();
        List<Object[]> last = bound.createQuery("select a.seq, a.hash from AuditEvent a order by a.seq desc", Object[].class)
                .setMaxResults(1)
                .getResultList();
        long seq = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
        String previous = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
        event.link(seq, previous, hash(previous, tenant.value(), seq, event.occurredAt(), event.actor(), event.action(),
                event.target(), event.outcome().name(), event.detail(), event.requestId()));
    }

    /**
     * Hex SHA-256 of the previous hash and the line's fields. Each field is written as
     * {@code |<UTF-8 length>:<text>} or {@code |-} for null, so no two different lines encode alike.
     */
    public static String hash(String previousHash, String tenant, long seq, Instant occurredAt, String actor, String action,
                              String target, String outcome, String detail, String requestId) {
        StringBuilder text = new StringBuilder(FORMAT);
        for (String field : Arrays.asList(previousHash, tenant, Long.toString(seq), MICROS.format(occurredAt), actor, action,
                target, outcome, detail, requestId)) {
            if (field == null) {
                text.append("|-");
            } else {
                text.append('|').append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
