package org.servicepoint.patronrequests.followups.control;

import org.servicepoint.patronrequests.entity.ContactChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.incidents.delivery.control.MailOutbox;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.patronrequests.control.PatronContacts;
import org.servicepoint.patronrequests.control.PatronUpdate;
import org.servicepoint.patronrequests.control.RulesFile;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.Mail;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.UpdateView;
import org.servicepoint.patronrequests.followups.entity.MatterUpdate;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.entity.WireNames;
import org.servicepoint.tenancy.control.TenantDirectory;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Contacts with patrons about a matter ({@link PatronUpdate}, fired by the components, or posted by staff): each is
 * recorded in the matter's history with its text sealed; by email it is also composed from the library system's
 * template in the patron's language (else ServicePoint's wording), the patron's address revealed for that purpose
 * only (audited), and queued in the incidents outbox in the same transaction, so it is sent once. Once per key.
 */
@ApplicationScoped
public class PatronUpdates {

    public static final int TEXT_MAX = 4000;

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    TenantWork work;

    @Inject
    MatterDirectory matters;

    @Inject
    PatronContacts contacts;

    @Inject
    RulesFile rules;

    @Inject
    MailOutbox outbox;

    @Inject
    SealedText sealedText;

    @Inject
    TenantDirectory directory;

    Clock clock = Clock.systemUTC();

    /** A component's contact with the patron, inside its transaction and as its caller. */
    void onPatronUpdate(@Observes PatronUpdate update) {
        String text = update.text() == null ? "" : FreeText.check("text", update.text(), TEXT_MAX, false, true);
        String template = PatronMails.TEMPLATES.contains(update.template()) ? update.template() : "update";
        record(update.at(), matters.find(update.at(), update.matter().kind(), update.matter().id()), update.channel(), template,
                text == null ? "" : text, update.key());
    }

    /** Staff record a contact (phone, in person) or send an update by email. */
    @Transactional
    public UpdateView post(TenantId tenant, Caller caller, String kind, UUID id, String channel, String text, String key) {
        ContactChannel how = WireNames.parse(ContactChannel.class, channel)
                .orElseThrow(() -> Refusal.invalid("channel", Text.of("patronrequests.followups.channel")));
        String checked = FreeText.check("text", text, TEXT_MAX, true, true);
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        Matter matter = matters.find(at, matters.kind(kind), id);
        return record(at, matter, how, "update", checked, key);
    }

    UpdateView record(TenantWork.Acting at, Matter matter, ContactChannel channel, String template, String text, String key) {
        FollowUpStore store = new FollowUpStore(clock);
        EntityManager bound = at.db();
        var before = store.byKey(bound, key);
        if (before.isPresent()) {
            MatterUpdate u = before.get();
            if (!u.of(matter.ref())) {
                throw Refusal.conflict(Text.of("patronrequests.followups.key-used"));
            }
            return view(at.tenant(), u);
        }
        UUID id = UUID.randomUUID();
        UUID mail = channel == ContactChannel.EMAIL ? mail(at, matter, template, text, id) : null;
        MatterUpdate update = store.recordUpdate(bound, sealedText.in(at.tenant(), at.caller()), id, matter, channel, template, text,
                at.caller().name(), key, mail, rules.rules(at).retention().followUpDays());
        at.audit("matter-update.create", target(at.tenant(), matter) + "/updates/" + id,
                WireNames.of(channel) + ", " + template + (mail == null ? "" : ", mail " + mail));
        return view(at.tenant(), update);
    }

    /** The mail of an email update, queued under the update's id; 422 when the matter has no address to write to. */
    private UUID mail(TenantWork.Acting at, Matter matter, String template, String text, UUID updateId) {
        PatronContact contact = matter.contactId() == null ? null
                : contacts.reveal(at, matter.contactId(), "patron-update." + template).orElse(null);
        if (contact == null || contact.email() == null || contact.email().isBlank()) {
            throw new Refusal("no-patron-address", 422, "No address to write to", Text.of("patronrequests.followups.no-address"),
                    List.of());
        }
        TenantOutline library = directory.outline(at.tenant());
        PatronMails.Composed words = PatronMails.compose(rules.rules(at), contact.language(), template,
                new PatronMails.Values(library.name(), library.branchName(matter.branch()), matter.reference(), text));
        return outbox.toPatron(at.tenant(), "patron-update:" + updateId, contact.email(), words.subject(), words.body());
    }

    /** Where the mails stand in the outbox, as the API shows them. */
    public Map<UUID, Mail> mails(TenantId tenant, Collection<UUID> ids) {
        Map<UUID, Mail> mails = new HashMap<>();
        outbox.states(tenant, ids).forEach((id, s) -> mails.put(id, new Mail(s.status(), s.sentAt())));
        return mails;
    }

    private UpdateView view(TenantId tenant, MatterUpdate u) {
        Mail mail = u.mailId() == null ? null : mails(tenant, List.of(u.mailId())).get(u.mailId());
        return new UpdateView(u.id(), WireNames.of(u.channel()), u.madeAt().toInstant(), u.madeBy(), mail);
    }

    static String target(TenantId tenant, Matter matter) {
        return "tenant/" + tenant + "/matters/" + matter.ref().kind().code() + "/" + matter.ref().id();
    }

    /** For the history: the seal of this library system for this caller. */
    TextSeal seal(TenantWork.Acting at) {
        return sealedText.in(at.tenant(), at.caller());
    }
}
