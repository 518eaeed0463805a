package org.servicepoint.staffing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/** A staff member away (sick, on leave, other): off duty at every desk for the period, whatever the shifts say. */
@Entity
@Table(name = "absence")
public class Absence extends TenantRow {

    @Column(name = "staff_member_id", nullable = false, updatable = false)
    private UUID staffMemberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private AbsenceKind kind;

    /** Wall-clock times of the library system; the zone is applied when the calendar is made. */
    @Column(name = "starts_at", nullable = false, updatable = false)
    private LocalDateTime startsAt;

    @Column(name = "ends_at", nullable = false, updatable = false)
    private LocalDateTime endsAt;

    @Column(name = "whole_days", nullable = false, updatable = false)
    private boolean wholeDays;

    @Embedded
    private Recorded recorded;

    protected Absence() {
    }

    public Absence(UUID staffMemberId, AbsenceKind kind, AbsencePeriod period, String createdBy) {
        super(UUID.randomUUID());
        if (staffMemberId == null || kind == null || period == null || createdBy == null) {
            throw new IllegalArgumentException("an absence needs a staff member, a kind, a period and who recorded it");
        }
        this.staffMemberId = staffMemberId;
        this.kind = kind;
        this.startsAt = period.from();
        this.endsAt = period.to();
        this.wholeDays = period.wholeDays();
        this.recorded = Recorded.now(createdBy);
    }

    public AbsencePeriod period() {
        return new AbsencePeriod(startsAt, endsAt, wholeDays);
    }

    public UUID staffMemberId() { return staffMemberId; }
    public AbsenceKind kind() { return kind; }
    public OffsetDateTime createdAt() { return recorded.createdAt(); }
    public String createdBy() { return recorded.createdBy(); }
}
