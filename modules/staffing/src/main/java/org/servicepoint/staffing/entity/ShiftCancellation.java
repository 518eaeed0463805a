package org.servicepoint.staffing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/** One occurrence of a weekly shift that will not be worked, named by the date it would have started. */
@Entity
@Table(name = "shift_cancellation")
public class ShiftCancellation extends TenantRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "shift_id", nullable = false, updatable = false)
    private Shift shift;

    @Column(nullable = false, updatable = false)
    private LocalDate day;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected ShiftCancellation() {
    }

    ShiftCancellation(Shift shift, LocalDate day, String createdBy) {
        super(UUID.randomUUID());
        if (createdBy == null) {
            throw new IllegalArgumentException("a cancellation records who made it");
        }
        this.shift = shift;
        this.day = day;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.createdBy = createdBy;
    }

    public LocalDate day() { return day; }
    public String createdBy() { return createdBy; }
}
