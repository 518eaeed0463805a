package org.servicepoint.bans.control;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.bans.control.BanRules.Checked;
import org.servicepoint.bans.entity.BanScope;
import org.servicepoint.bans.entity.BanStatus;
import org.servicepoint.bans.entity.ComputerUseBan;
import org.servicepoint.confidentiality.control.FieldCipher;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Computer-use bans on an entity manager already bound to the tenant. Plain Java: the transaction, the binding,
 * the patron reference, the incident report and the audit are the caller's ({@link ComputerUseBans}).
 */
public final class BanStore {

    /** In force at :now, in JPQL; the same rule as {@link ComputerUseBan#statusAt}. */
    private static final String ACTIVE = "b.liftedAt is null and b.startsAt <= :now and b.endsAt > :now";

    private final TenantId tenant;
    private final TenantOutline library;
    private final Clock clock;
    private final TextSeal seal;

    public BanStore(TenantId tenant, TenantOutline library, Clock clock, TextSeal seal) {
        this.tenant = tenant;
        this.library = library;
        this.clock = clock;
        this.seal = seal;
    }

    /** The table and columns whose text is sealed, as bound into each sealed value. */
    public static final String TABLE = "computer_use_ban";

    static String reasonOf(TextSeal seal, ComputerUseBan ban) {
        return open(ban.id(), () -> seal.open(TABLE, "reason", ban.id(), ban.sealedReason()));
    }

    static String liftReasonOf(TextSeal seal, ComputerUseBan ban) {
        return open(ban.id(), () -> seal.open(TABLE, "lift_reason", ban.id(), ban.sealedLiftReason()));
    }

    private static String open(UUID id, java.util.function.Supplier<String> opening) {
        try {
            return opening.get();
        } catch (FieldCipher.Unreadable e) {
            throw Refusal.conflict(Text.of("bans.ban.sealed-broken", id));
        }
    }

    /** The ban, and whether it was made now or is the one a repeated request already made. */
    public record Imposed(BanView ban, boolean created) {
    }

    /** The desk's answer, and the ban behind a "yes" (for the audit line only). */
    public record Found(BanLookup answer, UUID banId) {
    }

    public Imposed impose(EntityManager bound, Caller caller, UUID patronReferenceId, UUID incidentReportId, Checked checked) {
        if (!BanRules.mayImpose(caller, tenant, checked.scope(), checked.branch())) {
            throw BanRules.forbidden(checked.scope() == BanScope.BRANCH
                    ? Text.of("bans.forbidden.own-branch")
                    : Text.of("bans.forbidden.in-charge-only"));
        }
        Instant now = clock.instant();
        // One patron's bans are imposed one at a time, so a double click cannot slip past the repeat check below.
        bound.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "computer-use-ban:" + tenant.value() + ":" + patronReferenceId)
                .getSingleResult();
        Optional<ComputerUseBan> repeat = repeatOf(bound, caller, patronReferenceId, incidentReportId, checked, now);
        if (repeat.isPresent()) {
            return new Imposed(BanView.of(repeat.get(), library, now, seal), false);
        }
        UUID id = UUID.randomUUID();
        ComputerUseBan ban = new ComputerUseBan(id, patronReferenceId, incidentReportId, checked.scope(), checked.branch(),
                checked.startsAt(), checked.endsAt(), seal.seal(TABLE, "reason", id, checked.reason()), checked.reviewOn(),
                caller.name(), now);
        bound.persist(ban);
        try {
            bound.flush();
        } catch (PersistenceException e) {
            if (sqlState(e, "23503")) {
                // Checked before, so only a report that vanished in between gets here.
                throw Refusal.invalid("incidentReportId", Text.of("bans.report.unknown"));
            }
            throw e;
        }
        return new Imposed(BanView.of(ban, library, now, seal), true);
    }

    public BanView read(EntityManager bound, Caller caller, UUID id) {
        return BanView.of(visible(bound, caller, id), library, clock.instant(), seal);
    }

    public List<BanView> list(EntityManager bound, Caller caller, BanFilter filter) {
        if (filter.branch() != null && !library.hasBranch(filter.branch())) {
            throw Refusal.invalid("branch", Text.of("bans.branch.unknown"));
        }
        Instant now = clock.instant();
        StringBuilder jpql = new StringBuilder("select b from ComputerUseBan b where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!BanRules.seesAll(caller)) {
            jpql.append(" and (b.scope = :system or b.branchCode = :own or b.createdBy = :me)");
            parameters.put("own", BanRules.callerBranch(caller).orElse(""));
            parameters.put("me", caller.name());
            parameters.put("system", BanScope.SYSTEM);
        }
        if (filter.branch() != null) {
            jpql.append(" and (b.scope = :system or b.branchCode = :branch)");
            parameters.put("branch", filter.branch());
            parameters.put("system", BanScope.SYSTEM);
        }
        if (filter.status() != null) {
            jpql.append(" and ").append(switch (filter.status()) {
                case UPCOMING -> "b.liftedAt is null and b.startsAt > :now";
                case ACTIVE -> ACTIVE;
                case ENDED -> "b.liftedAt is null and b.endsAt <= :now";
                case LIFTED -> "b.liftedAt is not null";
            });
            if (filter.status() != BanStatus.LIFTED) {
                parameters.put("now", stored(now));
            }
        }
        if (filter.reviewDue() != null) {
            String due = "(" + ACTIVE + " and b.reviewOn is not null and b.reviewOn <= :today)";
            jpql.append(filter.reviewDue() ? " and " + due : " and not " + due);
            parameters.put("now", stored(now));
            parameters.put("today", LocalDate.ofInstant(now, library.zone()));
        }
        jpql.append(" order by b.startsAt desc, b.id");
        TypedQuery<ComputerUseBan> query = bound.createQuery(jpql.toString(), ComputerUseBan.class).setMaxResults(filter.limit());
        parameters.forEach(query::setParameter);
        return query.getResultList().stream().map(b -> BanView.of(b, library, now, seal)).toList();
    }

    public BanView lift(EntityManager bound, Caller caller, UUID id, String reason, Long versionRead) {
        ComputerUseBan ban = visible(bound, caller, id);
        if (!BanRules.mayLift(caller, tenant, ban.scope(), ban.branchCode(), ban.createdBy())) {
            throw BanRules.forbidden(Text.of("bans.forbidden.lift"));
        }
        String why = BanRules.liftReason(reason);
        Instant now = clock.instant();
        BanStatus status = ban.statusAt(now);
        if (status == BanStatus.LIFTED) {
            throw Refusal.conflict(Text.of("bans.ban.lifted-already", id));
        }
        if (status == BanStatus.ENDED) {
            throw Refusal.conflict(Text.of("bans.ban.ended-already", id));
        }
        if (versionRead != null && versionRead != ban.version()) {
            throw Refusal.conflict(Text.of("bans.ban.changed", id));
        }
        ban.lift(now, caller.name(), seal.seal(TABLE, "lift_reason", id, why));
        try {
            bound.flush();
        } catch (OptimisticLockException e) {
            throw Refusal.conflict(Text.of("bans.ban.lifted-just-now", id));
        } catch (PersistenceException e) {
            if (sqlState(e, "23514")) {
                throw Refusal.conflict(Text.of("bans.ban.lifted-already", id));
            }
            throw e;
        }
        return BanView.of(ban, library, now, seal);
    }

    /** Whether a ban of this patron is in force at the branch now: the one that ends last, if several are. */
    public Found lookup(EntityManager bound, UUID patronReferenceId, String branch) {
        Instant now = clock.instant();
        Optional<ComputerUseBan> applying = bound.createQuery("select b from ComputerUseBan b where b.patronReferenceId = :patron and "
                        + ACTIVE + " and (b.scope = :system or b.branchCode = :branch) order by b.endsAt desc", ComputerUseBan.class)
                .setParameter("patron", patronReferenceId)
                .setParameter("now", stored(now))
                .setParameter("system", BanScope.SYSTEM)
                .setParameter("branch", branch)
                .setMaxResults(1)
                .getResultStream().findFirst()
                // The query and the entity say the same; the entity's rule has the last word.
                .filter(b -> b.appliesAt(branch, now));
        return applying.map(b -> new Found(new BanLookup(true, BanView.local(b.endsAt(), library.zone()), BanView.wire(b.scope()), branch),
                        b.id()))
                .orElseGet(() -> new Found(BanLookup.notBanned(branch), null));
    }

    /** A ban the caller may see; any other (another library system's, another branch's) does not exist for them. */
    private ComputerUseBan visible(EntityManager bound, Caller caller, UUID id) {
        return Optional.ofNullable(bound.find(ComputerUseBan.class, id))
                .filter(b -> BanRules.sees(caller, tenant, b.scope(), b.branchCode(), b.createdBy()))
                .orElseThrow(() -> Refusal.notFound(Text.of("bans.not-found.ban", id)));
    }

    /** The same person asking for the same ban of the same patron again, moments after the first time. */
    private Optional<ComputerUseBan> repeatOf(EntityManager bound, Caller caller, UUID patronReferenceId, UUID incidentReportId,
                                              Checked checked, Instant now) {
        OffsetDateTime since = stored(now.minus(BanRules.REPEAT_WINDOW));
        OffsetDateTime starts = stored(checked.startsAt());
        OffsetDateTime ends = stored(checked.endsAt());
        return bound.createQuery("select b from ComputerUseBan b where b.patronReferenceId = :patron and b.createdBy = :me "
                        + "and b.createdAt >= :since and b.liftedAt is null order by b.createdAt desc", ComputerUseBan.class)
                .setParameter("patron", patronReferenceId)
                .setParameter("me", caller.name())
                .setParameter("since", since)
                .getResultStream()
                .filter(b -> b.scope() == checked.scope() && Objects.equals(b.branchCode(), checked.branch())
                        && b.endsAt().isEqual(ends) && reasonOf(seal, b).equals(checked.reason())
                        && Objects.equals(b.reviewOn(), checked.reviewOn()) && Objects.equals(b.incidentReportId(), incidentReportId)
                        // Without a start the first request started "now"; a second "now" moments later is the same.
                        && (!checked.startGiven() || b.startsAt().isEqual(starts)))
                .findFirst();
    }

    static boolean sqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
