package org.servicepoint.patronrequests.followups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A row that belongs to one matter of any kind: the matter's kind and id (no foreign key, the kinds live in different
 * tables, an escalation's in staffing's) and its branch, copied for the branch rule and the overview.
 */
@MappedSuperclass
public abstract class MatterRow extends TenantRow {

    @Enumerated(EnumType.STRING)
    @Column(name = "matter_kind", nullable = false)
    private MatterKind matterKind;

    @Column(name = "matter_id", nullable = false)
    private UUID matterId;

    @Column(nullable = false)
    private String branch;

    protected MatterRow() {
    }

    protected MatterRow(UUID id, MatterRef matter, String branch) {
        super(id);
        this.matterKind = matter.kind();
        this.matterId = matter.id();
        this.branch = branch;
    }

    /** Whether it belongs to this matter. */
    public boolean of(MatterRef matter) {
        return matterKind == matter.kind() && matterId.equals(matter.id());
    }

    public MatterKind matterKind() { return matterKind; }
    public UUID matterId() { return matterId; }
    public String branch() { return branch; }
}
