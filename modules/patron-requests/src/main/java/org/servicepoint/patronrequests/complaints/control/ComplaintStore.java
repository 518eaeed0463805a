package org.servicepoint.patronrequests.complaints.control;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.FieldCipher;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.patronrequests.complaints.control.ComplaintRules.Checked;
import org.servicepoint.patronrequests.complaints.entity.Complaint;
import org.servicepoint.patronrequests.complaints.entity.ComplaintStep;
import org.servicepoint.platform.control.FilteredQuery;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * Complaints on an entity manager already bound to the tenant. Plain Java: the transaction, the binding, the rules
 * file, the roster, the notices and the audit are the caller's ({@link Complaints}).
 */
public final class ComplaintStore {

    public static final int MAX_LIST = 500;

    private final TenantId tenant;
    private final ZoneId zone;
    private final Clock clock;
    private final TextSeal seal;

    /** A list's filters, the branch already narrowed by the branch rule; {@code overdue} null: either. */
    public record Filter(String branch, String state, Boolean overdue) {
    }

    public ComplaintStore(TenantId tenant, ZoneId zone, Clock clock, TextSeal seal) {
        this.tenant = tenant;
        this.zone = zone;
        this.clock = clock;
        this.seal = seal;
    }

    /** The complaint a request with this key, or for this comment card, recorded already. */
    public Optional<Complaint> repeat(EntityManager bound, String key, UUID commentCard) {
        if (key != null) {
            Optional<Complaint> same = bound.createQuery("select c from Complaint c where c.requestKey = :key", Complaint.class)
                    .setParameter("key", key).getResultStream().findFirst();
            if (same.isPresent()) {
                return same;
            }
        }
        if (commentCard != null) {
            return bound.createQuery("select c from Complaint c where c.commentCardId = :card", Complaint.class)
                    .setParameter("card", commentCard).getResultStream().findFirst();
        }
        return Optional.empty();
    }

    /**
     * Records a checked complaint with the next number of its year (library system's time) and its first step. Numbers
     * are handed out one at a time per library system and year, so two desks never get the same reference.
     */
    public Complaint record(EntityManager bound, Checked checked, Complaint.CitedPolicy policy, UUID contactId, String handledBy,
                            int respondWithinDays, String by) {
        Instant now = clock.instant();
        int year = now.atZone(zone).getYear();
        bound.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "complaint-number:" + tenant.value() + ":" + year)
                .getSingleResult();
        int next = ((Number) bound.createNativeQuery("select coalesce(max(number), 0) + 1 from complaint where tenant_id = ?1 and year = ?2")
                .setParameter(1, tenant.value()).setParameter(2, year).getSingleResult()).intValue();
        UUID id = UUID.randomUUID();
        Complaint complaint = new Complaint(id, new Complaint.Number(year, next), checked.branch(), checked.channel(),
                seal.seal(Complaint.TABLE, "about", id, checked.about()), seal.seal(Complaint.TABLE, "asks", id, checked.asks()),
                policy, contactId, checked.commentCard(), handledBy, now, ComplaintRules.due(now, zone, respondWithinDays), by,
                checked.key());
        bound.persist(complaint);
        bound.flush();
        step(bound, complaint, "received", now, by);
        return complaint;
    }

    /** A step of the complaint, at the given moment. */
    public void step(EntityManager bound, Complaint complaint, String step, Instant at, String by) {
        bound.persist(new ComplaintStep(complaint.id(), step, at, by));
    }

    /** One complaint, if the library system has it; whether the caller may see it is the caller's rule. */
    public Optional<Complaint> find(EntityManager bound, UUID id) {
        return Optional.ofNullable(id == null ? null : bound.find(Complaint.class, id));
    }

    /** Complaints matching the filter, newest first. */
    public List<Complaint> list(EntityManager bound, Filter filter) {
        OffsetDateTime now = stored(clock.instant());
        FilteredQuery query = new FilteredQuery("select c from Complaint c")
                .andIf("c.branchCode = :branch", "branch", filter.branch())
                .andIf("c.state = :state", "state", filter.state());
        if (filter.overdue() != null) {
            query = filter.overdue()
                    ? query.andIf("c.state in ('received', 'with-director') and c.dueAt < :now", "now", now)
                    : query.andIf("(c.state not in ('received', 'with-director') or c.dueAt >= :now)", "now", now);
        }
        return query.orderedBy(bound, "c.receivedAt desc, c.id", Complaint.class).setMaxResults(MAX_LIST).getResultList();
    }

    /** Open complaints (not closed), oldest first, at one branch or every branch. */
    public static List<Complaint> open(EntityManager bound, String branch) {
        return new FilteredQuery("select c from Complaint c")
                .andIf("c.state <> :closed", "closed", Complaint.CLOSED)
                .andIf("c.branchCode = :branch", "branch", branch)
                .orderedBy(bound, "c.receivedAt, c.id", Complaint.class).getResultList();
    }

    public List<ComplaintStep> steps(EntityManager bound, UUID complaint) {
        return bound.createQuery("select s from ComplaintStep s where s.complaintId = :id order by s.at, s.id", ComplaintStep.class)
                .setParameter("id", complaint).getResultList();
    }

    /** Complaints of every library system due and not yet responded to that headquarters has not been told of: ids only. */
    @SuppressWarnings("unchecked")
    public static List<Work> newlyOverdue(EntityManager any, Instant now, int max) {
        List<Object[]> rows = any.createNativeQuery("select tenant_id, complaint_id from complaints_newly_overdue(?1, ?2)")
                .setParameter(1, max).setParameter(2, stored(now)).getResultList();
        List<Work> work = new ArrayList<>();
        for (Object[] row : rows) {
            Object id = row[1];
            work.add(new Work(new TenantId((String) row[0]), id instanceof UUID u ? u : UUID.fromString(id.toString())));
        }
        return work;
    }

    /** One complaint of one library system, for work that crosses library systems. */
    public record Work(TenantId tenant, UUID id) {
    }

    /** A data key rotation: the complaints' texts sealed again with the ring's current key. */
    public static int reseal(EntityManager bound, KeyRing ring) {
        return SealedText.resealColumns(bound, ring, Complaint.TABLE, "about", "asks", "response", "close_note");
    }

    public boolean overdue(Complaint c) {
        return c.waiting() && c.dueAt().toInstant().isBefore(clock.instant());
    }

    public ComplaintSummary summary(Complaint c) {
        return new ComplaintSummary(c.id(), c.reference(), c.branchCode(), c.channel(), policy(c), c.state(), local(c.receivedAt()),
                local(c.dueAt()), overdue(c), local(c.directorToldAt()), local(c.directorOpenedAt()));
    }

    /** The complaint as the API shows it, its texts opened. */
    public ComplaintView view(Complaint c, List<ComplaintStep> steps, ComplaintView.HandledBy handledBy) {
        ComplaintView.Response response = c.respondedAt() == null ? null
                : new ComplaintView.Response(open(c, "response", c.sealedResponse()), c.responseChannel(), local(c.respondedAt()),
                        c.respondedBy());
        return new ComplaintView(c.id(), c.reference(), c.branchCode(), c.channel(), open(c, "about", c.sealedAbout()),
                open(c, "asks", c.sealedAsks()), policy(c), c.state(), local(c.receivedAt()), local(c.dueAt()), overdue(c), handledBy,
                local(c.directorToldAt()), local(c.directorOpenedAt()), response, local(c.closedAt()), c.contactId() != null,
                c.recordedBy(), steps.stream().map(s -> new ComplaintView.Step(local(s.at()), s.step(), s.byName())).toList(),
                c.commentCardId());
    }

    /** Seals a text of this complaint (a response, a closing note). */
    public byte[] seal(Complaint c, String column, String text) {
        return seal.seal(Complaint.TABLE, column, c.id(), text);
    }

    private static ComplaintView.CitedPolicy policy(Complaint c) {
        return c.policyKey() == null ? null : new ComplaintView.CitedPolicy(c.policyKey(), c.policyTitle(), c.policyCategory());
    }

    private String open(Complaint c, String column, byte[] sealed) {
        try {
            return seal.open(Complaint.TABLE, column, c.id(), sealed);
        } catch (FieldCipher.Unreadable broken) {
            throw Refusal.conflict(Text.of("patronrequests.complaints.sealed-broken", c.id()));
        }
    }

    private OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
