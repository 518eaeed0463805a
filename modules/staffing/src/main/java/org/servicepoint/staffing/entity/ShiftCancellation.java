package org.servicepoint.staffing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
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

    @Embedded
    private Recorded recorded;

    protected ShiftCancellation() {
    }

    ShiftCancellation(Shift shift, LocalDate day, String createdBy) {
        super(UUID.randomUUID());
        if (createdBy == null) {
            throw new IllegalArgumentException("a cancellation records who made it");
        }
        this.shift = shift;
        this.day = day;
        this.recorded = Recorded.now(createdBy);
    }

    public LocalDate day() { return day; }
    public String createdBy() { return recorded.createdBy(); }
}
