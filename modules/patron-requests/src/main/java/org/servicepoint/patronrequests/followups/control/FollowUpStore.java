package org.servicepoint.patronrequests.followups.control;

import org.servicepoint.patronrequests.entity.ContactChannel;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.patronrequests.control.PatronUpdate;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.FollowUpView;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.HistoryEntry;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.Mail;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.Owner;
import org.servicepoint.patronrequests.followups.entity.FollowUp;
import org.servicepoint.patronrequests.followups.entity.MatterUpdate;
import org.servicepoint.platform.entity.WireNames;

/**
 * Follow-ups and updates of matters on an entity manager bound to one library system, their free text sealed with
 * its data key (bound to table, column and row). The controls decide who may; this only reads and writes.
 */
public final class FollowUpStore {

    private final Clock clock;

    public FollowUpStore(Clock clock) {
        this.clock = clock;
    }

    /** The update recorded under {@code key} before, if any. */
    public Optional<MatterUpdate> byKey(EntityManager bound, String key) {
        if (key == null) {
            return Optional.empty();
        }
        return bound.createQuery("select u from MatterUpdate u where u.updateKey = :key", MatterUpdate.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    /** Records a contact; {@code id} chosen by the caller (the mail's key names it), {@code mailId} for EMAIL only. */
    public MatterUpdate recordUpdate(EntityManager bound, TextSeal seal, UUID id, Matter matter, ContactChannel channel,
                                     String template, String text, String by, String key, UUID mailId, int retainDays) {
        MatterUpdate update = new MatterUpdate(id, matter.ref(), matter.branch(), channel, template,
                seal.seal(MatterUpdate.TABLE, "text", id, text == null ? "" : text), by, clock.instant(), key, mailId, retainDays);
        bound.persist(update);
        bound.flush();
        return update;
    }

    public FollowUp add(EntityManager bound, TextSeal seal, Matter matter, String what, LocalDate dueOn, Owner owner, String by,
                        int retainDays) {
        UUID id = UUID.randomUUID();
        FollowUp followUp = new FollowUp(id, matter.ref(), matter.branch(),
                seal.seal(FollowUp.TABLE, "what", id, what), dueOn, owner.staffId(), owner.tagName(), by, clock.instant(), retainDays);
        bound.persist(followUp);
        bound.flush();
        return followUp;
    }

    /** The follow-up of this matter, or empty (another matter's id is as good as none). */
    public Optional<FollowUp> followUp(EntityManager bound, MatterRef matter, UUID id) {
        return Optional.ofNullable(bound.find(FollowUp.class, id))
                .filter(f -> f.of(matter));
    }

    public List<FollowUp> followUps(EntityManager bound, MatterRef matter) {
        return bound.createQuery("select f from FollowUp f where f.matterKind = :kind and f.matterId = :id order by f.createdAt, f.id",
                FollowUp.class).setParameter("kind", matter.kind()).setParameter("id", matter.id()).getResultList();
    }

    public List<MatterUpdate> updates(EntityManager bound, MatterRef matter) {
        return bound.createQuery("select u from MatterUpdate u where u.matterKind = :kind and u.matterId = :id order by u.madeAt, u.id",
                MatterUpdate.class).setParameter("kind", matter.kind()).setParameter("id", matter.id()).getResultList();
    }

    public FollowUpView view(TextSeal seal, FollowUp f, LocalDate today) {
        return new FollowUpView(f.id(), seal.open(FollowUp.TABLE, "what", f.id(), f.what()), f.dueOn(),
                new Owner(f.ownerStaffId(), f.ownerTagName()), f.doneAt() == null ? null : f.doneAt().toInstant(), f.pastDue(today));
    }

    /**
     * Every contact and follow-up of the matter, oldest first: each update, each follow-up when it was set and when it
     * was done. {@code mails}: the outbox's state of each update's mail.
     */
    public List<HistoryEntry> history(EntityManager bound, TextSeal seal, MatterRef matter, Map<UUID, Mail> mails) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (MatterUpdate u : updates(bound, matter)) {
            entries.add(new HistoryEntry(u.madeAt().toInstant(), "update", WireNames.of(u.channel()),
                    seal.open(MatterUpdate.TABLE, "text", u.id(), u.text()), u.madeBy(), u.mailId() == null ? null : mails.get(u.mailId())));
        }
        for (FollowUp f : followUps(bound, matter)) {
            String what = seal.open(FollowUp.TABLE, "what", f.id(), f.what());
            entries.add(new HistoryEntry(f.createdAt().toInstant(), "follow-up", null, what, f.createdBy(), null));
            if (f.doneAt() != null) {
                entries.add(new HistoryEntry(f.doneAt().toInstant(), "follow-up-done", null, what, f.doneBy(), null));
            }
        }
        entries.sort(Comparator.comparing(HistoryEntry::at));
        return entries;
    }

    /** Open follow-ups past their day, by branch (at one branch, or all when {@code branch} is null). */
    public Map<String, Integer> pastDueByBranch(EntityManager bound, String branch, LocalDate today) {
        String jpql = "select f.branch, count(f) from FollowUp f where f.doneAt is null and f.dueOn < :today"
                + (branch == null ? "" : " and f.branch = :branch") + " group by f.branch";
        var query = bound.createQuery(jpql, Object[].class).setParameter("today", today);
        if (branch != null) {
            query.setParameter("branch", branch);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Key rotation: every text sealed under an older key, sealed again with the ring's current one. */
    public static int reseal(EntityManager bound, org.servicepoint.confidentiality.control.KeyRing ring) {
        return org.servicepoint.confidentiality.control.SealedText.resealColumns(bound, ring, MatterUpdate.TABLE, "text")
                + org.servicepoint.confidentiality.control.SealedText.resealColumns(bound, ring, FollowUp.TABLE, "what");
    }
}
