package org.servicepoint.policies.exceptions.control;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.FieldCipher;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FilteredQuery;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.exceptions.control.ExceptionRules.Checked;
import org.servicepoint.policies.exceptions.entity.PolicyException;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Exceptions on record on an entity manager already bound to the tenant. Plain Java: the transaction, the binding, the
 * policy's terms, the roster and the audit are the caller's ({@link PolicyExceptions}).
 */
public final class ExceptionStore {

    /** The table whose columns are sealed, as bound into each sealed value. */
    public static final String TABLE = "policy_exception";
    /** The longest list. */
    public static final int MAX_LIMIT = 500;

    private final TenantId tenant;
    private final TenantOutline library;
    private final Clock clock;
    private final TextSeal seal;
    private final Names names;

    /** Names shown beside ids and codes: tag names by roster id, current policy titles by key. */
    public record Names(Map<UUID, String> tagNames, Map<String, String> policyTitles) {
        public Names {
            tagNames = Map.copyOf(tagNames);
            policyTitles = Map.copyOf(policyTitles);
        }
    }

    /** The exception, and whether it was recorded now or is the one a repeated request already recorded. */
    public record Recorded(ExceptionView exception, boolean created) {
    }

    /** A list's filters, the branch already narrowed by the branch rule; days in the library system's time zone. */
    public record Filter(String policy, String branch, LocalDate from, LocalDate to, int limit) {
    }

    public ExceptionStore(TenantId tenant, TenantOutline library, Clock clock, TextSeal seal, Names names) {
        this.tenant = tenant;
        this.library = library;
        this.clock = clock;
        this.seal = seal;
        this.names = names;
    }

    /**
     * Records a checked exception, or answers the one the same caller recorded with the same content moments ago
     * (a double click, a retried request): safe to send again.
     */
    public Recorded record(EntityManager bound, Caller caller, Checked checked, PolicyException.Policy policy,
                           PolicyException.Approver approver) {
        Instant now = clock.instant();
        // One caller's exceptions are recorded one at a time, so a double click cannot slip past the repeat check.
        bound.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "policy-exception:" + tenant.value() + ":" + caller.name())
                .getSingleResult();
        Optional<PolicyException> repeat = repeatOf(bound, caller, checked, policy, approver, now);
        if (repeat.isPresent()) {
            return new Recorded(view(repeat.get()), false);
        }
        UUID id = UUID.randomUUID();
        PolicyException recorded = new PolicyException(id, policy, checked.branch(), seal.seal(TABLE, "asked", id, checked.asked()),
                seal.seal(TABLE, "granted", id, checked.granted()), approver, checked.patronReference(), checked.occurredAt(),
                caller.name(), now);
        bound.persist(recorded);
        bound.flush();
        return new Recorded(view(recorded), true);
    }

    /** Exceptions matching the filter, newest first. */
    public List<ExceptionView> list(EntityManager bound, Filter filter) {
        ZoneId zone = library.zone();
        return new FilteredQuery("select e from PolicyException e")
                .andIf("e.policyKey = :policy", "policy", filter.policy())
                .andIf("e.branchCode = :branch", "branch", filter.branch())
                .andIf("e.occurredAt >= :from", "from", filter.from() == null ? null : stored(filter.from().atStartOfDay(zone).toInstant()))
                .andIf("e.occurredAt < :to", "to", filter.to() == null ? null : stored(filter.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .orderedBy(bound, "e.occurredAt desc, e.id", PolicyException.class)
                .setMaxResults(Math.min(filter.limit(), MAX_LIMIT))
                .getResultList().stream().map(this::view).toList();
    }

    /** One exception, if the library system has it; whether the caller may see it is the caller's rule. */
    public Optional<PolicyException> find(EntityManager bound, UUID id) {
        return Optional.ofNullable(bound.find(PolicyException.class, id));
    }

    /** Every exception that happened on the days {@code from..to} (library system's time), as the report counts them. */
    public List<ConsistencyFigures.Counted> counted(EntityManager bound, LocalDate from, LocalDate to) {
        ZoneId zone = library.zone();
        return bound.createQuery("select e from PolicyException e where e.occurredAt >= :from and e.occurredAt < :to",
                        PolicyException.class)
                .setParameter("from", stored(from.atStartOfDay(zone).toInstant()))
                .setParameter("to", stored(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .getResultList().stream()
                .map(e -> new ConsistencyFigures.Counted(e.policyKey(), e.branchCode(), e.approvedBy(),
                        e.occurredAt().atZoneSameInstant(zone).toLocalDate()))
                .toList();
    }

    /** A data key rotation: what was asked and granted, sealed again with the ring's current key. */
    public static int reseal(EntityManager bound, KeyRing ring) {
        return SealedText.resealColumns(bound, ring, TABLE, "asked", "granted");
    }

    /** The exception as the API shows it, its texts opened. */
    public ExceptionView view(PolicyException e) {
        ZoneId zone = library.zone();
        String position = e.approverPosition();
        return new ExceptionView(e.id(), e.policyKey(), names.policyTitles().getOrDefault(e.policyKey(), e.policyKey()),
                e.policyVersion(), e.branchCode(), library.branchName(e.branchCode()), open(e, "asked", e.sealedAsked()),
                open(e, "granted", e.sealedGranted()),
                new ExceptionView.Approver(e.approvedBy(), names.tagNames().get(e.approvedBy()), position,
                        library.positionNames().getOrDefault(position, position)),
                e.toldOneTime(), e.patronReferenceId(), ExceptionView.local(e.occurredAt(), zone),
                ExceptionView.local(e.recordedAt(), zone), e.recordedBy());
    }

    private String open(PolicyException e, String column, byte[] sealed) {
        try {
            return seal.open(TABLE, column, e.id(), sealed);
        } catch (FieldCipher.Unreadable broken) {
            throw Refusal.conflict(Text.of("policies.exceptions.sealed-broken", e.id()));
        }
    }

    /** The same person recording the same exception again, moments after the first time. */
    private Optional<PolicyException> repeatOf(EntityManager bound, Caller caller, Checked checked, PolicyException.Policy policy,
                                               PolicyException.Approver approver, Instant now) {
        return bound.createQuery("select e from PolicyException e where e.recordedBy = :me and e.recordedAt >= :since "
                        + "and e.policyKey = :policy and e.branchCode = :branch and e.approvedBy = :approver "
                        + "order by e.recordedAt desc", PolicyException.class)
                .setParameter("me", caller.name())
                .setParameter("since", stored(now.minus(ExceptionRules.REPEAT_WINDOW)))
                .setParameter("policy", policy.key())
                .setParameter("branch", checked.branch())
                .setParameter("approver", approver.staffId())
                .getResultStream()
                .filter(e -> Objects.equals(e.patronReferenceId(), checked.patronReference())
                        // Without a time the first request happened "now"; a second "now" moments later is the same.
                        && (!checked.occurredGiven() || e.occurredAt().toInstant().equals(stored(checked.occurredAt()).toInstant()))
                        && open(e, "asked", e.sealedAsked()).equals(checked.asked())
                        && open(e, "granted", e.sealedGranted()).equals(checked.granted()))
                .findFirst();
    }
}
