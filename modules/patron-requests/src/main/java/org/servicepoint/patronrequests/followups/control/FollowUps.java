package org.servicepoint.patronrequests.followups.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.FollowUpView;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.HistoryEntry;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.Owner;
import org.servicepoint.patronrequests.followups.entity.FollowUp;
import org.servicepoint.patronrequests.followups.entity.MatterUpdate;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.TenantDirectory;

/**
 * Follow-ups on any matter (something to do by a day, by one member of staff) and the history of a matter. Who may is
 * the matter's: the caller must see it and cover its branch ({@link MatterDirectory}), else it does not exist for them.
 */
@ApplicationScoped
public class FollowUps {

    public static final int WHAT_MAX = 500;
    /** A follow-up is due within this many days: further out is a typo, not a plan. */
    public static final int DUE_WITHIN_DAYS = 3660;

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    TenantWork work;

    @Inject
    MatterDirectory matters;

    @Inject
    PatronUpdates updates;

    @Inject
    Roster roster;

    @Inject
    TenantDirectory directory;

    @Inject
    org.servicepoint.patronrequests.control.RulesFile rules;

    Clock clock = Clock.systemUTC();

    @Transactional
    public List<FollowUpView> list(TenantId tenant, Caller caller, String kind, UUID id) {
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        Matter matter = matters.find(at, matters.kind(kind), id);
        TextSeal seal = updates.seal(at);
        LocalDate today = today(tenant);
        FollowUpStore store = new FollowUpStore(clock);
        return store.followUps(at.db(), matter.ref()).stream().map(f -> store.view(seal, f, today)).toList();
    }

    @Transactional
    public FollowUpView add(TenantId tenant, Caller caller, String kind, UUID id, String what, String dueOn, UUID owner) {
        String checked = FreeText.check("what", what, WHAT_MAX, true, true);
        LocalDate today = today(tenant);
        LocalDate due = day(dueOn, today);
        if (owner == null) {
            throw Refusal.invalid("owner", Text.of("patronrequests.followups.owner"));
        }
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        Matter matter = matters.find(at, matters.kind(kind), id);
        StaffRecord person = roster.everyone(tenant, Caller.SYSTEM).get(owner);
        if (person == null || !person.active()) {
            throw Refusal.invalid("owner", Text.of("patronrequests.followups.owner"));
        }
        FollowUpStore store = new FollowUpStore(clock);
        TextSeal seal = updates.seal(at);
        FollowUp added = store.add(at.db(), seal, matter, checked, due, new Owner(person.id(), person.tagName()), caller.name(),
                rules.rules(at).retention().followUpDays());
        at.audit("follow-up.create", PatronUpdates.target(tenant, matter) + "/follow-ups/" + added.id(),
                "due " + due + ", owner staff/" + person.id());
        return store.view(seal, added, today);
    }

    @Transactional
    public FollowUpView done(TenantId tenant, Caller caller, String kind, UUID id, UUID followUpId) {
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        Matter matter = matters.find(at, matters.kind(kind), id);
        FollowUpStore store = new FollowUpStore(clock);
        FollowUp followUp = store.followUp(at.db(), matter.ref(), followUpId)
                .orElseThrow(() -> Refusal.notFound(Text.of("patronrequests.followups.no-follow-up", followUpId)));
        if (followUp.done(caller.name(), clock.instant())) {
            at.db().flush();
            at.audit("follow-up.done", PatronUpdates.target(tenant, matter) + "/follow-ups/" + followUpId, null);
        }
        return store.view(updates.seal(at), followUp, today(tenant));
    }

    @Transactional
    public List<HistoryEntry> history(TenantId tenant, Caller caller, String kind, UUID id) {
        TenantWork.Acting at = work.actFor(em, tenant, caller);
        Matter matter = matters.find(at, matters.kind(kind), id);
        FollowUpStore store = new FollowUpStore(clock);
        EntityManager bound = at.db();
        List<UUID> mailIds = store.updates(bound, matter.ref()).stream().map(MatterUpdate::mailId).filter(Objects::nonNull).toList();
        List<HistoryEntry> history = store.history(bound, updates.seal(at), matter.ref(), updates.mails(tenant, mailIds));
        at.audit("matter-history.read", PatronUpdates.target(tenant, matter), history.size() + " entries");
        return history;
    }

    /** Today in the library system's zone: what "past due" and "not before today" mean there. */
    LocalDate today(TenantId tenant) {
        return LocalDate.ofInstant(clock.instant(), directory.outline(tenant).zone());
    }

    static LocalDate day(String text, LocalDate today) {
        LocalDate due;
        try {
            due = text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            due = null;
        }
        if (due == null || due.isBefore(today) || due.isAfter(today.plusDays(DUE_WITHIN_DAYS))) {
            throw Refusal.invalid("dueOn", Text.of("patronrequests.followups.due-on"));
        }
        return due;
    }
}
