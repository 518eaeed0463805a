package org.servicepoint.patronrequests.reconsideration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.StoredTime;
import org.servicepoint.platform.entity.TenantRow;

/**
 * One step of one request's review, as the library system's rules named it when the review could start: its place in
 * the order, the days it may take, and once done, when, by whom and with what note. Done once.
 */
@Entity
@Table(name = "reconsideration_step")
public class ReviewStep extends TenantRow {

    @Column(name = "reconsideration_id", nullable = false, updatable = false)
    private UUID reconsiderationId;

    @Column(nullable = false, updatable = false)
    private int ordinal;

    @Column(nullable = false, updatable = false)
    private String step;

    @Column(nullable = false, updatable = false)
    private int days;

    @Column(name = "done_at")
    private OffsetDateTime doneAt;

    @Column(name = "done_by")
    private String doneBy;

    private String note;

    protected ReviewStep() {
    }

    public ReviewStep(UUID reconsiderationId, int ordinal, String step, int days) {
        super(UUID.randomUUID());
        if (reconsiderationId == null || ordinal < 0 || step == null || days < 1) {
            throw new IllegalArgumentException("a review step needs its request, place, name and at least one day");
        }
        this.reconsiderationId = reconsiderationId;
        this.ordinal = ordinal;
        this.step = step;
        this.days = days;
    }

    public void done(Instant at, String by, String note) {
        if (doneAt != null) {
            throw new IllegalStateException("step " + step + " is done already");
        }
        this.doneAt = StoredTime.stored(at);
        this.doneBy = by;
        this.note = note;
    }

    public UUID reconsiderationId() { return reconsiderationId; }
    public int ordinal() { return ordinal; }
    public String step() { return step; }
    public int days() { return days; }
    public OffsetDateTime doneAt() { return doneAt; }
    public String doneBy() { return doneBy; }
    public String note() { return note; }
    public boolean isDone() { return doneAt != null; }
}
