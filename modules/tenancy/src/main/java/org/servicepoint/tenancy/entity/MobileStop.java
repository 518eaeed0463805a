package org.servicepoint.tenancy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import org.servicepoint.platform.entity.TimeRange;

/** One weekly stop of a branch's mobile service point, stored as its {@link Stop} says. */
@Entity
@Table(name = "mobile_stop")
public class MobileStop extends BranchPart {

    @Column(name = "service_point_code", nullable = false)
    private String servicePointCode;

    @Column(nullable = false)
    private String name;

    /** ISO day number, Monday = 1. */
    @Column(name = "day_of_week", nullable = false)
    private int dayOfWeek;

    /** Minutes since midnight. */
    @Column(nullable = false)
    private int opens;

    @Column(nullable = false)
    private int closes;

    protected MobileStop() {
    }

    MobileStop(Branch branch, String servicePointCode, Stop stop) {
        super(branch);
        this.servicePointCode = servicePointCode;
        this.name = stop.name();
        this.dayOfWeek = stop.day().getValue();
        this.opens = stop.hours().opens();
        this.closes = stop.hours().closes();
    }

    public String servicePointCode() { return servicePointCode; }

    public Stop stop() {
        return new Stop(name, DayOfWeek.of(dayOfWeek), new TimeRange(opens, closes));
    }
}
