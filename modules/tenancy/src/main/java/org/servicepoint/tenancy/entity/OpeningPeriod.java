package org.servicepoint.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import org.servicepoint.platform.entity.TimeRange;

/** One weekly open period of a branch, or of one of its desks when {@code servicePointCode} is set. */
@Entity
@Table(name = "opening_period")
public class OpeningPeriod extends BranchPart {

    @Column(name = "service_point_code")
    private String servicePointCode;

    /** ISO day number, Monday = 1. */
    @Column(name = "day_of_week", nullable = false)
    private int dayOfWeek;

    /** Minutes since midnight. */
    @Column(nullable = false)
    private int opens;

    @Column(nullable = false)
    private int closes;

    protected OpeningPeriod() {
    }

    OpeningPeriod(Branch branch, String servicePointCode, DayOfWeek day, TimeRange period) {
        super(branch);
        this.servicePointCode = servicePointCode;
        this.dayOfWeek = day.getValue();
        this.opens = period.opens();
        this.closes = period.closes();
    }

    public String servicePointCode() { return servicePointCode; }
    public DayOfWeek dayOfWeek() { return DayOfWeek.of(dayOfWeek); }
    public TimeRange period() { return new TimeRange(opens, closes); }
}
