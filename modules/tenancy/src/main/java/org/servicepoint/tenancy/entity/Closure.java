package org.servicepoint.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A dated exception to a branch's week: closed all day, or open only for the shortened hours given. */
@Entity
@Table(name = "closure")
public class Closure extends BranchPart {

    @Column(nullable = false)
    private LocalDate day;

    @Column(nullable = false)
    private String reason;

    /** Canonical periods ("09:00-12:00"), empty when closed all day. */
    @Column(name = "open_periods", nullable = false)
    private String openPeriods;

    protected Closure() {
    }

    Closure(Branch branch, LocalDate day, String reason, DayHours shortenedHours) {
        super(branch);
        if (day == null) {
            throw new IllegalArgumentException("a closure needs a date");
        }
        this.day = day;
        change(reason, shortenedHours);
    }

    void change(String newReason, DayHours shortenedHours) {
        if (newReason == null || newReason.isBlank()) {
            throw new IllegalArgumentException("a closure needs a reason");
        }
        this.reason = newReason.strip();
        this.openPeriods = (shortenedHours == null ? DayHours.CLOSED : shortenedHours).text();
    }

    public LocalDate day() { return day; }
    public String reason() { return reason; }
    public DayHours openHours() { return DayHours.ofText(openPeriods); }
    public boolean closedAllDay() { return openPeriods.isEmpty(); }
}
