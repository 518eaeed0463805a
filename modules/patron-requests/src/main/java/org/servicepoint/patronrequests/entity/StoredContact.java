package org.servicepoint.patronrequests.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.StoredTime;
import org.servicepoint.platform.entity.TenantRow;

/** How to reach one patron; every field is sealed, bound to this row's id (so the id is chosen first). */
@Entity
@Table(name = "patron_contact")
public class StoredContact extends TenantRow {

    public static final String TABLE = "patron_contact";

    private byte[] name;

    private byte[] email;

    private byte[] phone;

    @Column(nullable = false)
    private String language;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected StoredContact() {
    }

    public StoredContact(UUID id, byte[] name, byte[] email, byte[] phone, String language, Instant now) {
        super(id);
        if (id == null || (email == null && phone == null)) {
            throw new IllegalArgumentException("a patron contact needs its id and an email address or a phone number");
        }
        reseal(name, email, phone);
        this.language = language;
        this.createdAt = StoredTime.stored(now);
    }

    /** Key rotation: the same values sealed with the current key. */
    public final void reseal(byte[] name, byte[] email, byte[] phone) {
        this.name = name;
        this.email = email;
        this.phone = phone;
    }

    public byte[] name() {
        return name;
    }

    public byte[] email() {
        return email;
    }

    public byte[] phone() {
        return phone;
    }

    public String language() {
        return language;
    }
}
