package org.servicepoint.patronrequests.reconsideration.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.FieldCipher;
import org.servicepoint.confidentiality.control.KeyRing;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.patronrequests.control.PatronRequestRules;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationRules.Checked;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationRules.Decision;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationRules.Scheduled;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationRules.Step;
import org.servicepoint.patronrequests.reconsideration.entity.Reconsideration;
import org.servicepoint.patronrequests.reconsideration.entity.ReviewStep;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FilteredQuery;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * Requests to reconsider on an entity manager already bound to the tenant. Plain Java: the transaction, the binding,
 * the roster, events and the audit are the caller's ({@link Reconsiderations}); database tests drive it directly.
 * {@code review} is the library system's reconsideration rules, null when it has set up none.
 */
public final class ReconsiderationStore {

    /** The longest list. */
    public static final int MAX_LIST = 500;

    private final TenantId tenant;
    private final ZoneId zone;
    private final Clock clock;
    private final TextSeal seal;

    public ReconsiderationStore(TenantId tenant, ZoneId zone, Clock clock, TextSeal seal) {
        this.tenant = tenant;
        this.zone = zone;
        this.clock = clock;
        this.seal = seal;
    }

    /** Keeps a checked request with the next reference of the year, its texts sealed; its steps if a review is set up. */
    public Reconsideration receive(EntityManager bound, String branch, Checked checked, UUID contactId,
                                   PatronRequestRules.Reconsideration review) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String reference = nextReference(bound, now.atZone(zone).getYear());
        Reconsideration received = new Reconsideration(id, reference, branch, checked.item(),
                seal.seal(Reconsideration.TABLE, "objection", id, checked.objection()), checked.consumed(),
                seal.seal(Reconsideration.TABLE, "asks", id, checked.asks()), contactId, now);
        bound.persist(received);
        if (review != null) {
            planSteps(bound, id, review);
        }
        bound.flush();
        return received;
    }

    /** R-2026-0001, R-2026-0002, … per library system and year; two requests at once wait on the year's row. */
    String nextReference(EntityManager bound, int year) {
        Number last = (Number) bound.createNativeQuery("insert into reconsideration_number (tenant_id, year, last) "
                        + "values (?1, ?2, 1) on conflict (tenant_id, year) do update set last = reconsideration_number.last + 1 "
                        + "returning last")
                .setParameter(1, tenant.value())
                .setParameter(2, year)
                .getSingleResult();
        return String.format(java.util.Locale.ROOT, "R-%04d-%04d", year, last.intValue());
    }

    public Optional<Reconsideration> find(EntityManager bound, UUID id) {
        return Optional.ofNullable(bound.find(Reconsideration.class, id));
    }

    /** Requests at one branch (null: every branch) in one state (null: any), newest first. */
    public List<Reconsideration> list(EntityManager bound, String branch, String state) {
        return new FilteredQuery("select r from Reconsideration r")
                .andIf("r.branchCode = :branch", "branch", branch)
                .andIf("r.state = :state", "state", state)
                .orderedBy(bound, "r.receivedAt desc, r.id", Reconsideration.class)
                .setMaxResults(MAX_LIST)
                .getResultList();
    }

    /** The open (undecided) requests at one branch (null: every branch), oldest first. */
    public List<Reconsideration> open(EntityManager bound, String branch) {
        return new FilteredQuery("select r from Reconsideration r")
                .andIf("r.state <> :decided", "decided", Reconsideration.DECIDED)
                .andIf("r.branchCode = :branch", "branch", branch)
                .orderedBy(bound, "r.receivedAt, r.id", Reconsideration.class)
                .getResultList();
    }

    /**
     * A request's steps: those stored when its review could start, else the ones the rules would give it now (none
     * without a review set up).
     */
    public List<Step> steps(EntityManager bound, Reconsideration r, PatronRequestRules.Reconsideration review) {
        List<ReviewStep> stored = stored(bound, List.of(r.id())).getOrDefault(r.id(), List.of());
        if (!stored.isEmpty()) {
            return stored.stream().map(ReconsiderationStore::step).toList();
        }
        return review == null ? List.of() : review.steps().stream().map(s -> new Step(s.step(), s.days(), null, null, null)).toList();
    }

    /** The steps of several requests at once (a list), by request. */
    public Map<UUID, List<Step>> steps(EntityManager bound, Collection<Reconsideration> requests, PatronRequestRules.Reconsideration review) {
        Map<UUID, List<ReviewStep>> stored = stored(bound, requests.stream().map(Reconsideration::id).toList());
        Map<UUID, List<Step>> steps = new HashMap<>();
        for (Reconsideration r : requests) {
            List<ReviewStep> own = stored.getOrDefault(r.id(), List.of());
            steps.put(r.id(), !own.isEmpty() ? own.stream().map(ReconsiderationStore::step).toList()
                    : review == null ? List.of() : review.steps().stream().map(s -> new Step(s.step(), s.days(), null, null, null)).toList());
        }
        return steps;
    }

    /**
     * A step of the review done by {@code caller} (holding the roster positions {@code held}) with a note: refused
     * when no review is set up or the request is decided (409), when the caller is not on the committee, headquarters
     * or a tenant administrator (403), for an unknown step (404), and out of order or the decision's step (409).
     */
    public Reconsideration complete(EntityManager bound, Reconsideration r, String step, String note, Caller caller,
                                    Collection<String> held, PatronRequestRules.Reconsideration review) {
        requireOpenReview(r, caller, held, review);
        List<ReviewStep> stored = ensureSteps(bound, r.id(), review);
        ReconsiderationRules.requireNext(stored.stream().map(ReconsiderationStore::step).toList(), step);
        ReviewStep doing = stored.stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow();
        doing.done(clock.instant(), caller.name(), note);
        r.reviewed();
        bound.flush();
        return r;
    }

    /** The committee's decision, which is the review's last step; every step before it must be done (409 otherwise). */
    public Reconsideration decide(EntityManager bound, Reconsideration r, Decision decision, Caller caller, Collection<String> held,
                                  PatronRequestRules.Reconsideration review) {
        requireOpenReview(r, caller, held, review);
        List<ReviewStep> stored = ensureSteps(bound, r.id(), review);
        ReconsiderationRules.requireReadyToDecide(stored.stream().map(ReconsiderationStore::step).toList());
        Instant now = clock.instant();
        if (!stored.isEmpty()) {
            stored.get(stored.size() - 1).done(now, caller.name(), null);
        }
        r.decide(decision.outcome(), decision.reasons(), now, caller.name());
        bound.flush();
        return r;
    }

    private static void requireOpenReview(Reconsideration r, Caller caller, Collection<String> held,
                                          PatronRequestRules.Reconsideration review) {
        if (review == null) {
            throw Refusal.conflict(Text.of("patronrequests.reconsideration.not-set-up"));
        }
        if (r.decided()) {
            throw Refusal.conflict(Text.of("patronrequests.reconsideration.decided-already", r.reference()));
        }
        if (!ReconsiderationRules.mayReview(caller, held, review.committee())) {
            throw Refusal.forbidden(Text.of("patronrequests.reconsideration.forbidden.review"));
        }
    }

    /** The stored steps, or the rules' steps stored now: a review under way keeps the steps it started with. */
    private List<ReviewStep> ensureSteps(EntityManager bound, UUID id, PatronRequestRules.Reconsideration review) {
        List<ReviewStep> stored = stored(bound, List.of(id)).getOrDefault(id, List.of());
        return stored.isEmpty() ? planSteps(bound, id, review) : stored;
    }

    private static List<ReviewStep> planSteps(EntityManager bound, UUID id, PatronRequestRules.Reconsideration review) {
        List<ReviewStep> planned = new ArrayList<>();
        for (int i = 0; i < review.steps().size(); i++) {
            ReviewStep step = new ReviewStep(id, i, review.steps().get(i).step(), review.steps().get(i).days());
            bound.persist(step);
            planned.add(step);
        }
        return planned;
    }

    private static Map<UUID, List<ReviewStep>> stored(EntityManager bound, List<UUID> ids) {
        Map<UUID, List<ReviewStep>> byRequest = new HashMap<>();
        if (ids.isEmpty()) {
            return byRequest;
        }
        bound.createQuery("select s from ReviewStep s where s.reconsiderationId in :ids order by s.ordinal", ReviewStep.class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(s -> byRequest.computeIfAbsent(s.reconsiderationId(), k -> new ArrayList<>()).add(s));
        return byRequest;
    }

    private static Step step(ReviewStep s) {
        return new Step(s.step(), s.days(), s.doneAt() == null ? null : s.doneAt().toInstant(), s.doneBy(), s.note());
    }

    /** The steps with their due dates. */
    public List<Scheduled> schedule(Reconsideration r, List<Step> steps) {
        return ReconsiderationRules.schedule(steps, r.receivedAt().toInstant(), zone);
    }

    /** The step the review waits for, with its due date; null once decided or when there is no review. */
    public ReconsiderationSummary.CurrentStep currentStep(Reconsideration r, List<Step> steps) {
        Scheduled current = r.decided() ? null : ReconsiderationRules.current(schedule(r, steps));
        return current == null ? null
                : new ReconsiderationSummary.CurrentStep(current.step().step(), current.dueAt(), current.overdue(clock.instant()));
    }

    public ReconsiderationSummary summary(Reconsideration r, List<Step> steps) {
        return new ReconsiderationSummary(r.id(), r.reference(), r.branchCode(), item(r), r.state(), r.receivedAt().toInstant(),
                currentStep(r, steps));
    }

    /** The whole request, its texts opened (the caller audits the read). */
    public ReconsiderationView view(Reconsideration r, List<Step> steps, PatronRequestRules.Reconsideration review,
                                    List<ReconsiderationView.CommitteeSeat> committee) {
        Instant now = clock.instant();
        List<ReconsiderationView.StepView> stepViews = schedule(r, steps).stream()
                .map(s -> new ReconsiderationView.StepView(s.step().step(), s.step().days(), s.dueAt(), s.step().doneAt(),
                        s.step().by(), s.step().note(), !r.decided() && s.overdue(now)))
                .toList();
        ReconsiderationView.Decision decision = r.decided()
                ? new ReconsiderationView.Decision(r.outcome(), r.reasons(), r.decidedAt().toInstant(), r.decidedBy()) : null;
        return new ReconsiderationView(r.id(), r.reference(), r.branchCode(), item(r), objection(r), r.consumed(), asks(r),
                r.receivedAt().toInstant(), r.state(), review == null ? null : review.itemDuringReview(), committee, stepViews,
                decision, r.contactId() != null, r.decided());
    }

    public String objection(Reconsideration r) {
        return open(r, "objection", r.sealedObjection());
    }

    public String asks(Reconsideration r) {
        return open(r, "asks", r.sealedAsks());
    }

    /** A data key rotation: what patrons objected to and asked for, sealed again with the ring's current key. */
    public static int reseal(EntityManager bound, KeyRing ring) {
        return SealedText.resealColumns(bound, ring, Reconsideration.TABLE, "objection", "asks");
    }

    static ReconsiderationView.Item item(Reconsideration r) {
        Reconsideration.Item item = r.item();
        return new ReconsiderationView.Item(item.title(), item.author(), item.format());
    }

    private String open(Reconsideration r, String column, byte[] sealed) {
        try {
            return seal.open(Reconsideration.TABLE, column, r.id(), sealed);
        } catch (FieldCipher.Unreadable broken) {
            throw Refusal.conflict(Text.of("patronrequests.reconsideration.sealed-broken", r.reference()));
        }
    }
}
