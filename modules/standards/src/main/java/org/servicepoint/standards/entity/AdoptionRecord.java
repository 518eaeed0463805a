package org.servicepoint.standards.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A library system's {@code standards.yaml} as last applied (its text, where it came from, who applied it and when)
 * and the catalogue version it last reviewed. What its staff see is worked out from the text and the shipped
 * catalogue on every read ({@code EffectiveStandards}), so a new catalogue reaches them without a migration.
 */
@Entity
@Table(name = "standards_adoption")
public class AdoptionRecord extends TenantRow {

    @Column(nullable = false)
    private String content;

    @Column(nullable = false)
    private String source;

    @Column(name = "reviewed_version", nullable = false)
    private int reviewedVersion;

    /** The reviewed catalogue's words as JSON. */
    @Column(name = "reviewed_catalogue", nullable = false)
    private String reviewedCatalogue;

    @Column(name = "applied_at", nullable = false)
    private OffsetDateTime appliedAt;

    @Column(name = "applied_by", nullable = false)
    private String appliedBy;

    @Version
    private long version;

    protected AdoptionRecord() {
    }

    public AdoptionRecord(String content, String source, OffsetDateTime appliedAt, String appliedBy, int reviewedVersion,
                          String reviewedCatalogue) {
        super(UUID.randomUUID());
        replace(content, source, appliedAt, appliedBy);
        reviewed(reviewedVersion, reviewedCatalogue);
    }

    public final void replace(String content, String source, OffsetDateTime appliedAt, String appliedBy) {
        this.content = content;
        this.source = source;
        this.appliedAt = appliedAt;
        this.appliedBy = appliedBy;
    }

    public final void reviewed(int catalogueVersion, String catalogue) {
        this.reviewedVersion = catalogueVersion;
        this.reviewedCatalogue = catalogue;
    }

    public String content() { return content; }
    public String source() { return source; }
    public int reviewedVersion() { return reviewedVersion; }
    public String reviewedCatalogue() { return reviewedCatalogue; }
}
