package org.servicepoint.patronrequests.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/** A library system's {@code patron-requests.yaml} as last applied: its text, where it came from, who applied it. */
@Entity
@Table(name = "patron_request_rules")
public class RulesRecord extends TenantRow {

    @Column(nullable = false)
    private String content;

    @Column(nullable = false)
    private String source;

    @Column(name = "applied_at", nullable = false)
    private OffsetDateTime appliedAt;

    @Column(name = "applied_by", nullable = false)
    private String appliedBy;

    @Version
    private long version;

    protected RulesRecord() {
    }

    public RulesRecord(String content, String source, OffsetDateTime appliedAt, String appliedBy) {
        super(UUID.randomUUID());
        replace(content, source, appliedAt, appliedBy);
    }

    public final void replace(String content, String source, OffsetDateTime appliedAt, String appliedBy) {
        this.content = content;
        this.source = source;
        this.appliedAt = appliedAt;
        this.appliedBy = appliedBy;
    }

    public String content() {
        return content;
    }
}
