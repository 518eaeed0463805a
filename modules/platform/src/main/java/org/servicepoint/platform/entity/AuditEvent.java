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

/** One line of the append-only audit log: who did what to which record, when, and how it ended. */
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

    protected AuditEvent() {
    }

    public AuditEvent(String actor, String action, String target, Outcome outcome, String detail, String requestId) {
        this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.actor = require(actor, "actor");
        this.action = require(action, "action");
        this.target = require(target, "target");
        this.outcome = outcome.name();
        this.detail = detail == null ? null : truncate(detail, 4000);
        this.requestId = requestId;
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit " + name + " is required");
        }
        return truncate(value, 300);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public Long id() { return id; }
    public Instant occurredAt() { return occurredAt.toInstant(); }
    public String actor() { return actor; }
    public String action() { return action; }
    public String target() { return target; }
    public Outcome outcome() { return Outcome.valueOf(outcome); }
    public String detail() { return detail; }
    public String requestId() { return requestId; }
}
