package org.servicepoint.policies.entity;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/**
 * One version of a policy's words and their approval, never changed once written (the table's trigger refuses it
 * too). {@code language} is the text-search configuration its search document was made in: english or spanish.
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends TenantRow {

    public static final int TITLE_MAX = 200, TEXT_MAX = 20_000, REASON_MAX = 4000, APPROVED_BY_MAX = 200;

    @Column(name = "policy_id", nullable = false, updatable = false)
    private UUID policyId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(name = "body", nullable = false, updatable = false)
    private String text;

    @Column(nullable = false, updatable = false)
    private String reason;

    @Column(name = "approved_by", nullable = false, updatable = false)
    private String approvedBy;

    @Column(name = "approved_on", nullable = false, updatable = false)
    private LocalDate approvedOn;

    @Column(name = "effective_on", nullable = false, updatable = false)
    private LocalDate effectiveOn;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected PolicyVersion() {
    }

    public PolicyVersion(UUID id, UUID policyId, int version, Words words, String language, String createdBy, Instant now) {
        super(Objects.requireNonNull(id, "id"));
        if (version < 1) {
            throw new IllegalArgumentException("versions count from 1");
        }
        if (!"english".equals(language) && !"spanish".equals(language)) {
            throw new IllegalArgumentException("a text-search language is english or spanish: " + language);
        }
        this.policyId = Objects.requireNonNull(policyId, "policy");
        this.version = version;
        this.title = words.title();
        this.text = words.text();
        this.reason = words.reason();
        this.approvedBy = words.approvedBy();
        this.approvedOn = words.approvedOn();
        this.effectiveOn = words.effectiveOn();
        this.language = language;
        this.createdBy = Objects.requireNonNull(createdBy, "created by");
        this.createdAt = stored(now);
    }

    /** What a version says: a change to any of these is a new version. */
    public record Words(String title, String text, String reason, String approvedBy, LocalDate approvedOn,
                        LocalDate effectiveOn) {

        public Words {
            require(title, "title", TITLE_MAX);
            require(text, "text", TEXT_MAX);
            require(reason, "reason", REASON_MAX);
            require(approvedBy, "approval.by", APPROVED_BY_MAX);
            Objects.requireNonNull(approvedOn, "approval.on");
            Objects.requireNonNull(effectiveOn, "effectiveOn");
        }

        private static void require(String value, String field, int max) {
            if (value == null || value.isBlank() || value.length() > max) {
                throw new IllegalArgumentException(field + " is required, at most " + max + " characters");
            }
        }
    }

    public Words words() {
        return new Words(title, text, reason, approvedBy, approvedOn, effectiveOn);
    }

    public UUID policyId() { return policyId; }
    public int version() { return version; }
    public String title() { return title; }
    public String text() { return text; }
    public String reason() { return reason; }
    public String approvedBy() { return approvedBy; }
    public LocalDate approvedOn() { return approvedOn; }
    public LocalDate effectiveOn() { return effectiveOn; }
    public String language() { return language; }
    public Instant createdAt() { return createdAt.toInstant(); }
    public String createdBy() { return createdBy; }
}
