package org.servicepoint.patronrequests.cards.control;

import org.servicepoint.patronrequests.entity.ContactChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.patronrequests.cards.entity.CommentCard;
import org.servicepoint.patronrequests.cards.entity.CommentCardStep;
import org.servicepoint.patronrequests.complaints.control.Complaints;
import org.servicepoint.patronrequests.complaints.control.NewComplaint;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.patronrequests.control.PatronContacts;
import org.servicepoint.patronrequests.control.PatronUpdate;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.Settings;
import org.servicepoint.policies.control.Policies;
import org.servicepoint.policies.control.PolicyViews;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffNotices;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.entity.WireNames;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Comment cards: received from a branch's public page, then triaged by staff (thank, reply, turn into a complaint,
 * forward to a policy's owner, close). Each method is one transaction that binds the tenant and writes its audit
 * line, with ids, kinds and branches, never the patron's words or contact.
 */
@ApplicationScoped
public class CommentCards {

    /** Who acts for a patron on a public page: nobody signed in; the server itself, on their behalf. */
    public static final Caller PUBLIC_PAGE = new Caller("public-page", Caller.Kind.SYSTEM);
    public static final int TEXT_MAX = 2000;
    public static final int REPLY_MAX = 4000;

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    SealedText sealedText;

    @Inject
    PatronContacts contacts;

    @Inject
    Event<PatronUpdate> updates;

    @Inject
    Policies policies;

    @Inject
    Complaints complaints;

    @Inject
    Roster roster;

    @Inject
    StaffNotices notices;

    @Inject
    Settings settings;

    Clock clock = Clock.systemUTC();

    /** What the patron is told: the card's id and its reference. */
    public record Received(UUID id, String reference) {
    }

    /**
     * A card from the public page, already past its gate. {@code branch} is matched without regard to case;
     * {@code contact} is null unless the patron asked for a reply and said how. A receipt is sent when there is an
     * email address.
     */
    @Transactional
    public Received receive(TenantId tenant, String branch, String kindCode, String text, String language,
                            PatronContact contact) {
        CommentCard.Kind kind = parse(CommentCard.Kind.class, "kind", kindCode);
        if (kind == null || text == null || text.isBlank() || text.strip().length() > TEXT_MAX) {
            throw Refusal.invalid("text", Text.of("patronrequests.cards.form.text-missing"));
        }
        LibraryWork.InLibrary at = work.actFor(em, tenant, PUBLIC_PAGE);
        String code = branchOf(at.outline(), branch);
        Instant now = clock.instant();
        UUID contactId = contact == null ? null : contacts.keep(at, contact);
        UUID id = UUID.randomUUID();
        String reference = CardStore.nextReference(at.db(), LocalDate.ofInstant(now, ZoneOffset.UTC).getYear());
        byte[] sealed = sealedText.in(tenant, PUBLIC_PAGE).seal(CommentCard.TABLE, "text", id, text.strip());
        at.db().persist(new CommentCard(id, reference, code, kind, sealed, language, contact != null, contactId, now));
        at.audit("comment-card.receive", target(tenant, id), WireNames.of(kind) + " at " + code + (contactId == null ? "" : ", with a contact"));
        if (contact != null && contact.email() != null && !contact.email().isBlank()) {
            updates.fire(new PatronUpdate(at, new MatterRef(MatterKind.COMMENT_CARD, id), ContactChannel.EMAIL, "receipt",
                    null, "comment-card/" + id + "/receipt"));
        }
        return new Received(id, reference);
    }

    @Transactional
    public List<CardViews.Listing> list(TenantId tenant, Caller caller, String branch, String kind, String state) {
        LibraryWork.InLibrary at = triage(tenant, caller);
        String narrowed = at.narrow(branch == null ? null : branchOf(at.outline(), branch));
        List<CardViews.Listing> found = CardStore.list(at.db(), narrowed, parse(CommentCard.Kind.class, "kind", kind),
                parse(CommentCard.State.class, "state", state)).stream().map(CommentCards::listing).toList();
        at.audit("comment-card.list", "tenant/" + tenant + "/comment-cards", found.size() + " card(s), branch "
                + (narrowed == null ? "any" : narrowed));
        return found;
    }

    /** One card with the patron's words (opened and audited). */
    @Transactional
    public CardViews.Detail read(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = triage(tenant, caller);
        CommentCard card = card(at, id);
        at.audit("comment-card.read", target(tenant, id), "read with its text");
        return detail(at, card);
    }

    @Transactional
    public CardViews.Detail thank(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = triage(tenant, caller);
        CommentCard card = open(at, id);
        step(at, card, CommentCard.State.THANKED, "thanked");
        return detail(at, card);
    }

    /** A reply by email to a patron who asked for one and left an address. */
    @Transactional
    public CardViews.Detail reply(TenantId tenant, Caller caller, UUID id, String text) {
        LibraryWork.InLibrary at = triage(tenant, caller);
        CommentCard card = open(at, id);
        boolean address = card.mayReply() && contacts.reveal(at, card.contactId(), "comment-card.reply")
                .map(c -> c.email() != null && !c.email().isBlank()).orElse(false);
        if (!address) {
            throw new Refusal("no-patron-email", 422, "No email address to reply to", Text.of("patronrequests.cards.no-address"), List.of());
        }
        step(at, card, CommentCard.State.REPLIED, "replied");
        updates.fire(new PatronUpdate(at, new MatterRef(MatterKind.COMMENT_CARD, id), ContactChannel.EMAIL, "update",
                text.strip(), "comment-card/" + id + "/reply/" + card.handledAt().toEpochMilli()));
        return detail(at, card);
    }

    /**
     * Turns the card into a complaint in the same transaction: the complaints component records it (channel
     * comment-card, the card's words and contact, citing {@code policy} if given) and tells its handling position at
     * once. Asking twice answers the complaint already made.
     */
    @Transactional
    public CardViews.Turned toComplaint(TenantId tenant, Caller caller, UUID id, String policy, String asks) {
        LibraryWork.InLibrary at = triage(tenant, caller);
        CommentCard card = card(at, id);
        if (card.complaintId() != null) {
            return new CardViews.Turned(new CardViews.ComplaintRef(card.complaintId(), card.complaintReference()));
        }
        if (card.state() == CommentCard.State.CLOSED) {
            throw Refusal.conflict(Text.of("patronrequests.cards.closed"));
        }
        String words = sealedText.in(tenant, caller).open(CommentCard.TABLE, "text", id, card.sealedText());
        Complaints.Recorded recorded = complaints.record(at, new NewComplaint(card.branchCode(), "comment-card", words, policy, asks,
                null, card.contactId(), id, "comment-card:" + id));
        card.complaint(recorded.complaint().id(), recorded.complaint().reference());
        step(at, card, CommentCard.State.COMPLAINT, "complaint");
        return new CardViews.Turned(new CardViews.ComplaintRef(recorded.complaint().id(), recorded.complaint().reference()));
    }

    /**
     * Forwards the card to the owner of {@code policy}: every current holder of the policy's owner position gets an
     * in-app notice naming the card (its reference, kind and branch, never the patron's words).
     */
    @Transactional
    public CardViews.Detail forward(TenantId tenant, Caller caller, UUID id, String policy) {
        LibraryWork.InLibrary at = triage(tenant, caller);
        CommentCard card = open(at, id);
        PolicyViews.Detail cited;
        try {
            cited = policies.read(tenant, caller, policy);
        } catch (Refusal e) {
            if (e.status() == 404) {
                throw Refusal.invalid("policy", Text.of("patronrequests.cards.policy-unknown", policy));
            }
            throw e;
        }
        if (cited.owner() == null || cited.owner().code() == null) {
            throw Refusal.conflict(Text.of("patronrequests.cards.no-owner", policy));
        }
        String position = cited.owner().code();
        List<StaffRecord> holders = roster.list(tenant, Caller.SYSTEM, null, false).stream()
                .filter(s -> position.equals(s.position())).toList();
        String title = cited.current() == null ? policy : cited.current().title();
        notices.tell(tenant, holders, Messages.of(CommentCardPoster.TEXTS, at.outline().language())
                .get("patronrequests.cards.forwarded-notice", card.reference(), WireNames.of(card.kind()), card.branchCode(), title));
        card.forwarded(policy, position);
        step(at, card, CommentCard.State.FORWARDED, "forwarded");
        return detail(at, card);
    }

    /** The poster of a branch's comment page, in {@code language} (en or es; null: the library system's). */
    @Transactional
    public byte[] poster(TenantId tenant, Caller caller, String branch, String language) {
        LibraryWork.InLibrary at = triage(tenant, caller);
        TenantOutline outline = at.outline();
        String code = branchOf(outline, branch);
        at.requireCovers(code);
        Locale chosen = language == null || language.isBlank() ? outline.language() : switch (language.strip()) {
            case "en", "es" -> Locale.forLanguageTag(language.strip());
            default -> throw Refusal.invalid("language", Text.of("patronrequests.contact.language"));
        };
        String lang = "es".equals(chosen.getLanguage()) ? "es" : "en";
        String address = settings.publicUrl().replaceAll("/+$", "") + "/p/" + tenant.value() + "/" + code.toLowerCase(Locale.ROOT)
                + "/comment?lang=" + lang;
        boolean letter = "US".equals(outline.language().getCountry()) || "CA".equals(outline.language().getCountry());
        return CommentCardPoster.render(outline.name(), outline.branchName(code), address, Locale.forLanguageTag(lang), letter);
    }

    @Transactional
    public CardViews.Detail close(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = triage(tenant, caller);
        CommentCard card = card(at, id);
        if (card.state() == CommentCard.State.CLOSED) {
            return detail(at, card);
        }
        step(at, card, CommentCard.State.CLOSED, "closed");
        return detail(at, card);
    }

    /** Cards received from {@code from} (inclusive) to {@code to} (exclusive), per branch and kind. */
    @Transactional
    public List<CardViews.Count> counts(TenantId tenant, Caller caller, Instant from, Instant to) {
        LibraryWork.InLibrary at = triage(tenant, caller);
        String narrowed = at.narrow(null);
        List<CardViews.Count> counts = CardStore.counts(at.db(), narrowed, from, to);
        at.audit("comment-card.counts", "tenant/" + tenant + "/comment-cards", counts.size() + " row(s)");
        return counts;
    }

    /** The branch's code as the library system writes it, for a code in any case; 400 when there is none. */
    public static String branchOf(TenantOutline outline, String branch) {
        return outline.branches().stream().map(TenantOutline.BranchName::code).filter(c -> c.equalsIgnoreCase(branch))
                .findFirst().orElseThrow(() -> Refusal.invalid("branch", Text.of("patronrequests.cards.no-branch", branch)));
    }

    /** A card the caller may see; 404 for any other (another branch's, another library system's). */
    CommentCard card(LibraryWork.InLibrary at, UUID id) {
        CommentCard card = at.db().find(CommentCard.class, id);
        if (card == null || !at.covers(card.branchCode())) {
            throw Refusal.notFound(Text.of("patronrequests.cards.not-found"));
        }
        return card;
    }

    private CommentCard open(LibraryWork.InLibrary at, UUID id) {
        CommentCard card = card(at, id);
        if (card.state() == CommentCard.State.CLOSED) {
            throw Refusal.conflict(Text.of("patronrequests.cards.closed"));
        }
        return card;
    }

    private void step(LibraryWork.InLibrary at, CommentCard card, CommentCard.State next, String step) {
        Instant now = clock.instant();
        card.handled(next, now);
        at.db().persist(new CommentCardStep(card.id(), now, step, at.caller().auditName()));
        at.audit("comment-card." + step, target(at.tenant(), card.id()), WireNames.of(card.kind()) + " at " + card.branchCode());
    }

    private LibraryWork.InLibrary triage(TenantId tenant, Caller caller) {
        boolean may = caller.isStaffOf(tenant) && (caller.roles().contains(Roles.PERSON_IN_CHARGE)
                || caller.roles().contains(Roles.HEADQUARTERS) || caller.roles().contains(Roles.TENANT_ADMIN));
        if (!may) {
            throw Refusal.forbidden(Text.of("patronrequests.cards.forbidden"));
        }
        return work.actFor(em, tenant, caller);
    }

    private CardViews.Detail detail(LibraryWork.InLibrary at, CommentCard card) {
        String text = sealedText.in(at.tenant(), at.caller()).open(CommentCard.TABLE, "text", card.id(), card.sealedText());
        List<CardViews.Step> steps = new ArrayList<>();
        CardStore.steps(at.db(), card.id()).forEach(s -> steps.add(new CardViews.Step(s.at(), s.step(), s.byName())));
        return new CardViews.Detail(card.id(), card.reference(), card.branchCode(), WireNames.of(card.kind()),
                WireNames.of(card.state()), card.receivedAt(), card.mayReply(), card.contactId() != null, text, card.language(),
                card.complaintId() == null ? null : new CardViews.ComplaintRef(card.complaintId(), card.complaintReference()),
                card.forwardedPolicy() == null ? null : new CardViews.Forwarded(card.forwardedPolicy(), card.forwardedPosition()),
                steps);
    }

    static CardViews.Listing listing(CommentCard card) {
        return new CardViews.Listing(card.id(), card.reference(), card.branchCode(), WireNames.of(card.kind()),
                WireNames.of(card.state()), card.receivedAt(), card.mayReply(), card.contactId() != null);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String wire) {
        if (wire == null || wire.isBlank()) {
            return null;
        }
        return WireNames.parse(type, wire.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> Refusal.invalid(field, Text.of("patronrequests.cards.one-of", WireNames.all(type))));
    }

    static String target(TenantId tenant, UUID id) {
        return "tenant/" + tenant + "/comment-cards/" + id;
    }
}
