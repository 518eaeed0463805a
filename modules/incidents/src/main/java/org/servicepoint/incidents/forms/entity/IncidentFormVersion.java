package org.servicepoint.incidents.forms.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/**
 * One published version of a library system's incident form: the checked form as canonical JSON and its
 * SHA-256. Never changed once written; a changed form is the next version.
 */
@Entity
@Table(name = "incident_form_version")
public class IncidentFormVersion extends TenantRow {

    @Column(nullable = false)
    private int version;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Column(nullable = false)
    private String document;

    @Column(nullable = false)
    private String source;

    @Column(name = "published_at", nullable = false)
    private OffsetDateTime publishedAt;

    @Column(name = "published_by", nullable = false)
    private String publishedBy;

    protected IncidentFormVersion() {
    }

    public IncidentFormVersion(int version, String contentHash, String document, String source, OffsetDateTime publishedAt,
                               String publishedBy) {
        super(UUID.randomUUID());
        if (version < 1) {
            throw new IllegalArgumentException("form versions count from 1");
        }
        if (contentHash == null || !contentHash.matches("^[0-9a-f]{64}$")) {
            throw new IllegalArgumentException("a form version needs the hex SHA-256 of its document");
        }
        this.version = version;
        this.contentHash = contentHash;
        this.document = document;
        this.source = source;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    public int version() { return version; }
    public String contentHash() { return contentHash; }
    public String document() { return document; }
    public String source() { return source; }
    public OffsetDateTime publishedAt() { return publishedAt; }
    public String publishedBy() { return publishedBy; }
}
