package org.servicepoint.patronrequests.complaints.entity;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/** One step a complaint went through (received, director-told, opened, responded, closed…): when and by whom. */
@Entity
@Table(name = "complaint_step")
public class ComplaintStep extends TenantRow {

    @Column(name = "complaint_id", nullable = false, updatable = false)
    private UUID complaintId;

    @Column(nullable = false, updatable = false)
    private String step;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(name = "by_name", nullable = false, updatable = false)
    private String byName;

    protected ComplaintStep() {
    }

    public ComplaintStep(UUID complaintId, String step, Instant at, String byName) {
        super(UUID.randomUUID());
        this.complaintId = Objects.requireNonNull(complaintId, "complaint");
        this.step = Objects.requireNonNull(step, "step");
        this.at = stored(Objects.requireNonNull(at, "at"));
        this.byName = Objects.requireNonNull(byName, "by");
    }

    public UUID complaintId() { return complaintId; }
    public String step() { return step; }
    public OffsetDateTime at() { return at; }
    public String byName() { return byName; }
}
