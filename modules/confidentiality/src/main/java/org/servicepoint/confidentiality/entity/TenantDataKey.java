package org.servicepoint.confidentiality.entity;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/**
 * One version of a tenant's key for one purpose, as stored: wrapped by a master key that lives only in the
 * server's configuration. The raw key never reaches the database.
 */
@Entity
@Table(name = "tenant_data_key")
public class TenantDataKey extends TenantRow {

    /** What a key is for; a key serves one purpose only. */
    public enum Purpose {
        /** AES-256-GCM key for encrypted fields. */
        DATA,
        /** HMAC-SHA256 key for the card number lookup hash. */
        LOOKUP;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Column(nullable = false, updatable = false)
    private String purpose;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(name = "master_key_id", nullable = false)
    private String masterKeyId;

    @Column(name = "wrapped_key", nullable = false)
    private byte[] wrappedKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    protected TenantDataKey() {
    }

    public TenantDataKey(Purpose purpose, int version, String masterKeyId, byte[] wrappedKey, Instant now) {
        super(UUID.randomUUID());
        if (purpose == null || version < 1) {
            throw new IllegalArgumentException("a key needs a purpose and a version from 1");
        }
        this.purpose = purpose.code();
        this.version = version;
        this.createdAt = stored(now);
        rewrap(masterKeyId, wrappedKey);
    }

    /** The same key, wrapped again (by a new master key). */
    public void rewrap(String newMasterKeyId, byte[] newWrappedKey) {
        if (newMasterKeyId == null || newMasterKeyId.isBlank() || newWrappedKey == null || newWrappedKey.length == 0) {
            throw new IllegalArgumentException("a wrapped key needs its master key id and bytes");
        }
        this.masterKeyId = newMasterKeyId;
        this.wrappedKey = newWrappedKey.clone();
    }

    /** No new data is written with a retired key; it stays readable for whatever it still protects. */
    public void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = stored(now);
        }
    }

    public Purpose purpose() { return Purpose.valueOf(purpose.toUpperCase(Locale.ROOT)); }
    public int version() { return version; }
    public String masterKeyId() { return masterKeyId; }
    public byte[] wrappedKey() { return wrappedKey.clone(); }
    public Instant createdAt() { return createdAt.toInstant(); }
    public boolean retired() { return retiredAt != null; }
    public Instant retiredAt() { return retiredAt == null ? null : retiredAt.toInstant(); }
}
