package org.servicepoint.patronrequests.callbacks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicepoint.patronrequests.callbacks.entity.CallBack;
import org.servicepoint.patronrequests.control.MailToSend;
import org.servicepoint.patronrequests.control.RulesFile;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Escalations;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffNotices;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Overdue call-backs: the person in charge of the branch is told once (in the app, and by mail where the roster has
 * their address), then headquarters once if the call-back is still open {@code headquarters-after} later. The look-up
 * across library systems goes through {@code call_backs_to_tell} (ids only); each call-back is then handled bound to
 * its own library system, in a transaction of its own, so row-level security stays forced.
 */
@ApplicationScoped
public class CallBackOverdue {

    public record Work(TenantId tenant, UUID id) {
    }

    @PersistenceContext(unitName = "patron-requests")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    Escalations escalations;

    @Inject
    Roster roster;

    @Inject
    StaffNotices notices;

    @Inject
    RulesFile rulesFile;

    @Inject
    Event<MailToSend> mail;

    @Inject
    @ConfigProperty(name = "servicepoint.callbacks.headquarters-after-minutes", defaultValue = "120")
    int headquartersAfterMinutes;

    Clock clock = Clock.systemUTC();

    /** Call-backs of every library system with someone to tell: ids only. */
    @Transactional(TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<Work> toTell(int max) {
        List<Object[]> rows = em.createNativeQuery("select tenant_id, call_back_id from call_backs_to_tell(?1, ?2, make_interval(mins => ?3))")
                .setParameter(1, max).setParameter(2, OffsetDateTime.now(clock)).setParameter(3, headquartersAfterMinutes)
                .getResultList();
        List<Work> found = new ArrayList<>();
        for (Object[] row : rows) {
            found.add(new Work(new TenantId((String) row[0]), row[1] instanceof UUID u ? u : UUID.fromString(row[1].toString())));
        }
        return found;
    }

    /** Tells whoever is next for one call-back; a call-back done or told meanwhile is left alone. Answers who was told. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<StaffRecord> tell(Work job) {
        LibraryWork.InLibrary at = work.actFor(em, job.tenant(), Caller.SYSTEM);
        CallBack callBack = at.db().find(CallBack.class, job.id(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (callBack == null || !callBack.open() || !callBack.dueAt().isBefore(now)) {
            return List.of();
        }
        TenantOutline outline = at.outline();
        Map<UUID, StaffRecord> everyone = roster.everyone(job.tenant(), Caller.SYSTEM);
        ZoneId zone = ZoneId.of(outline.timeZone());
        String due = callBack.dueAt().atZone(zone).toLocalDateTime().toString().replace('T', ' ');
        List<StaffRecord> told;
        if (callBack.inChargeToldAt() == null) {
            told = inCharge(job.tenant(), callBack.branchCode(), outline, everyone);
            callBack.inChargeTold(now);
            at.audit("call-back.overdue-in-charge", CallBacks.target(callBack.id()), names(told));
        } else if (callBack.headquartersToldAt() == null
                && !callBack.inChargeToldAt().plus(Duration.ofMinutes(headquartersAfterMinutes)).isAfter(now)) {
            told = headquarters(outline, everyone, rulesFile.rules(at).complaints().headquarters());
            callBack.headquartersTold(now);
            at.audit("call-back.overdue-headquarters", CallBacks.target(callBack.id()), names(told));
        } else {
            return List.of();
        }
        Messages words = Messages.of(CallBacks.TEXTS, outline.language());
        String text = words.get("patronrequests.callbacks.notice.overdue", callBack.reference(), callBack.branchCode(), due);
        notices.tell(job.tenant(), told, text);
        for (StaffRecord person : told) {
            if (person.email() != null) {
                mail.fire(new MailToSend(job.tenant(), "call-back/" + callBack.id() + "/" + (callBack.headquartersToldAt() == null
                        ? "in-charge" : "headquarters") + "/" + person.id(), MailToSend.Audience.STAFF, person.id(), person.tagName(),
                        person.email(), words.get("patronrequests.callbacks.mail.overdue.subject", callBack.reference()),
                        words.get("patronrequests.callbacks.mail.overdue.body", text)));
            }
        }
        at.db().flush();
        return told;
    }

    /** The person in charge now (staffing's chain of command); with nobody reachable on duty, the branch's most senior staff. */
    private List<StaffRecord> inCharge(TenantId tenant, String branch, TenantOutline outline, Map<UUID, StaffRecord> everyone) {
        Optional<StaffRecord> onDuty;
        try {
            // Someone on duty who can be told (a sign-in for the notice, or an address for the mail).
            onDuty = Optional.ofNullable(escalations.inCharge(tenant, Caller.SYSTEM, branch).person())
                    .map(p -> everyone.get(p.staffMemberId())).filter(s -> s.username() != null || s.email() != null);
        } catch (RuntimeException gone) {
            onDuty = Optional.empty();
        }
        return onDuty.map(List::of).orElseGet(() -> mostSenior(outline, everyone.values().stream()
                .filter(s -> s.active() && branch.equals(s.branch()) && (s.username() != null || s.email() != null)).toList()));
    }

    /** The library system's headquarters positions (patron-requests.yaml), else the most senior staff at headquarters. */
    private static List<StaffRecord> headquarters(TenantOutline outline, Map<UUID, StaffRecord> everyone, List<String> positions) {
        // Only people who can be told: a notice needs a sign-in, a mail an address.
        List<StaffRecord> active = everyone.values().stream().filter(StaffRecord::active)
                .filter(s -> s.username() != null || s.email() != null).toList();
        if (!positions.isEmpty()) {
            List<StaffRecord> holders = active.stream().filter(s -> positions.contains(s.position())).toList();
            if (!holders.isEmpty()) {
                return holders;
            }
        }
        String hq = outline.branches().stream().filter(TenantOutline.BranchName::headquarters).map(TenantOutline.BranchName::code)
                .findFirst().orElse(null);
        return mostSenior(outline, active.stream().filter(s -> s.branch() != null && s.branch().equals(hq)).toList());
    }

    /** Those holding the most senior position among {@code people} (positions are listed junior first, by rank). */
    static List<StaffRecord> mostSenior(TenantOutline outline, Collection<StaffRecord> people) {
        for (int i = outline.positions().size() - 1; i >= 0; i--) {
            String code = outline.positions().get(i).code();
            List<StaffRecord> holders = people.stream().filter(s -> code.equals(s.position())).toList();
            if (!holders.isEmpty()) {
                return holders;
            }
        }
        return List.of();
    }

    private static String names(List<StaffRecord> told) {
        return told.isEmpty() ? "nobody on the roster" : String.join(", ", told.stream().map(s -> "staff/" + s.id()).toList());
    }
}
