package org.servicepoint.confidentiality.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/** A library system's own retention period for one kind of record, overriding the default. */
@Entity
@Table(name = "retention_period")
public class RetentionPeriod extends TenantRow {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 36_500;

    @Column(name = "record_type", nullable = false, updatable = false)
    private String recordType;

    @Column(nullable = false)
    private int days;

    protected RetentionPeriod() {
    }

    public RetentionPeriod(String recordType, int days) {
        super(UUID.randomUUID());
        if (recordType == null || recordType.isBlank()) {
            throw new IllegalArgumentException("a retention period needs its record type");
        }
        this.recordType = recordType;
        change(days);
    }

    public void change(int newDays) {
        if (newDays < MIN_DAYS || newDays > MAX_DAYS) {
            throw new IllegalArgumentException("a retention period is " + MIN_DAYS + " to " + MAX_DAYS + " days");
        }
        this.days = newDays;
    }

    public String recordType() { return recordType; }
    public int days() { return days; }
}
