package org.servicepoint.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.platform.entity.StoredTime;
import org.servicepoint.platform.entity.TenantRow;

/**
 * One file of a library system ({@code tenant.yaml}, {@code policies.yaml}, …): the SHA-256 of the content last applied
 * from it and by whom, and the last time the app changed what it declares since then (see docs/decisions/0014).
 */
@Entity
@Table(name = "tenant_file")
public class TenantFile extends TenantRow {

    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;

    @Column(name = "applied_sha256")
    private String appliedSha256;

    @Column(name = "applied_at")
    private OffsetDateTime appliedAt;

    @Column(name = "applied_by")
    private String appliedBy;

    @Column(name = "edited_at")
    private OffsetDateTime editedAt;

    @Column(name = "edited_by")
    private String editedBy;

    protected TenantFile() {
    }

    public TenantFile(String fileName) {
        super(UUID.randomUUID());
        if (fileName == null || !fileName.matches("[a-z][a-z0-9.-]{0,79}")) {
            throw new IllegalArgumentException("not a tenant file name: " + fileName);
        }
        this.fileName = fileName;
    }

    /** The file was applied with this content: its edit marker is cleared, the app and the file agree again. */
    public void applied(String sha256, Instant at, String by) {
        this.appliedSha256 = sha256;
        this.appliedAt = StoredTime.stored(at);
        this.appliedBy = by;
        this.editedAt = null;
        this.editedBy = null;
    }

    /** The app changed what the file declares. */
    public void edited(Instant at, String by) {
        this.editedAt = StoredTime.stored(at);
        this.editedBy = by;
    }

    public String fileName() {
        return fileName;
    }

    public Optional<String> appliedSha256() {
        return Optional.ofNullable(appliedSha256);
    }

    public Instant appliedAt() {
        return appliedAt == null ? null : appliedAt.toInstant();
    }

    public String appliedBy() {
        return appliedBy;
    }

    /** Since the last apply of the file, the app changed what it declares (and who did). */
    public boolean editedInApp() {
        return editedAt != null;
    }

    public Instant editedAt() {
        return editedAt == null ? null : editedAt.toInstant();
    }

    public String editedBy() {
        return editedBy;
    }
}
