package org.servicepoint.confidentiality.entity;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/**
 * The least any feature may keep about a patron: a keyed hash of the library card number (to find the
 * reference again), the card's last four characters and an optional display name, both sealed, and when the
 * reference was made and last used. Features store the reference's id, never the patron's data.
 */
@Entity
@Table(name = "patron_reference")
public class PatronReference extends TenantRow {

    /** HMAC-SHA256 output length. */
    public static final int LOOKUP_BYTES = 32;

    @Column(name = "card_lookup", nullable = false)
    private byte[] cardLookup;

    @Column(name = "lookup_key_version", nullable = false)
    private int lookupKeyVersion;

    @Column(name = "card_last4", nullable = false)
    private byte[] cardLast4;

    @Column(name = "display_name")
    private byte[] displayName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at", nullable = false)
    private OffsetDateTime lastUsedAt;

    protected PatronReference() {
    }

    /** The id comes first because the sealed fields are bound to it. */
    public PatronReference(UUID id, byte[] cardLookup, int lookupKeyVersion, byte[] sealedLast4, byte[] sealedDisplayName,
                           Instant now) {
        super(id);
        if (id == null) {
            throw new IllegalArgumentException("a patron reference needs its id");
        }
        this.createdAt = stored(now);
        this.lastUsedAt = createdAt;
        rehash(cardLookup, lookupKeyVersion);
        reseal(sealedLast4, sealedDisplayName);
    }

    public void rehash(byte[] lookup, int keyVersion) {
        if (lookup == null || lookup.length != LOOKUP_BYTES || keyVersion < 1) {
            throw new IllegalArgumentException("a card lookup is a 32-byte keyed hash with its key version");
        }
        this.cardLookup = lookup.clone();
        this.lookupKeyVersion = keyVersion;
    }

    public void reseal(byte[] sealedLast4, byte[] sealedDisplayName) {
        if (sealedLast4 == null || sealedLast4.length == 0) {
            throw new IllegalArgumentException("the sealed last four characters are required");
        }
        this.cardLast4 = sealedLast4.clone();
        this.displayName = sealedDisplayName == null ? null : sealedDisplayName.clone();
    }

    /** The display name is added only where none was given before: a later desk cannot overwrite it. */
    public boolean nameIfMissing(byte[] sealedDisplayName) {
        if (displayName != null || sealedDisplayName == null) {
            return false;
        }
        displayName = sealedDisplayName.clone();
        return true;
    }

    /** Retention counts from the last use; the clock never moves it back. */
    public void used(Instant at) {
        OffsetDateTime when = stored(at);
        if (when.isAfter(lastUsedAt)) {
            lastUsedAt = when;
        }
    }

    public byte[] cardLookup() { return cardLookup.clone(); }
    public int lookupKeyVersion() { return lookupKeyVersion; }
    public byte[] sealedLast4() { return cardLast4.clone(); }
    public byte[] sealedDisplayName() { return displayName == null ? null : displayName.clone(); }
    public Instant createdAt() { return createdAt.toInstant(); }
    public Instant lastUsedAt() { return lastUsedAt.toInstant(); }
}
