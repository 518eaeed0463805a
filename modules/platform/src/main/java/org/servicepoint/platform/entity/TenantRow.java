package org.servicepoint.platform.entity;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * A tenant-owned row named by a UUID that Java chooses before the row is stored: at random, or by the caller where
 * sealed fields are bound to the id. The one home of the id header that every tenant entity but the audit log
 * (numbered by the database) carries; the tenant column comes from {@link TenantOwned}.
 */
@MappedSuperclass
public abstract class TenantRow extends TenantOwned {

    @Id
    private UUID id;

    /** For JPA, which sets the id it reads. */
    protected TenantRow() {
    }

    /** Each entity checks the id it is given in its own words; this only keeps it. */
    protected TenantRow(UUID id) {
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
