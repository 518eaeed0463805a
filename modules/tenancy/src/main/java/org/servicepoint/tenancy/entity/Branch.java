package org.servicepoint.tenancy.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.platform.entity.RowTimes;
import org.servicepoint.platform.entity.TenantRow;
import org.servicepoint.platform.entity.TimeRange;

/**
 * A branch of a library system: its desks (service points), its weekly opening hours (and a desk's own
 * hours where they differ), and dated closures or shortened days.
 */
@Entity
@Table(name = "branch")
public class Branch extends TenantRow {

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean headquarters;

    private String address;

    private String phone;

    @OneToMany(mappedBy = "branch", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("code")
    private List<ServicePoint> servicePoints = new ArrayList<>();

    @OneToMany(mappedBy = "branch", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("servicePointCode, dayOfWeek, opens")
    private List<OpeningPeriod> openingPeriods = new ArrayList<>();

    @OneToMany(mappedBy = "branch", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("day")
    private List<Closure> closures = new ArrayList<>();

    @OneToMany(mappedBy = "branch", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("servicePointCode, dayOfWeek, opens")
    private List<MobileStop> stops = new ArrayList<>();

    @Embedded
    private RowTimes times;

    @Version
    private long version;

    protected Branch() {
    }

    public Branch(String code) {
        super(UUID.randomUUID());
        if (code == null || !code.matches("^[A-Z0-9][A-Z0-9-]{0,15}$")) {
            throw new IllegalArgumentException("not a branch code: " + code);
        }
        this.code = code;
        this.times = RowTimes.now();
    }

    public void describe(String name, boolean headquarters, String address, String phone) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a branch needs a name");
        }
        this.name = name.strip();
        this.headquarters = headquarters;
        this.address = blankToNull(address);
        this.phone = blankToNull(phone);
        touch();
    }

    /**
     * Makes the desks and all weekly hours (the branch's own and each desk's own) what is given. Desks are
     * matched by code and closures by date, so they keep their ids and the unique keys never clash.
     */
    public void organise(Map<String, String> deskNames, Map<DayOfWeek, DayHours> branchHours,
                         Map<String, Map<DayOfWeek, DayHours>> deskHours) {
        servicePoints.removeIf(desk -> !deskNames.containsKey(desk.code()));
        deskNames.forEach((code, name) -> servicePoints.stream()
                .filter(desk -> desk.code().equals(code)).findFirst()
                .ifPresentOrElse(desk -> desk.rename(name), () -> servicePoints.add(new ServicePoint(this, code, name))));
        openingPeriods.clear();
        addPeriods(null, branchHours);
        deskHours.forEach(this::addPeriods);
        touch();
    }

    /**
     * Makes the desks named here mobile with these weekly stops, and every other desk stationary without stops.
     * Stops of one desk on one day must not overlap: the bookmobile is at one place at a time.
     */
    public void route(Map<String, List<Stop>> stopsByDesk) {
        stopsByDesk.forEach((desk, wanted) -> {
            if (servicePoints.stream().noneMatch(sp -> sp.code().equals(desk))) {
                throw new IllegalArgumentException("no service point " + desk + " in branch " + code);
            }
            for (int i = 0; i < wanted.size(); i++) {
                for (int j = i + 1; j < wanted.size(); j++) {
                    Stop a = wanted.get(i);
                    Stop b = wanted.get(j);
                    if (a.day() == b.day() && a.hours().overlaps(b.hours())) {
                        throw new IllegalArgumentException("stops " + a.name() + " and " + b.name() + " overlap");
                    }
                }
            }
        });
        servicePoints.forEach(desk -> desk.makeMobile(stopsByDesk.containsKey(desk.code())));
        stops.clear();
        stopsByDesk.forEach((desk, wanted) -> wanted.forEach(stop -> stops.add(new MobileStop(this, desk, stop))));
        touch();
    }

    /** The weekly stops of a mobile desk, by day and time; empty for a stationary one. */
    public List<Stop> stopsOf(String deskCode) {
        return stops.stream().filter(s -> s.servicePointCode().equals(deskCode)).map(MobileStop::stop)
                .sorted(java.util.Comparator.comparing(Stop::day).thenComparing(Stop::hours)).toList();
    }

    public void replaceClosures(List<ClosureDay> wanted) {
        closures.removeIf(existing -> wanted.stream().noneMatch(w -> w.day().equals(existing.day())));
        for (ClosureDay w : wanted) {
            closureOn(w.day()).ifPresentOrElse(existing -> existing.change(w.reason(), w.hours()),
                    () -> closures.add(new Closure(this, w.day(), w.reason(), w.hours())));
        }
        touch();
    }

    /** What a closure should say on one day. */
    public record ClosureDay(LocalDate day, String reason, DayHours hours) {
    }

    private void addPeriods(String deskCode, Map<DayOfWeek, DayHours> week) {
        week.forEach((day, hours) -> hours.periods()
                .forEach(period -> openingPeriods.add(new OpeningPeriod(this, deskCode, day, period))));
    }

    /** Weekly hours of the branch (deskCode null) or of a desk that keeps its own; empty map = none declared. */
    public Map<DayOfWeek, DayHours> weeklyHours(String deskCode) {
        Map<DayOfWeek, List<TimeRange>> byDay = new EnumMap<>(DayOfWeek.class);
        for (OpeningPeriod p : openingPeriods) {
            if (java.util.Objects.equals(p.servicePointCode(), deskCode)) {
                byDay.computeIfAbsent(p.dayOfWeek(), d -> new ArrayList<>()).add(p.period());
            }
        }
        Map<DayOfWeek, DayHours> week = new EnumMap<>(DayOfWeek.class);
        byDay.forEach((day, periods) -> week.put(day, new DayHours(periods)));
        return week;
    }

    public boolean deskKeepsOwnHours(String deskCode) {
        return openingPeriods.stream().anyMatch(p -> deskCode.equals(p.servicePointCode()));
    }

    public Optional<Closure> closureOn(LocalDate day) {
        return closures.stream().filter(c -> c.day().equals(day)).findFirst();
    }

    private void touch() {
        this.times = times.touched();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String code() { return code; }
    public String name() { return name; }
    public boolean headquarters() { return headquarters; }
    public String address() { return address; }
    public String phone() { return phone; }
    public List<ServicePoint> servicePoints() { return Collections.unmodifiableList(servicePoints); }
    public List<Closure> closures() { return Collections.unmodifiableList(closures); }
    public Instant createdAt() { return times.createdAt(); }
    public Instant updatedAt() { return times.updatedAt(); }
    public long version() { return version; }
}
