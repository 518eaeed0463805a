package org.servicepoint.tenancy.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.servicepoint.tenancy.control.BranchSpec.ClosureSpec;
import org.servicepoint.tenancy.control.BranchSpec.ServicePointSpec;
import org.servicepoint.tenancy.control.BranchSpec.StopSpec;
import org.servicepoint.tenancy.entity.Branch;
import org.servicepoint.tenancy.entity.Branch.ClosureDay;
import org.servicepoint.tenancy.entity.DayHours;
import org.servicepoint.tenancy.entity.Position;
import org.servicepoint.tenancy.entity.Stop;
import org.servicepoint.tenancy.entity.Tenant;

/** Translation between documents and entities, both ways. */
public final class Specs {

    private Specs() {
    }

    public static TenantSpec of(Tenant tenant, List<Branch> branches, List<Position> positions) {
        return new TenantSpec(tenant.slug(), tenant.name(), tenant.timeZone().getId(), tenant.locale().toLanguageTag(),
                tenant.status().name().toLowerCase(Locale.ROOT), branches.stream().map(Specs::of).toList(),
                new TenantSpec.SettingsSpec(tenant.idleLockMinutes()),
                positions.stream().sorted(java.util.Comparator.comparingInt(Position::rank))
                        .map(p -> new TenantSpec.PositionSpec(p.code(), p.name(), p.permissions())).toList(),
                null,
                new TenantSpec.ChainOfCommandSpec(tenant.substitutesOnlyWithoutPermanentStaff(), tenant.notifyWhenAbsent()),
                tenant.fallbackLanguage());
    }

    /** Makes the chain of command what the document lists, lowest first; positions are matched by code. */
    static void writePositions(jakarta.persistence.EntityManager boundEm, List<Position> existing, TenantSpec spec) {
        Map<String, Position> byCode = new LinkedHashMap<>();
        existing.forEach(p -> byCode.put(p.code(), p));
        for (int i = 0; i < spec.positions().size(); i++) {
            TenantSpec.PositionSpec wanted = spec.positions().get(i);
            Position current = byCode.remove(wanted.code());
            if (current == null) {
                current = new Position(wanted.code(), wanted.name(), i + 1);
                boundEm.persist(current);
            } else {
                current.change(wanted.name(), i + 1);
            }
            current.allow(wanted.may());
        }
        byCode.values().forEach(boundEm::remove);
    }

    public static BranchSpec of(Branch branch) {
        List<ServicePointSpec> desks = branch.servicePoints().stream()
                .map(desk -> desk.mobile()
                        ? new ServicePointSpec(desk.code(), desk.name(), null, true, branch.stopsOf(desk.code()).stream()
                                .map(stop -> new StopSpec(stop.name(), stop.day().name().toLowerCase(Locale.ROOT), stop.hours().toString()))
                                .toList())
                        : new ServicePointSpec(desk.code(), desk.name(),
                                branch.deskKeepsOwnHours(desk.code()) ? week(branch.weeklyHours(desk.code())) : null))
                .toList();
        List<ClosureSpec> closures = branch.closures().stream()
                .map(c -> new ClosureSpec(c.day().toString(), c.reason(), c.closedAllDay() ? null : c.openHours().texts()))
                .toList();
        return new BranchSpec(branch.code(), branch.name(), branch.headquarters(), branch.address(), branch.phone(),
                desks, week(branch.weeklyHours(null)), closures);
    }

    static void createOrChange(Tenant tenant, TenantSpec spec) {
        tenant.change(spec.name(), ZoneId.of(spec.timeZone()), Locale.forLanguageTag(spec.locale()),
                Tenant.Status.valueOf(spec.effectiveStatus().toUpperCase(Locale.ROOT)));
        tenant.lockIdleScreensAfter(spec.idleLockMinutes());
        tenant.fallBackTo(spec.effectiveFallbackLanguage());
        var rules = spec.effectiveChainOfCommand();
        tenant.ruleChainOfCommand(rules.substitutesOnlyWithoutPermanentStaff(), rules.notifyWhenAbsent());
    }

    static Tenant newTenant(TenantSpec spec) {
        Tenant tenant = new Tenant(org.servicepoint.platform.entity.TenantId.of(spec.slug()), spec.name(), ZoneId.of(spec.timeZone()),
                Locale.forLanguageTag(spec.locale()), Tenant.Status.valueOf(spec.effectiveStatus().toUpperCase(Locale.ROOT)));
        tenant.lockIdleScreensAfter(spec.idleLockMinutes());
        tenant.fallBackTo(spec.effectiveFallbackLanguage());
        var rules = spec.effectiveChainOfCommand();
        tenant.ruleChainOfCommand(rules.substitutesOnlyWithoutPermanentStaff(), rules.notifyWhenAbsent());
        return tenant;
    }

    /** Makes a branch say what its document says; the document passed {@link TenantRules} already. */
    static void write(Branch branch, BranchSpec spec) {
        branch.describe(spec.name(), spec.isHeadquarters(), spec.address(), spec.phone());
        Map<String, String> desks = new LinkedHashMap<>();
        Map<String, Map<DayOfWeek, DayHours>> deskHours = new LinkedHashMap<>();
        for (ServicePointSpec desk : spec.servicePoints()) {
            desks.put(desk.code(), desk.name());
            if (desk.openingHours() != null) {
                deskHours.put(desk.code(), TenantRules.hours(desk.openingHours()));
            }
        }
        branch.organise(desks, TenantRules.hours(spec.openingHours()), deskHours);
        Map<String, List<Stop>> stops = new LinkedHashMap<>();
        spec.servicePoints().stream().filter(ServicePointSpec::isMobile)
                .forEach(desk -> stops.put(desk.code(), desk.stops().stream().map(TenantRules::stop).toList()));
        branch.route(stops);
        List<ClosureDay> closures = new ArrayList<>();
        for (ClosureSpec closure : spec.closures()) {
            closures.add(new ClosureDay(LocalDate.parse(closure.date()), closure.reason(), DayHours.parse(closure.hours())));
        }
        branch.replaceClosures(closures);
    }

    private static WeekSpec week(Map<DayOfWeek, DayHours> hours) {
        Map<DayOfWeek, List<String>> days = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, h) -> days.put(day, h.texts()));
        return WeekSpec.of(days);
    }
}
