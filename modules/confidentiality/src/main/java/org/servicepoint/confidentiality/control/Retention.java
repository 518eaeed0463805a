package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.servicepoint.confidentiality.control.RetentionStore.Purged;
import org.servicepoint.confidentiality.entity.RetentionPeriod;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;

/** Each library system's retention periods, and the purge that enforces them. The audit log is never purged. */
@ApplicationScoped
public class Retention {

    /** Other contexts' references still in use (bans, incident reports): never purged. */
    @Inject
    @Any
    Instance<PatronReferenceHolds> holds;

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
        return settings(new RetentionStore().periods(tenantDatabase.bind(em, tenant)));
    }

    /** Sets the periods given (record type code → days); a type left out goes back to its default. */
    @Transactional
    public Settings change(TenantId tenant, Caller caller, Map<String, Integer> days) {
        Access.require(Access.administers(caller, tenant));
        Map<RecordType, Integer> wanted = checked(days);
        EntityManager bound = tenantDatabase.bind(em, tenant);
        RetentionStore store = new RetentionStore();
        Map<RecordType, Integer> before = store.periods(bound);
        Map<RecordType, Integer> after = store.change(bound, wanted);
        List<String> changes = new ArrayList<>();
        after.forEach((type, value) -> {
            if (!value.equals(before.get(type))) {
                changes.add(type.code() + ": " + before.get(type) + " → " + value + " days");
            }
        });
        if (!changes.isEmpty()) {
            audit.success(tenant, caller, "retention.update", "retention", String.join("; ", changes));
        }
        return settings(after);
    }

    /**
     * Deletes what is due for one tenant now, in this transaction, and audits the counts. Instances that run
     * the schedule at the same moment take turns: one purges, the others skip the tenant.
     */
    @Transactional
    public Optional<Purged> purge(TenantId tenant, Caller caller) {
        Access.require(Access.isSystem(caller) || Access.administers(caller, tenant));
        EntityManager bound = tenantDatabase.bind(em, tenant);
        Object mine = bound.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "confidentiality-retention:" + tenant.value())
                .getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return Optional.empty();
        }
        List<String> held = holds.stream().map(PatronReferenceHolds::heldReferences).toList();
        RetentionStore store = new RetentionStore();
        Purged purged = store.purge(bound, store.periods(bound), clock.instant(), held);
        audit.success(tenant, caller, "retention.purge", "retention", purged.summary());
        return Optional.of(purged);
    }

    static Map<RecordType, Integer> checked(Map<String, Integer> days) {
        List<Violation> problems = new ArrayList<>();
        Map<RecordType, Integer> wanted = new EnumMap<>(RecordType.class);
        days.forEach((code, value) -> {
            Optional<RecordType> type = RecordType.of(code);
            if (type.isEmpty()) {
                problems.add(new Violation("periods." + code, "is not a record type; known: disclosure-request, patron-reference"));
            } else if (value == null || value < RetentionPeriod.MIN_DAYS || value > RetentionPeriod.MAX_DAYS) {
                problems.add(new Violation("periods." + code, "must be " + RetentionPeriod.MIN_DAYS + " to "
                        + RetentionPeriod.MAX_DAYS + " days"));
            } else {
                wanted.put(type.get(), value);
            }
        });
        if (!problems.isEmpty()) {
            throw Refusal.invalid(problems.size() + " retention period(s) are not acceptable", problems);
        }
        return wanted;
    }

    private static Settings settings(Map<RecordType, Integer> days) {
        return new Settings(days.entrySet().stream()
                .map(e -> new Period(e.getKey().code(), e.getValue(), e.getKey().defaultDays(), e.getKey().countsFrom()))
                .toList());
    }
}
