package org.servicepoint.patronrequests.followups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.platform.entity.StoredTime;

/** Something to do on a matter by a day, by one member of staff; what is sealed, bound to this row's id. */
@Entity
@Table(name = "matter_follow_up")
public class FollowUp extends MatterRow {

    public static final String TABLE = "matter_follow_up";

    @Column(nullable = false)
    private byte[] what;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "owner_staff_id", nullable = false)
    private UUID ownerStaffId;

    @Column(name = "owner_tag_name", nullable = false)
    private String ownerTagName;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "done_at")
    private OffsetDateTime doneAt;

    @Column(name = "done_by")
    private String doneBy;

    /** Days kept after it was done, from patron-requests.yaml when it was written (the purge's own period). */
    @Column(name = "retain_days", nullable = false)
    private int retainDays;

    @Version
    private long version;

    protected FollowUp() {
    }

    public FollowUp(UUID id, MatterRef matter, String branch, byte[] what, LocalDate dueOn, UUID ownerStaffId,
                    String ownerTagName, String createdBy, Instant now, int retainDays) {
        super(id, matter, branch);
        if (id == null || what == null || dueOn == null || ownerStaffId == null) {
            throw new IllegalArgumentException("a follow-up has its id, sealed text, due day and owner");
        }
        this.what = what;
        this.dueOn = dueOn;
        this.ownerStaffId = ownerStaffId;
        this.ownerTagName = ownerTagName;
        this.createdBy = createdBy;
        this.createdAt = StoredTime.stored(now);
        this.retainDays = retainDays;
    }

    /** Done once; answers whether it was done now. */
    public boolean done(String by, Instant at) {
        if (doneAt != null) {
            return false;
        }
        doneAt = StoredTime.stored(at);
        doneBy = by;
        return true;
    }

    /** Key rotation: the same text sealed with the current key. */
    public void reseal(byte[] sealed) {
        this.what = sealed;
    }

    public boolean pastDue(LocalDate today) {
        return doneAt == null && dueOn.isBefore(today);
    }

    public byte[] what() { return what; }
    public LocalDate dueOn() { return dueOn; }
    public UUID ownerStaffId() { return ownerStaffId; }
    public String ownerTagName() { return ownerTagName; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime doneAt() { return doneAt; }
    public String doneBy() { return doneBy; }
    public long version() { return version; }
}
