package org.servicepoint.tenancy.entity;

import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A part of a branch's setup (a desk, a weekly open period, a closure): made only by its {@link Branch}, which keeps
 * it in a list and saves and removes it with itself.
 */
@MappedSuperclass
public abstract class BranchPart extends TenantRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "branch_id", nullable = false)
    private Branch branch;

    /** For JPA. */
    protected BranchPart() {
    }

    BranchPart(Branch branch) {
        super(UUID.randomUUID());
        this.branch = branch;
    }
}
