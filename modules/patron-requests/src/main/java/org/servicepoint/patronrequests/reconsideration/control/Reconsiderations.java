package org.servicepoint.patronrequests.reconsideration.control;

import org.servicepoint.patronrequests.entity.ContactChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.patronrequests.control.PatronContacts;
import org.servicepoint.patronrequests.control.PatronRequestRules;
import org.servicepoint.patronrequests.control.PatronUpdate;
import org.servicepoint.patronrequests.control.RulesFile;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationRules.Checked;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationRules.Decision;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationRules.Step;
import org.servicepoint.patronrequests.reconsideration.entity.Reconsideration;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffNotices;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.TenantDirectory;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Requests to reconsider a library item, each method one transaction that binds the tenant and writes its audit line:
 * received from the public form (the committee told in the app, the patron sent a receipt), read by persons in charge
 * (their branch) and the committee, headquarters and tenant administrators (every branch), reviewed step by step,
 * decided (the patron told), and the decision letter printed. Audit lines carry ids, references, branches and step
 * names, never what the patron wrote.
 */
@ApplicationScoped
public class Reconsiderations {

    /**
     * Who receives a request from the public form: nobody signed in, so the system on the form's behalf (audited as
     * {@code system:public-form}, and the receipt in the matter's history is by it). It only receives: reviewing wants a
     * staff member ({@link ReconsiderationRules#mayReview}).
     */
    public static final Caller PUBLIC_FORM = new Caller("public-form", Caller.Kind.SYSTEM);

    /**
     * Who tells the patron the decision: the committee as a whole, as the letter is signed, whichever member recorded
     * it (the decision's own audit line names them). A member may decide a request of another branch; the patron update
     * is recorded for every branch alike.
     */
    static final Caller COMMITTEE = new Caller("reconsideration-committee", Caller.Kind.SYSTEM);

    static final String TEXTS = "org.servicepoint.patronrequests.messages";
    /** The longest text of an update to a patron (the follow-ups component's limit). */
    static final int UPDATE_MAX = 4000;

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    TenantDirectory directory;

    @Inject
    RulesFile rulesFile;

    @Inject
    PatronContacts contacts;

    @Inject
    SealedText sealedText;

    @Inject
    Roster roster;

    @Inject
    StaffNotices notices;

    @Inject
    Event<PatronUpdate> patronUpdates;

    Clock clock = Clock.systemUTC();

    /**
     * A request from the public form at {@code branch}, with the patron's contact if they left one (null: none; a
     * contact with every field blank counts as none). Refused with nothing stored: bad fields (400, each named:
     * {@code title}, {@code author}, {@code format}, {@code objection}, {@code consumed}, {@code asks},
     * {@code contact.email}…), an unknown branch (404). The committee's position holders get an in-app notice; a
     * patron who left an email address gets a receipt ({@link PatronUpdate}, template receipt).
     */
    @Transactional
    public Received receive(TenantId tenant, String branch, NewReconsideration request, PatronContact contact) {
        PatronContact given = contact == null || blank(contact.name()) && blank(contact.email()) && blank(contact.phone())
                ? null : contact;
        Checked checked = ReconsiderationRules.check(request, given);
        LibraryWork.InLibrary at = work.actFor(em, tenant, PUBLIC_FORM);
        TenantOutline library = at.outline();
        if (!library.hasBranch(branch)) {
            throw Refusal.notFound(Text.of("patronrequests.reconsideration.branch.unknown", branch));
        }
        PatronRequestRules.Reconsideration review = rulesFile.rules(at).reconsideration();
        UUID contactId = given == null ? null : contacts.keep(at, given);
        Reconsideration received = store(at, library).receive(at.db(), branch, checked, contactId, review);
        at.audit("reconsideration.receive", target(tenant, received.id()), received.reference() + " at " + branch + ", "
                + checked.item().format() + (contactId == null ? ", no contact" : ", contact " + contactId));
        if (given != null && !blank(given.email())) {
            Messages words = Messages.of(TEXTS, Locale.forLanguageTag(given.language()));
            patronUpdates.fire(new PatronUpdate(at, ref(received), ContactChannel.EMAIL, "receipt",
                    words.get("patronrequests.reconsideration.receipt.text", checked.item().title(), received.reference()),
                    "reconsideration-receipt:" + received.id()));
        }
        tellCommittee(at, library, review, received);
        return new Received(received.id(), received.reference());
    }

    /** Requests the caller may see, newest first, in one state and at one branch if asked. */
    @Transactional
    public List<ReconsiderationSummary> list(TenantId tenant, Caller caller, String state, String branch) {
        requireStaff(caller, tenant);
        String wantedState = blank(state) ? null : state.strip();
        if (wantedState != null && !Set.of(Reconsideration.RECEIVED, Reconsideration.IN_REVIEW, Reconsideration.DECIDED)
                .contains(wantedState)) {
            throw Refusal.invalid("state", Text.of("patronrequests.reconsideration.one-of", "decided, in-review, received"));
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        String asked = blank(branch) ? null : branch.strip();
        if (asked != null && !library.hasBranch(asked)) {
            throw Refusal.invalid("branch", Text.of("patronrequests.reconsideration.branch.unknown", asked));
        }
        PatronRequestRules.Reconsideration review = rulesFile.rules(at).reconsideration();
        boolean all = ReconsiderationRules.seesEveryBranch(caller, held(tenant, caller), committee(review));
        String narrowed = all ? asked : at.narrow(asked);
        ReconsiderationStore store = store(at, library);
        List<Reconsideration> found = store.list(at.db(), narrowed, wantedState);
        Map<UUID, List<Step>> steps = store.steps(at.db(), found, review);
        at.audit("reconsideration.list", "tenant/" + tenant + "/reconsiderations", found.size() + " request(s); branch "
                + (narrowed == null ? "any" : narrowed) + (wantedState == null ? "" : ", state " + wantedState));
        return found.stream().map(r -> store.summary(r, steps.get(r.id()))).toList();
    }

    /** One request with what the patron wrote (audited); one the caller may not see is answered as not found. */
    @Transactional
    public ReconsiderationView read(TenantId tenant, Caller caller, UUID id) {
        Opened o = opened(tenant, caller, id);
        o.at().audit("reconsideration.read", target(tenant, id), o.request().reference() + " at " + o.request().branchCode());
        return o.view();
    }

    /** A step of the review done, with a note (see {@link ReconsiderationStore#complete} for what is refused). */
    @Transactional
    public ReconsiderationView completeStep(TenantId tenant, Caller caller, UUID id, String step, String note) {
        requireStaff(caller, tenant);
        String checkedNote = ReconsiderationRules.note(note);
        Opened o = opened(tenant, caller, id);
        o.store().complete(o.at().db(), o.request(), step, checkedNote, caller, held(tenant, caller), o.review());
        o.at().audit("reconsideration.step", target(tenant, id), o.request().reference() + ": " + step + " done");
        return o.view();
    }

    /**
     * The committee's decision with its reasons, once every step before it is done. A patron who left an email address
     * is told by mail ({@link PatronUpdate}, template decision); otherwise the decision waits to be given by phone or in
     * person, and nothing is recorded for them here.
     */
    @Transactional
    public ReconsiderationView decide(TenantId tenant, Caller caller, UUID id, String outcome, String reasons) {
        requireStaff(caller, tenant);
        Decision decision = ReconsiderationRules.decision(outcome, reasons);
        Opened o = opened(tenant, caller, id);
        LibraryWork.InLibrary at = o.at();
        Reconsideration r = o.request();
        o.store().decide(at.db(), r, decision, caller, held(tenant, caller), o.review());
        at.audit("reconsideration.decide", target(tenant, id), r.reference() + ": " + decision.outcome());
        Optional<PatronContact> contact = contacts.reveal(at, r.contactId(), "reconsideration.decision");
        if (contact.isPresent() && !blank(contact.get().email())) {
            Messages words = Messages.of(TEXTS, Locale.forLanguageTag(contact.get().language()));
            String told = words.get("patronrequests.reconsideration.decision.text", r.reference(), r.item().title(),
                    words.get("patronrequests.reconsideration.outcome." + decision.outcome()), "");
            patronUpdates.fire(new PatronUpdate(work.actFor(em, tenant, COMMITTEE), ref(r), ContactChannel.EMAIL, "decision",
                    told + fitted(decision.reasons(), UPDATE_MAX - told.length()), "reconsideration-decision:" + r.id()));
        }
        return o.view();
    }

    /**
     * The decision letter as a PDF in the library system's language: refused before the decision (409). The patron's
     * name is printed only if they left one, read for this purpose (audited).
     */
    @Transactional
    public byte[] letter(TenantId tenant, Caller caller, UUID id) {
        Opened o = opened(tenant, caller, id);
        LibraryWork.InLibrary at = o.at();
        TenantOutline library = o.library();
        Reconsideration r = o.request();
        if (!r.decided()) {
            throw Refusal.conflict(Text.of("patronrequests.reconsideration.letter.not-decided", r.reference()));
        }
        String name = contacts.reveal(at, r.contactId(), "reconsideration.letter").map(PatronContact::name)
                .filter(n -> !blank(n)).orElse(null);
        byte[] pdf = DecisionLetter.render(new DecisionLetter.Letter(library.name(), r.reference(), r.receivedAt().toInstant(),
                ReconsiderationStore.item(r), r.outcome(), r.reasons(), r.decidedAt().toInstant(), name), library.language(),
                library.zone());
        at.audit("reconsideration.letter", target(tenant, id), r.reference() + (name == null ? ", no name" : ", patron's name printed"));
        return pdf;
    }

    /** The request as a matter (for follow-ups and the overview), if the caller may see it; label: the item's title. */
    @Transactional
    public Optional<Matter> matter(TenantWork.Acting at, UUID id) {
        Optional<Boolean> sight = sight(at);
        if (sight.isEmpty()) {
            return Optional.empty();
        }
        TenantOutline library = directory.outline(at.tenant());
        PatronRequestRules.Reconsideration review = rulesFile.rules(at).reconsideration();
        ReconsiderationStore store = new ReconsiderationStore(at.tenant(), library.zone(), clock, null);
        return store.find(at.db(), id).filter(r -> sight.get() || at.covers(r.branchCode()))
                .map(r -> matter(store, r, store.steps(at.db(), r, review)));
    }

    /** The undecided requests the caller may see, at one branch (null: all), oldest first, as matters. */
    @Transactional
    public List<Matter> openMatters(TenantWork.Acting at, String branch) {
        Optional<Boolean> sight = sight(at);
        if (sight.isEmpty()) {
            return List.of();
        }
        String narrowed = sight.get() ? branch : at.narrow(branch);
        TenantOutline library = directory.outline(at.tenant());
        PatronRequestRules.Reconsideration review = rulesFile.rules(at).reconsideration();
        ReconsiderationStore store = new ReconsiderationStore(at.tenant(), library.zone(), clock, null);
        List<Reconsideration> open = store.open(at.db(), narrowed);
        Map<UUID, List<Step>> steps = store.steps(at.db(), open, review);
        return open.stream().map(r -> matter(store, r, steps.get(r.id()))).toList();
    }

    /** Every branch (true), the caller's own (false), or none (empty), by the same rule as the API. */
    private Optional<Boolean> sight(TenantWork.Acting at) {
        Caller caller = at.caller();
        if (caller.kind() == Caller.Kind.SYSTEM) {
            return Optional.of(true);
        }
        if (!caller.isStaffOf(at.tenant())) {
            return Optional.empty();
        }
        try {
            return Optional.of(ReconsiderationRules.seesEveryBranch(caller, held(at.tenant(), caller),
                    committee(rulesFile.rules(at).reconsideration())));
        } catch (Refusal refused) {
            return Optional.empty();
        }
    }

    // The label is the item's title: the library's own catalogue entry, not anything the patron wrote about themselves.
    private static Matter matter(ReconsiderationStore store, Reconsideration r, List<Step> steps) {
        ReconsiderationSummary.CurrentStep current = store.currentStep(r, steps);
        return new Matter(ref(r), r.reference(), r.branchCode(), r.item().title(), r.state(), !r.decided(),
                r.receivedAt().toInstant(), current == null ? null : current.dueAt(), r.contactId(), null);
    }

    /** One request the caller may see, with what every method on it works with. */
    private record Opened(LibraryWork.InLibrary at, TenantOutline library, PatronRequestRules.Reconsideration review,
                          ReconsiderationStore store, Reconsideration request, List<ReconsiderationView.CommitteeSeat> seats) {
        ReconsiderationView view() {
            return store.view(request, store.steps(at.db(), request, review), review, seats);
        }
    }

    /** The request {@code id} for a staff member who may see it (404 otherwise, 403 for staff who see none). */
    private Opened opened(TenantId tenant, Caller caller, UUID id) {
        requireStaff(caller, tenant);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        TenantOutline library = at.outline();
        PatronRequestRules.Reconsideration review = rulesFile.rules(at).reconsideration();
        ReconsiderationStore store = store(at, library);
        return new Opened(at, library, review, store, visible(at, store, id, review), seats(tenant, caller, library, review));
    }

    /** The committee's positions, their names and today's holders. */
    private List<ReconsiderationView.CommitteeSeat> seats(TenantId tenant, Caller caller, TenantOutline library,
                                                          PatronRequestRules.Reconsideration review) {
        if (review == null) {
            return List.of();
        }
        List<StaffRecord> active = roster.everyone(tenant, caller).values().stream().filter(StaffRecord::active).toList();
        return review.committee().stream().map(position -> new ReconsiderationView.CommitteeSeat(position,
                library.positionNames().getOrDefault(position, position),
                active.stream().filter(m -> position.equals(m.position()))
                        .map(m -> new ReconsiderationView.Member(m.id(), m.tagName())).toList())).toList();
    }

    /** The in-app notice to every holder of a committee position; without a review set up nobody is routed to. */
    private void tellCommittee(LibraryWork.InLibrary at, TenantOutline library, PatronRequestRules.Reconsideration review,
                               Reconsideration r) {
        if (review == null) {
            return;
        }
        List<StaffRecord> members = roster.everyone(at.tenant(), Caller.SYSTEM).values().stream()
                .filter(m -> m.active() && review.committee().contains(m.position())).toList();
        String text = Messages.of(TEXTS, library.language()).get("patronrequests.reconsideration.notice", r.reference(),
                r.item().title(), library.branchName(r.branchCode()));
        int told = notices.tell(at.tenant(), members, text);
        at.audit("reconsideration.committee-told", target(at.tenant(), r.id()), told + " committee member(s) told in the app");
    }

    /** The request, if the caller may see it; another branch's (for a person in charge) is answered as not found. */
    private Reconsideration visible(TenantWork.Acting at, ReconsiderationStore store, UUID id,
                                    PatronRequestRules.Reconsideration review) {
        boolean all = ReconsiderationRules.seesEveryBranch(at.caller(), held(at.tenant(), at.caller()), committee(review));
        return store.find(at.db(), id).filter(r -> all || at.covers(r.branchCode()))
                .orElseThrow(() -> Refusal.notFound(Text.of("patronrequests.reconsideration.not-found", id)));
    }

    /** The roster positions the caller holds today (their active entries by username). */
    private Set<String> held(TenantId tenant, Caller caller) {
        return roster.everyone(tenant, caller).values().stream()
                .filter(m -> m.active() && caller.name().equals(m.username()))
                .map(StaffRecord::position).collect(Collectors.toSet());
    }

    private static List<String> committee(PatronRequestRules.Reconsideration review) {
        return review == null ? List.of() : review.committee();
    }

    private ReconsiderationStore store(TenantWork.Acting at, TenantOutline library) {
        return new ReconsiderationStore(at.tenant(), library.zone(), clock, sealedText.in(at.tenant(), at.caller()));
    }

    private static void requireStaff(Caller caller, TenantId tenant) {
        if (caller == null || !caller.isStaffOf(tenant)) {
            throw Refusal.forbidden(Text.of("patronrequests.reconsideration.forbidden.read"));
        }
    }

    /** The reasons as they fit into an update to the patron (the letter has them whole). */
    static String fitted(String reasons, int room) {
        if (reasons.length() <= room) {
            return reasons;
        }
        int cut = Math.max(0, room - 1);
        // Never half a character: a lone surrogate is refused as text.
        if (cut > 0 && Character.isHighSurrogate(reasons.charAt(cut - 1))) {
            cut--;
        }
        return reasons.substring(0, cut).strip() + "…";
    }

    private static MatterRef ref(Reconsideration r) {
        return new MatterRef(MatterKind.RECONSIDERATION, r.id());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String target(TenantId tenant, UUID id) {
        return "tenant/" + tenant + "/reconsiderations/" + id;
    }
}
