package org.servicepoint.patronrequests.callbacks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.patronrequests.callbacks.control.CallBackViews.Colleague;
import org.servicepoint.patronrequests.callbacks.control.CallBackViews.Contact;
import org.servicepoint.patronrequests.callbacks.control.CallBackViews.Detail;
import org.servicepoint.patronrequests.callbacks.control.CallBackViews.InQueue;
import org.servicepoint.patronrequests.callbacks.control.CallBackViews.Step;
import org.servicepoint.patronrequests.callbacks.entity.CallBack;
import org.servicepoint.patronrequests.callbacks.entity.CallBackStep;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.patronrequests.control.PatronContacts;
import org.servicepoint.patronrequests.control.RulesFile;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffNotices;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * The call-back queue. Staff offer a call-back at their own branch (headquarters and tenant administrators at any);
 * the queue, claiming, attempts and handing over follow the one branch rule, applied in the query; a call-back the
 * caller may not see is answered as not found, like another library system's. Every change is audited; the question
 * and the contact are only ever opened for one call-back at a time, audited.
 */
@ApplicationScoped
public class CallBacks {

    /** The module's bundle: notices to staff are in the library system's language. */
    static final String TEXTS = "org.servicepoint.patronrequests.messages";

    public static final int QUESTION_MAX = 1000;
    public static final int QUEUE_MAX = 500;
    static final Set<String> OUTCOMES = Set.of("no-answer", "left-message", "done");
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final Pattern BRANCH = Pattern.compile("^[A-Z0-9][A-Z0-9-]{0,15}$");

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    PatronContacts contacts;

    @Inject
    SealedText sealedText;

    @Inject
    RulesFile rulesFile;

    @Inject
    Roster roster;

    @Inject
    StaffNotices notices;

    Clock clock = Clock.systemUTC();

    public record Offered(Detail callBack, boolean created) {
    }

    @Transactional
    public Offered offer(TenantId tenant, Caller caller, NewCallBack draft) {
        return offerAsOf(tenant, caller, draft, clock.instant());
    }

    /**
     * As {@link #offer}, as if offered at {@code offeredAt} (not in the future), due by the rule from then: for demo
     * data that shows a queue with history. Not reachable over the API.
     */
    @Transactional
    public Offered offerAsOf(TenantId tenant, Caller caller, NewCallBack draft, Instant offeredAt) {
        if (offeredAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("a call-back is not offered ahead of time");
        }
        List<Violation> found = new ArrayList<>();
        String question = checked(found, () -> FreeText.check("question", draft.question(), QUESTION_MAX, true, true));
        String branch = draft.branch();
        if (branch == null || !BRANCH.matcher(branch).matches()) {
            found.add(new Violation("branch", Text.of("patronrequests.callbacks.branch")));
        }
        if (draft.contact() == null) {
            found.add(new Violation("contact.email", Text.of("patronrequests.contact.email-or-phone")));
        } else {
            found.addAll(PatronContacts.check("contact.", draft.contact()));
        }
        if (draft.key() != null && !KEY.matcher(draft.key()).matches()) {
            found.add(new Violation("key", Text.of("patronrequests.callbacks.key")));
        }
        if (!found.isEmpty()) {
            throw Refusal.invalid(Text.of("patronrequests.callbacks.invalid"), found);
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantSpec spec = at.document();
        BranchSpec where = spec.branches().stream().filter(b -> b.code().equals(branch)).findFirst()
                .orElseThrow(() -> Refusal.invalid("branch", Text.of("patronrequests.callbacks.no-branch", branch)));
        at.requireCovers(branch);
        if (draft.key() != null) {
            CallBack earlier = at.db().createQuery("select c from CallBack c where c.offerKey = :key", CallBack.class)
                    .setParameter("key", draft.key()).getResultStream().findFirst().orElse(null);
            if (earlier != null) {
                return new Offered(detail(at, earlier, question, caller), false);
            }
        }
        ZoneId zone = ZoneId.of(spec.timeZone());
        Instant now = offeredAt;
        Instant due = CallBackDue.due(now, CallBackDue.Hours.of(where, zone), rulesFile.rules(at).callBacks());
        UUID contactId = contacts.keep(at, draft.contact());
        UUID id = UUID.randomUUID();
        String reference = CallBackNumbers.next(at.db(), now.atZone(zone).getYear());
        byte[] sealed = sealedText.seal(tenant, caller, CallBack.TABLE, "question", id, question);
        CallBack callBack = new CallBack(id, reference, branch, sealed, contactId, now, caller.name(), due, draft.key());
        at.db().persist(callBack);
        at.db().persist(new CallBackStep(id, "offered", null, null, now, caller.name()));
        at.db().flush();
        at.audit("call-back.offer", target(id), reference + " at " + branch + " due " + due);
        return new Offered(detail(at, callBack, question, caller), true);
    }

    /** The queue: open call-backs by due time (or, with {@code done}, those done, newest first). */
    @Transactional
    public List<InQueue> queue(TenantId tenant, Caller caller, String branch, boolean done) {
        if (branch != null && !BRANCH.matcher(branch).matches()) {
            throw Refusal.invalid("branch", Text.of("patronrequests.callbacks.branch"));
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        String narrowed = at.narrow(branch);
        if (narrowed != null && at.outline().branches().stream().noneMatch(b -> b.code().equals(narrowed))) {
            throw Refusal.notFound(Text.of("platform.not-found.branch", narrowed));
        }
        Instant now = clock.instant();
        return CallBackQueries.queue(at.db(), narrowed, done, QUEUE_MAX).stream().map(c -> InQueue.of(c, caller.name(), now)).toList();
    }

    /** One call-back with its question, opened for the caller (audited). */
    @Transactional
    public Detail read(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        CallBack callBack = visible(at, id, false);
        String question = sealedText.open(tenant, caller, CallBack.TABLE, "question", id, callBack.question());
        at.audit("call-back.read", target(id), null);
        return detail(at, callBack, question, caller);
    }

    /** Takes an open call-back on; claiming one already yours changes nothing, someone else's is refused (409). */
    @Transactional
    public Detail claim(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        CallBack callBack = visible(at, id, true);
        requireOpen(callBack);
        requireHolder(callBack, caller, at);
        return read(tenant, caller, id);
    }

    /** An attempt to reach the patron; an open call-back is claimed by the attempt, "done" closes it. */
    @Transactional
    public Detail attempt(TenantId tenant, Caller caller, UUID id, String outcome) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw Refusal.invalid("outcome", Text.of("patronrequests.callbacks.outcome"));
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        CallBack callBack = visible(at, id, true);
        requireOpen(callBack);
        requireHolder(callBack, caller, at);
        Instant now = clock.instant();
        at.db().persist(new CallBackStep(id, "attempt", outcome, null, now, caller.name()));
        if ("done".equals(outcome)) {
            callBack.close(now);
        }
        at.db().flush();
        at.audit("call-back.attempt", target(id), outcome);
        return read(tenant, caller, id);
    }

    /**
     * Hands a call-back to someone on the roster at its branch who signs in: by its holder, by whoever may take an
     * open one, or by a person in charge, headquarters or a tenant administrator. They get an in-app notice.
     */
    @Transactional
    public Detail handOver(TenantId tenant, Caller caller, UUID id, UUID staffId) {
        if (staffId == null) {
            throw Refusal.invalid("to", Text.of("patronrequests.callbacks.to"));
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        CallBack callBack = visible(at, id, true);
        requireOpen(callBack);
        if (callBack.claimedBy() != null && !callBack.claimedBy().equals(caller.name()) && !overseer(caller)) {
            throw Refusal.conflict(Text.of("patronrequests.callbacks.claimed", callBack.claimedBy()));
        }
        StaffRecord to = roster.everyone(tenant, caller).get(staffId);
        if (to == null || !to.active() || to.username() == null || !callBack.branchCode().equals(to.branch())) {
            throw Refusal.invalid("to", Text.of("patronrequests.callbacks.to"));
        }
        Instant now = clock.instant();
        callBack.claim(to.username(), now);
        at.db().persist(new CallBackStep(id, "handed-over", null, to.username(), now, caller.name()));
        at.db().flush();
        notices.tell(tenant, List.of(to), Messages.of(TEXTS, at.outline().language()).get("patronrequests.callbacks.notice.handed-over",
                callBack.reference(), callBack.branchCode(), caller.name()));
        at.audit("call-back.hand-over", target(id), "to staff/" + staffId);
        return read(tenant, caller, id);
    }

    /** How to reach the patron, for the one who holds the call-back, to make the call (audited, purpose "call-back"). */
    @Transactional
    public Contact contact(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        CallBack callBack = visible(at, id, false);
        requireOpen(callBack);
        if (!caller.name().equals(callBack.claimedBy())) {
            throw Refusal.conflict(Text.of("patronrequests.callbacks.claim-first"));
        }
        PatronContact contact = contacts.reveal(at, callBack.contactId(), "call-back")
                .orElseThrow(() -> Refusal.notFound(Text.of("patronrequests.callbacks.no-contact")));
        return new Contact(contact.name(), contact.phone(), contact.email(), contact.language());
    }

    /** Who a call-back at a branch may be handed to: the branch's active roster entries that sign in. */
    @Transactional
    public List<Colleague> colleagues(TenantId tenant, Caller caller, String branch) {
        if (branch == null || !BRANCH.matcher(branch).matches()) {
            throw Refusal.invalid("branch", Text.of("patronrequests.callbacks.branch"));
        }
        return roster.list(tenant, caller, branch, false).stream().filter(s -> s.active() && s.username() != null)
                .map(s -> new Colleague(s.id(), s.tagName(), s.username())).toList();
    }

    private void take(LibraryWork.InLibrary at, CallBack callBack, Caller caller) {
        Instant now = clock.instant();
        callBack.claim(caller.name(), now);
        at.db().persist(new CallBackStep(callBack.id(), "claimed", null, null, now, caller.name()));
        at.db().flush();
        at.audit("call-back.claim", target(callBack.id()), null);
    }

    /** The caller holds the call-back from now on: taken if nobody did, refused (409) if someone else holds it. */
    private void requireHolder(CallBack callBack, Caller caller, LibraryWork.InLibrary at) {
        if (callBack.claimedBy() == null) {
            take(at, callBack, caller);
        } else if (!callBack.claimedBy().equals(caller.name())) {
            throw Refusal.conflict(Text.of("patronrequests.callbacks.claimed", callBack.claimedBy()));
        }
    }

    private static void requireOpen(CallBack callBack) {
        if (!callBack.open()) {
            throw Refusal.conflict(Text.of("patronrequests.callbacks.done"));
        }
    }

    static boolean overseer(Caller caller) {
        return caller.roles().contains(Roles.PERSON_IN_CHARGE) || caller.roles().contains(Roles.HEADQUARTERS)
                || caller.roles().contains(Roles.TENANT_ADMIN);
    }

    /** A call-back of a branch the caller covers; anything else is not found (404), like another library system's. */
    static CallBack visible(LibraryWork.InLibrary at, UUID id, boolean forChange) {
        CallBack callBack = id == null ? null
                : forChange ? at.db().find(CallBack.class, id, LockModeType.PESSIMISTIC_WRITE) : at.db().find(CallBack.class, id);
        if (callBack == null || !at.covers(callBack.branchCode())) {
            throw Refusal.notFound(Text.of("patronrequests.callbacks.not-found", id));
        }
        return callBack;
    }

    private Detail detail(LibraryWork.InLibrary at, CallBack c, String question, Caller caller) {
        List<Step> steps = at.db().createQuery("select s from CallBackStep s where s.callBackId = :id order by s.at, s.step",
                        CallBackStep.class).setParameter("id", c.id()).getResultList().stream()
                .map(s -> new Step(s.at(), s.step(), s.outcome(), s.handedTo(), s.byName())).toList();
        Instant now = clock.instant();
        return new Detail(c.id(), c.reference(), c.branchCode(), c.state(), question, c.offeredAt(), c.offeredBy(), c.dueAt(),
                c.open() && c.dueAt().isBefore(now), c.claimedBy(), caller.name().equals(c.claimedBy()), c.closedAt(),
                c.contactId() != null, c.inChargeToldAt(), c.headquartersToldAt(), steps);
    }

    static String target(UUID id) {
        return "call-back/" + id;
    }

    private static <T> T checked(List<Violation> found, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (Refusal refusal) {
            found.addAll(refusal.violations());
            return null;
        }
    }
}
