package org.servicepoint.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * One line of the append-only audit log: who did what to which record, when, and how it ended. Each line is
 * a link of its tenant's hash chain ({@code seq}, {@code prev_hash}, {@code hash}), so a line changed or
 * removed behind the application's back shows up when the chain is verified.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends TenantOwned {

    public enum Outcome { SUCCESS, REFUSED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(nullable = false)
    private String target;

    @Column(nullable = false)
    private String outcome;

    private String detail;

    @Column(name = "request_id")
    private String requestId;

    @Column(nullable = false, updatable = false)
    private long seq;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String prevHash;

    @Column(nullable = false, updatable = false)
    private String hash;

    protected AuditEvent() {
    }

    public AuditEvent(String actor, String action, String target, Outcome outcome, String detail, String requestId) {
        // PostgreSQL keeps microseconds: what is hashed must be exactly what is stored.
        this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        this.actor = require(actor, "actor");
        this.action = require(action, "action");
        this.target = require(target, "target");
        this.outcome = outcome.name();
        this.detail = detail == null ? null : clean(truncate(detail, 4000));
        this.requestId = requestId == null ? null : clean(truncate(requestId, 64));
    }

    /** Makes this line the next link of its tenant's chain; a line is linked once, before it is stored. */
    public void link(long sequence, String previousHash, String ownHash) {
        if (hash != null) {
            throw new IllegalStateException("audit line is already linked as number " + seq);
        }
        if (sequence < 1 || previousHash == null || ownHash == null) {
            throw new IllegalArgumentException("a link needs a number from 1 and both hashes");
        }
        this.seq = sequence;
        this.prevHash = previousHash;
        this.hash = ownHash;
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit " + name + " is required");
        }
        return clean(truncate(value, 300));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /**
     * PostgreSQL refuses NUL in text, and a lone surrogate (from a cut or from a client) would be stored
     * differently from what was hashed: both become U+FFFD, so every line can be written and verified.
     */
    private static String clean(String value) {
        StringBuilder out = new StringBuilder(value.length());
        // Lone surrogates come out of codePoints() as themselves; pairs as one supplementary code point.
        value.codePoints().forEach(cp -> out.appendCodePoint(cp == 0 || Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp));
        return out.toString();
    }

    public Long id() { return id; }
    public Instant occurredAt() { return occurredAt.toInstant(); }
    public String actor() { return actor; }
    public String action() { return action; }
    public String target() { return target; }
    public Outcome outcome() { return Outcome.valueOf(outcome); }
    public String detail() { return detail; }
    public String requestId() { return requestId; }
    public long seq() { return seq; }
    public String prevHash() { return prevHash; }
    public String hash() { return hash; }
}
