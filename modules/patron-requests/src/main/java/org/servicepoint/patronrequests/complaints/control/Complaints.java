package org.servicepoint.patronrequests.complaints.control;

import org.servicepoint.patronrequests.entity.ContactChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.patronrequests.complaints.control.ComplaintRules.Checked;
import org.servicepoint.patronrequests.complaints.entity.Complaint;
import org.servicepoint.patronrequests.control.MailToSend;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.patronrequests.control.PatronContacts;
import org.servicepoint.patronrequests.control.PatronRequestRules;
import org.servicepoint.patronrequests.control.PatronUpdate;
import org.servicepoint.patronrequests.control.RulesFile;
import org.servicepoint.patronrequests.entity.StoredContact;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.control.PolicyLibrary;
import org.servicepoint.policies.control.PolicyTerms;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffNotices;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.TenantDirectory;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Complaints: recorded by staff at their branch (or from a comment card), the handling position told first, in the
 * same transaction, in the app and by mail; opened, responded to, closed. Each step is audited with ids, the
 * reference, branches and positions, never with what the patron said. Overdue ones are told to headquarters once.
 */
@ApplicationScoped
public class Complaints {

    static final String TEXTS = "org.servicepoint.patronrequests.messages";
    static final List<String> STATES = List.of(Complaint.RECEIVED, Complaint.WITH_DIRECTOR, Complaint.RESPONDED, Complaint.CLOSED);

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    TenantDirectory directory;

    @Inject
    PolicyLibrary policies;

    @Inject
    Roster roster;

    @Inject
    StaffNotices notices;

    @Inject
    PatronContacts contacts;

    @Inject
    RulesFile rulesFile;

    @Inject
    SealedText sealedText;

    @Inject
    Event<MailToSend> mail;

    @Inject
    Event<PatronUpdate> updates;

    Clock clock = Clock.systemUTC();

    /** The complaint, and whether it was recorded now or is the one a repeated request (same key or card) recorded. */
    public record Recorded(ComplaintView complaint, boolean created) {
    }

    /** {@link #record(TenantWork.Acting, NewComplaint)} in a transaction of its own, for the API. */
    @Transactional
    public Recorded record(TenantId tenant, Caller caller, NewComplaint draft) {
        requireStaff(caller, tenant);
        return recordIn(work.actFor(em, tenant, caller), draft);
    }

    /**
     * Records a complaint in the caller's transaction ({@code at} acts on the patron-requests unit; a comment card
     * becomes a complaint this way) and tells the handling position at once: the notices and the mails exist exactly
     * when the complaint does. Refused with nothing stored: bad input or an unknown policy (400), another branch (403).
     */
    @Transactional(TxType.MANDATORY)
    public Recorded record(TenantWork.Acting at, NewComplaint draft) {
        requireStaff(at.caller(), at.tenant());
        return recordIn(at, draft);
    }

    private Recorded recordIn(TenantWork.Acting at, NewComplaint draft) {
        TenantOutline library = directory.outline(at.tenant());
        Checked checked = ComplaintRules.check(draft, library, at.caller());
        ComplaintStore store = store(at, library);
        EntityManager bound = at.db();
        Map<UUID, StaffRecord> everyone = roster.everyone(at.tenant(), at.caller());
        Optional<Complaint> repeat = store.repeat(bound, checked.key(), at.caller().name(), checked.commentCard());
        if (repeat.isPresent()) {
            Complaint same = repeat.get();
            if (!at.covers(same.branchCode()) && !routedTo(at.caller(), same, library, everyone.values())) {
                // A card turned into a complaint elsewhere: say so without showing it.
                throw Refusal.conflict(Text.of("patronrequests.complaints.card-taken"));
            }
            at.audit("complaint.record", target(at.tenant(), same.id()), same.reference()
                    + ": the same request again (key or comment card): the complaint already recorded returned, nothing new stored");
            return new Recorded(view(at, library, store, same, everyone.values()), false);
        }
        Complaint.CitedPolicy policy = null;
        if (checked.policy() != null) {
            PolicyTerms terms = policies.find(at.tenant(), at.caller(), checked.policy())
                    .orElseThrow(() -> Refusal.invalid("policy", Text.of("patronrequests.complaints.policy.unknown", checked.policy())));
            policy = new Complaint.CitedPolicy(terms.key(), terms.title(), terms.category());
        }
        if (checked.contactId() != null && contacts.language(at, checked.contactId()).isEmpty()) {
            throw Refusal.invalid("contactId", Text.of("patronrequests.complaints.contact.unknown"));
        }
        PatronRequestRules.Complaints rules = rulesFile.rules(at).complaints();
        UUID contactId = checked.contact() != null ? contacts.keep(at, checked.contact()) : checked.contactId();
        Complaint made = store.record(bound, checked, policy, contactId, rules.handledBy(), rules.respondWithinDays(), at.caller().name());
        at.audit("complaint.record", target(at.tenant(), made.id()), made.reference() + " at " + made.branchCode() + " by "
                + made.channel() + (policy == null ? "" : ", policy " + policy.key()) + (contactId == null ? "" : ", with a contact")
                + (made.commentCardId() == null ? "" : ", from comment card " + made.commentCardId()) + ", due " + made.dueAt());
        tellFirst(at, library, store, made, rules, everyone.values());
        return new Recorded(view(at, library, store, made, everyone.values()), true);
    }

    /**
     * The handling position's holders, then (for the categories the rules name) headquarters, each in the app and by mail
     * to their roster address: before any other step, in the recording transaction. The texts name the reference, the
     * branch and the policy's title only.
     */
    private void tellFirst(TenantWork.Acting at, TenantOutline library, ComplaintStore store, Complaint made,
                           PatronRequestRules.Complaints rules, Collection<StaffRecord> everyone) {
        Instant now = clock.instant();
        Messages text = Messages.of(TEXTS, library.language());
        String branch = library.branchName(made.branchCode());
        String due = text.dateTime(made.dueAt(), library.zone());
        String notice = made.policyTitle() == null
                ? text.get("patronrequests.complaints.notice.new", made.reference(), branch, due)
                : text.get("patronrequests.complaints.notice.new-policy", made.reference(), branch, made.policyTitle(), due);
        List<StaffRecord> handlers = ComplaintRouting.handlers(made.handledBy(), made.branchCode(), library, everyone);
        Told told = tell(at, library, text, handlers, "complaint-told:" + made.id(),
                text.get("patronrequests.complaints.mail.subject", made.reference(), branch), notice);
        if (told.any()) {
            made.toldDirector(now);
            store.step(at.db(), made, "director-told", now, Caller.SYSTEM.name());
        }
        at.audit("complaint.director-told", target(at.tenant(), made.id()), made.reference() + ": "
                + (made.handledBy() == null ? "persons in charge of " + made.branchCode() : made.handledBy()) + ", " + handlers.size()
                + " person(s), " + told + (told.any() ? "" : "; nobody could be told"));
        if (made.policyCategory() != null && rules.alsoToHeadquarters().contains(made.policyCategory())) {
            List<StaffRecord> headquarters = ComplaintRouting.headquarters(rules, library, everyone).stream()
                    .filter(p -> handlers.stream().noneMatch(h -> h.id().equals(p.id()))).toList();
            Told hq = tell(at, library, text, headquarters, "complaint-headquarters:" + made.id(),
                    text.get("patronrequests.complaints.mail.subject", made.reference(), branch),
                    text.get("patronrequests.complaints.notice.headquarters", made.reference(), branch, made.policyTitle(), due));
            store.step(at.db(), made, "headquarters-told", now, Caller.SYSTEM.name());
            at.audit("complaint.headquarters-told", target(at.tenant(), made.id()), made.reference() + ": category "
                    + made.policyCategory() + ", " + headquarters.size() + " person(s), " + hq);
        }
    }

    /** How many people were told in the app and by mail. */
    record Told(int notices, int mails) {
        boolean any() {
            return notices > 0 || mails > 0;
        }

        @Override
        public String toString() {
            return notices + " notice(s), " + mails + " mail(s)";
        }
    }

    /** In-app notices through staffing, and a mail to each roster address through the outbox (key: once per person). */
    private Told tell(TenantWork.Acting at, TenantOutline library, Messages text, List<StaffRecord> people, String key, String subject,
                      String notice) {
        int told = notices.tell(at.tenant(), people, notice);
        int mails = 0;
        for (StaffRecord person : people) {
            if (person.email() != null && !person.email().isBlank()) {
                mail.fire(new MailToSend(at.tenant(), key + ":" + person.id(), MailToSend.Audience.STAFF, person.id(), person.tagName(),
                        person.email(), subject, text.get("patronrequests.complaints.mail.body", person.tagName(), notice, library.name())));
                mails++;
            }
        }
        return new Told(told, mails);
    }

    /** Complaints the caller may see, newest first: their branch's; every branch's for headquarters, tenant admins and the handling position. */
    @Transactional
    public List<ComplaintSummary> list(TenantId tenant, Caller caller, String branch, String state, Boolean overdue) {
        requireStaff(caller, tenant);
        String asked = ComplaintRules.blankToNull(branch);
        String inState = ComplaintRules.blankToNull(state);
        if (inState != null && !STATES.contains(inState)) {
            throw Refusal.invalid("state", Text.of("patronrequests.complaints.state"));
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        if (asked != null && !library.hasBranch(asked)) {
            throw Refusal.invalid("branch", Text.of("patronrequests.complaints.branch.unknown", asked));
        }
        String handledBy = rulesFile.rules(at).complaints().handledBy();
        String narrowed = ComplaintRouting.holds(caller, handledBy, roster.everyone(tenant, caller).values()) ? asked : at.narrow(asked);
        ComplaintStore store = store(at, library);
        List<ComplaintSummary> found = store.list(at.db(), new ComplaintStore.Filter(narrowed, inState, overdue)).stream()
                .map(store::summary).toList();
        at.audit("complaint.list", "tenant/" + tenant + "/complaints", found.size() + " complaint(s); branch "
                + (narrowed == null ? "any" : narrowed) + (inState == null ? "" : ", state " + inState)
                + (overdue == null ? "" : ", overdue " + overdue));
        return found;
    }

    /**
     * One complaint, of a branch the caller covers or handled by a position the caller holds; any other is answered as
     * not found, like another tenant's. The first read by someone it was routed to marks it opened (with the director).
     */
    @Transactional
    public ComplaintView read(TenantId tenant, Caller caller, UUID id) {
        requireStaff(caller, tenant);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        ComplaintStore store = store(at, library);
        Collection<StaffRecord> everyone = roster.everyone(tenant, caller).values();
        Complaint c = visible(at, library, store, id, everyone);
        if (routedTo(caller, c, library, everyone) && c.directorOpenedAt() == null) {
            at.db().refresh(c, LockModeType.PESSIMISTIC_WRITE);
            Instant now = clock.instant();
            if (c.openedByDirector(now)) {
                store.step(at.db(), c, "opened", now, caller.name());
                at.audit("complaint.open", target(tenant, id), c.reference() + ": first opened by the handling position, now " + c.state());
            }
        }
        at.audit("complaint.read", target(tenant, id), c.reference() + " at " + c.branchCode());
        return view(at, library, store, c, everyone);
    }

    /**
     * The response to the patron: by the people it was routed to, headquarters or tenant admins. By email it needs the
     * patron's address (422 otherwise); every response is a contact with the patron ({@link PatronUpdate}, template update).
     */
    @Transactional
    public ComplaintView respond(TenantId tenant, Caller caller, UUID id, String text, String channel) {
        requireStaff(caller, tenant);
        ComplaintRules.Response response = ComplaintRules.response(text, channel);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        ComplaintStore store = store(at, library);
        Collection<StaffRecord> everyone = roster.everyone(tenant, caller).values();
        Complaint c = changeable(at, library, store, id, everyone);
        if (!c.waiting()) {
            throw Refusal.conflict(Text.of("patronrequests.complaints.not-waiting", c.reference(), c.state()));
        }
        ContactChannel how = switch (response.channel()) {
            case "email" -> ContactChannel.EMAIL;
            case "phone" -> ContactChannel.PHONE;
            default -> ContactChannel.IN_PERSON;
        };
        if (how == ContactChannel.EMAIL) {
            StoredContact contact = c.contactId() == null ? null : at.db().find(StoredContact.class, c.contactId());
            if (contact == null || contact.email() == null) {
                throw new Refusal("no-patron-email", 422, "No address to mail the patron at",
                        Text.of("patronrequests.complaints.no-email", c.reference()), List.of());
            }
        }
        Instant now = clock.instant();
        c.respond(store.seal(c, "response", response.text()), response.channel(), now, caller.name());
        store.step(at.db(), c, "responded", now, caller.name());
        at.audit("complaint.respond", target(tenant, id), c.reference() + ": responded by " + response.channel());
        updates.fire(new PatronUpdate(at, new MatterRef(MatterKind.COMPLAINT, id), how, "update", response.text(),
                "complaint-response:" + id));
        return view(at, library, store, c, everyone);
    }

    /** Closes a complaint (with an optional note, sealed): by the people it was routed to, headquarters or tenant admins. */
    @Transactional
    public ComplaintView close(TenantId tenant, Caller caller, UUID id, String note) {
        requireStaff(caller, tenant);
        String checked = ComplaintRules.note(note);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        ComplaintStore store = store(at, library);
        Collection<StaffRecord> everyone = roster.everyone(tenant, caller).values();
        Complaint c = changeable(at, library, store, id, everyone);
        if (Complaint.CLOSED.equals(c.state())) {
            throw Refusal.conflict(Text.of("patronrequests.complaints.closed", c.reference()));
        }
        Instant now = clock.instant();
        c.close(store.seal(c, "close_note", checked), now, caller.name(),
                rulesFile.rules(at).retention().days(MatterKind.COMPLAINT));
        store.step(at.db(), c, "closed", now, caller.name());
        at.audit("complaint.close", target(tenant, id), c.reference() + ": closed" + (checked == null ? "" : " with a note"));
        return view(at, library, store, c, everyone);
    }

    /** Complaints of every library system newly overdue (ids only), for the timer. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<ComplaintStore.Work> newlyOverdue(int max) {
        return ComplaintStore.newlyOverdue(em, clock.instant(), max);
    }

    /** Tells headquarters of one overdue complaint, once: in the app and by mail; marks it told. */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean tellOverdue(ComplaintStore.Work overdue) {
        LibraryWork.InLibrary at = work.actFor(em, overdue.tenant(), Caller.SYSTEM);
        Complaint c = at.db().find(Complaint.class, overdue.id(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (c == null || !c.waiting() || c.overdueToldAt() != null || !c.dueAt().toInstant().isBefore(now.plusSeconds(1))) {
            return false;
        }
        TenantOutline library = at.outline();
        Messages text = Messages.of(TEXTS, library.language());
        String branch = library.branchName(c.branchCode());
        Collection<StaffRecord> everyone = roster.everyone(overdue.tenant(), Caller.SYSTEM).values();
        List<StaffRecord> headquarters = ComplaintRouting.headquarters(rulesFile.rules(at).complaints(), library, everyone);
        Told told = tell(at, library, text, headquarters, "complaint-overdue:" + c.id(),
                text.get("patronrequests.complaints.mail.overdue-subject", c.reference(), branch),
                text.get("patronrequests.complaints.notice.overdue", c.reference(), branch, text.dateTime(c.dueAt(), library.zone())));
        c.toldOverdue(now);
        store(at, library).step(at.db(), c, "overdue-told", now, Caller.SYSTEM.name());
        at.audit("complaint.overdue", target(overdue.tenant(), c.id()), c.reference() + ": due " + c.dueAt() + ", headquarters told ("
                + headquarters.size() + " person(s), " + told + ")");
        return true;
    }

    private Complaint visible(TenantWork.Acting at, TenantOutline library, ComplaintStore store, UUID id, Collection<StaffRecord> everyone) {
        return store.find(at.db(), id)
                .filter(c -> at.covers(c.branchCode()) || routedTo(at.caller(), c, library, everyone))
                .orElseThrow(() -> Refusal.notFound(Text.of("patronrequests.complaints.not-found", id)));
    }

    /** A complaint the caller may respond to or close, locked for the change: 404 if they may not see it, 403 if only see. */
    private Complaint changeable(TenantWork.Acting at, TenantOutline library, ComplaintStore store, UUID id, Collection<StaffRecord> everyone) {
        Complaint c = visible(at, library, store, id, everyone);
        if (!BranchScope.acrossBranches(at.caller()) && !routedTo(at.caller(), c, library, everyone)) {
            throw Refusal.forbidden(Text.of("patronrequests.complaints.forbidden.respond"));
        }
        at.db().refresh(c, LockModeType.PESSIMISTIC_WRITE);
        return c;
    }

    /** Whether the caller is one of the people the complaint goes to (the handling position's holders today). */
    private static boolean routedTo(Caller caller, Complaint c, TenantOutline library, Collection<StaffRecord> everyone) {
        return ComplaintRouting.among(caller, ComplaintRouting.handlers(c.handledBy(), c.branchCode(), library, everyone));
    }

    private ComplaintView view(TenantWork.Acting at, TenantOutline library, ComplaintStore store, Complaint c, Collection<StaffRecord> everyone) {
        List<StaffRecord> handlers = ComplaintRouting.handlers(c.handledBy(), c.branchCode(), library, everyone);
        String name = c.handledBy() == null
                ? Messages.of(TEXTS, library.language()).get("patronrequests.complaints.in-charge", library.branchName(c.branchCode()))
                : library.positionNames().getOrDefault(c.handledBy(), c.handledBy());
        ComplaintView.HandledBy handledBy = new ComplaintView.HandledBy(c.handledBy(), name,
                handlers.stream().map(h -> new ComplaintView.Holder(h.id(), h.tagName())).toList());
        return store.view(c, store.steps(at.db(), c.id()), handledBy);
    }

    ComplaintStore store(TenantWork.Acting at, TenantOutline library) {
        return new ComplaintStore(at.tenant(), library.zone(), clock, sealedText.in(at.tenant(), at.caller()));
    }

    private static void requireStaff(Caller caller, TenantId tenant) {
        if (caller == null || !(caller.isStaffOf(tenant) || caller.kind() == Caller.Kind.SYSTEM)) {
            throw Refusal.forbidden(Text.of("patronrequests.complaints.forbidden.staff"));
        }
    }

    static String target(TenantId tenant, UUID id) {
        return "tenant/" + tenant + "/complaints/" + id;
    }
}
