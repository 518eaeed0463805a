package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.servicepoint.confidentiality.control.RetentionStore.Purged;
import org.servicepoint.confidentiality.entity.RetentionPeriod;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/** Each library system's retention periods, and the purge that enforces them. The audit log is never purged. */
@ApplicationScoped
public class Retention {

    /** Other contexts' references still in use (bans, incident reports): never purged. */
    @Inject
    @Any
    Instance<PatronReferenceHolds> holds;

    /** Other contexts' record types with a retention period (incident reports, escalations, bans). */
    @Inject
    @Any
    Instance<RetainedRecords> retained;

    @PersistenceContext(unitName = "confidentiality")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** One record type's period: the tenant's days, the default, and what the days count from. */
    public record Period(String recordType, int days, int defaultDays, String countsFrom) {
    }

    public record Settings(List<Period> periods) {
    }

    @Transactional
    public Settings periods(TenantId tenant, Caller caller) {
        Access.require(Access.administers(caller, tenant));
        EntityManager bound = tenantDatabase.bind(em, tenant);
        RetentionStore store = new RetentionStore();
        return settings(store.periods(bound), types(), store.periods(bound, types()));
    }

    /** Sets the periods given (record type code → days); a type left out goes back to its default. */
    @Transactional
    public Settings change(TenantId tenant, Caller caller, Map<String, Integer> days) {
        Access.require(Access.administers(caller, tenant));
        List<RetainedRecords> types = types();
        Map<String, Integer> othersWanted = new LinkedHashMap<>();
        Map<RecordType, Integer> wanted = checked(days, types, othersWanted);
        EntityManager bound = tenantDatabase.bind(em, tenant);
        RetentionStore store = new RetentionStore();
        Map<RecordType, Integer> before = store.periods(bound);
        Map<String, Integer> othersBefore = store.periods(bound, types);
        Map<RecordType, Integer> after = store.change(bound, wanted);
        Map<String, Integer> othersAfter = store.change(bound, types, othersWanted);
        List<String> changes = new ArrayList<>();
        after.forEach((type, value) -> {
            if (!value.equals(before.get(type))) {
                changes.add(type.code() + ": " + before.get(type) + " → " + value + " days");
            }
        });
        othersAfter.forEach((type, value) -> {
            if (!value.equals(othersBefore.get(type))) {
                changes.add(type + ": " + othersBefore.get(type) + " → " + value + " days");
            }
        });
        if (!changes.isEmpty()) {
            audit.success(tenant, caller, "retention.update", "retention", String.join("; ", changes));
        }
        return settings(after, types, othersAfter);
    }

    /**
     * The night's purge of one tenant, by the system: deletes what is due now and audits the counts, unless the
     * tenant's purge for this night is already recorded (by this or another instance). Empty then.
     */
    @Transactional
    public Optional<Purged> purgeNight(TenantId tenant, LocalDate night) {
        List<String> held = holds.stream().map(PatronReferenceHolds::heldReferences).toList();
        return purgeNight(tenantDatabase.bind(em, tenant), tenant, night, audit, types(), held, clock.instant());
    }

    /**
     * Records the tenant's purge for the night and purges, in the caller's transaction; empty when the night is
     * recorded already. The primary key decides between instances: a second instance's insert waits for the first
     * one's transaction and then finds the row (or, if the first one failed and rolled back, purges itself).
     */
    public static Optional<Purged> purgeNight(EntityManager bound, TenantId tenant, LocalDate night, AuditLog audit,
            List<RetainedRecords> types, List<String> heldReferences, Instant now) {
        int recorded = bound.createNativeQuery("insert into retention_purge_night (tenant_id, night, purged_at) "
                        + "values (?1, ?2, now()) on conflict do nothing")
                .setParameter(1, tenant.value()).setParameter(2, java.sql.Date.valueOf(night)).executeUpdate();
        if (recorded == 0) {
            return Optional.empty();
        }
        return purge(bound, tenant, Caller.SYSTEM, audit, types, heldReferences, now);
    }

    /**
     * The purge's work on an entity manager the caller has bound to the tenant inside its transaction (the timer's
     * through {@link #purgeNight(TenantId, LocalDate)}, or a test's): takes the tenant's turn, removes what is due, audits
     * {@code retention.purge} with the counts. Empty when another instance holds the tenant's turn.
     */
    public static Optional<Purged> purge(EntityManager bound, TenantId tenant, Caller caller, AuditLog audit,
            List<RetainedRecords> types, List<String> heldReferences, Instant now) {
        Object mine = bound.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "confidentiality-retention:" + tenant.value())
                .getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return Optional.empty();
        }
        Purged purged = new RetentionStore().purgeAll(bound, types, now, heldReferences);
        audit.success(tenant, caller, "retention.purge", "retention", purged.summary());
        return Optional.of(purged);
    }

    private List<RetainedRecords> types() {
        return retained.stream().sorted(Comparator.comparing(RetainedRecords::recordType)).toList();
    }

    static Map<RecordType, Integer> checked(Map<String, Integer> days) {
        return checked(days, List.of(), new LinkedHashMap<>());
    }

    /** This module's record types and their days; other contexts' go into {@code othersWanted}. */
    static Map<RecordType, Integer> checked(Map<String, Integer> days, List<RetainedRecords> others,
            Map<String, Integer> othersWanted) {
        List<Violation> problems = new ArrayList<>();
        Map<RecordType, Integer> wanted = new EnumMap<>(RecordType.class);
        Set<String> otherCodes = others.stream().map(RetainedRecords::recordType).collect(Collectors.toSet());
        days.forEach((code, value) -> {
            Optional<RecordType> type = RecordType.of(code);
            if (type.isEmpty() && !otherCodes.contains(code)) {
                List<String> known = new ArrayList<>(Arrays.stream(RecordType.values()).map(RecordType::code).toList());
                known.addAll(new TreeSet<>(otherCodes));
                problems.add(new Violation("periods." + code, Text.of("confidentiality.retention.unknown-type", String.join(", ", known))));
            } else if (value == null || value < RetentionPeriod.MIN_DAYS || value > RetentionPeriod.MAX_DAYS) {
                problems.add(new Violation("periods." + code, Text.of("confidentiality.retention.days", RetentionPeriod.MIN_DAYS,
                        RetentionPeriod.MAX_DAYS)));
            } else if (type.isPresent()) {
                wanted.put(type.get(), value);
            } else {
                othersWanted.put(code, value);
            }
        });
        if (!problems.isEmpty()) {
            throw Refusal.invalid(Text.of("confidentiality.retention.refused", problems.size()), problems);
        }
        return wanted;
    }

    private static Settings settings(Map<RecordType, Integer> days, List<RetainedRecords> types, Map<String, Integer> others) {
        List<Period> periods = new ArrayList<>(days.entrySet().stream()
                .map(e -> new Period(e.getKey().code(), e.getValue(), e.getKey().defaultDays(), e.getKey().countsFrom()))
                .toList());
        for (RetainedRecords type : types) {
            periods.add(new Period(type.recordType(), others.get(type.recordType()), type.defaultDays(), type.countsFrom()));
        }
        return new Settings(periods);
    }
}
