package org.servicepoint.staffing.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A staff member's duty at one desk (service point) of one branch: weekly, or once. Single occurrences of a
 * weekly shift can be cancelled; the shift keeps its cancellations so the calendar can leave them out.
 * Branch, desk and member are checked against the library system by the control that makes a shift.
 */
@Entity
@Table(name = "shift")
public class Shift extends TenantRow {

    @Column(name = "staff_member_id", nullable = false, updatable = false)
    private UUID staffMemberId;

    @Column(name = "branch_code", nullable = false, updatable = false)
    private String branchCode;

    @Column(name = "service_point_code", nullable = false, updatable = false)
    private String servicePointCode;

    /** ISO day number (Monday = 1); null for a one-off shift. */
    @Column(name = "day_of_week", updatable = false)
    private Integer dayOfWeek;

    @Column(name = "first_day", nullable = false, updatable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", updatable = false)
    private LocalDate lastDay;

    @Column(name = "starts_at", nullable = false, updatable = false)
    private LocalTime startsAt;

    @Column(name = "ends_at", nullable = false, updatable = false)
    private LocalTime endsAt;

    @Column(nullable = false, updatable = false)
    private boolean overnight;

    @OneToMany(mappedBy = "shift", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("day")
    private List<ShiftCancellation> cancellations = new ArrayList<>();

    @Embedded
    private Recorded recorded;

    @Version
    private long version;

    protected Shift() {
    }

    public Shift(UUID staffMemberId, String branchCode, String servicePointCode, ShiftPattern pattern, String createdBy) {
        super(UUID.randomUUID());
        if (staffMemberId == null || branchCode == null || servicePointCode == null || pattern == null || createdBy == null) {
            throw new IllegalArgumentException("a shift needs a staff member, a branch, a desk, its times and who made it");
        }
        if (!pattern.hasOccurrence()) {
            throw new IllegalArgumentException("the shift never happens between its first and last day");
        }
        this.staffMemberId = staffMemberId;
        this.branchCode = branchCode;
        this.servicePointCode = servicePointCode;
        this.dayOfWeek = pattern.weekday() == null ? null : pattern.weekday().getValue();
        this.firstDay = pattern.firstDay();
        this.lastDay = pattern.lastDay();
        this.startsAt = pattern.start();
        this.endsAt = pattern.end();
        this.overnight = pattern.overnight();
        this.recorded = Recorded.now(createdBy);
    }

    /**
     * Cancels the occurrence that starts on {@code day}.
     *
     * @throws IllegalArgumentException if the shift has no occurrence that day
     * @throws IllegalStateException    if that occurrence is already cancelled
     */
    public ShiftCancellation cancel(LocalDate day, String by) {
        if (day == null || !pattern().occursOn(day)) {
            throw new IllegalArgumentException("the shift has no occurrence on " + day);
        }
        if (cancelledDays().contains(day)) {
            throw new IllegalStateException("the shift on " + day + " is already cancelled");
        }
        ShiftCancellation cancellation = new ShiftCancellation(this, day, by);
        cancellations.add(cancellation);
        return cancellation;
    }

    public ShiftPattern pattern() {
        return new ShiftPattern(dayOfWeek == null ? null : DayOfWeek.of(dayOfWeek), firstDay, lastDay, startsAt, endsAt, overnight);
    }

    public Set<LocalDate> cancelledDays() {
        Set<LocalDate> days = new TreeSet<>();
        cancellations.forEach(c -> days.add(c.day()));
        return Collections.unmodifiableSet(days);
    }

    public UUID staffMemberId() { return staffMemberId; }
    public String branchCode() { return branchCode; }
    public String servicePointCode() { return servicePointCode; }
    public OffsetDateTime createdAt() { return recorded.createdAt(); }
    public String createdBy() { return recorded.createdBy(); }
    public long version() { return version; }
}
