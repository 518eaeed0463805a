package org.servicepoint.demo.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.servicepoint.bans.control.BanView;
import org.servicepoint.bans.control.ComputerUseBans;
import org.servicepoint.bans.control.NewBan;
import org.servicepoint.incidents.reports.control.IncidentReports;
import org.servicepoint.incidents.reports.control.NewReport;
import org.servicepoint.incidents.reports.control.ReportView;
import org.servicepoint.incidents.reports.control.VerbalReportDraft;
import org.servicepoint.patronrequests.complaints.control.ComplaintView;
import org.servicepoint.patronrequests.complaints.control.Complaints;
import org.servicepoint.patronrequests.complaints.control.NewComplaint;
import org.servicepoint.patronrequests.callbacks.control.CallBacks;
import org.servicepoint.patronrequests.callbacks.control.NewCallBack;
import org.servicepoint.patronrequests.control.PatronContact;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.patronrequests.cards.control.CommentCards;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.exceptions.control.NewException;
import org.servicepoint.policies.exceptions.control.PolicyExceptions;
import org.servicepoint.patronrequests.reconsideration.control.NewReconsideration;
import org.servicepoint.patronrequests.reconsideration.control.Reconsiderations;
import org.servicepoint.staffing.control.Escalations;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.ShiftDraft;
import org.servicepoint.staffing.control.ShiftView;
import org.servicepoint.staffing.control.Shifts;
import org.servicepoint.staffing.control.StaffDetails;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.standards.control.Training;
import org.servicepoint.tenancy.control.TenantDirectory;

/**
 * Applies one library system's demo data in one transaction, through the contexts' own controls and as the demo users
 * themselves, so the rules, the sealing of free text, the audit log and both tenant walls apply as to anything staff
 * do. A refusal of any item undoes the whole library system's demo data and names the item's file and line. A row in
 * {@code demo_data_applied}, written in the same transaction, makes a second start add nothing.
 */
@ApplicationScoped
public class DemoApplier {

    /** What became of one library system's demo data. */
    public record Outcome(String slug, boolean applied, int items, String note) {
    }

    // The controls applied through, then what binds the tenant and audits; one line each, as a list of what is used.
    @Inject Roster roster;
    @Inject Shifts shifts;
    @Inject IncidentReports reports;
    @Inject ComputerUseBans bans;
    @Inject Escalations escalations;
    @Inject PolicyExceptions exceptions;
    @Inject Training training;
    @Inject Reconsiderations reconsiderations;
    @Inject Complaints complaints;
    @Inject org.servicepoint.patronrequests.followups.control.FollowUps followUps;
    @Inject CallBacks callBacks;
    @Inject TenantDirectory directory;
    @Inject TenantDatabase tenantDatabase;
    @Inject AuditLog audit;
    @Inject CommentCards commentCards;
    @PersistenceContext(unitName = "platform") EntityManager em;

    Clock clock = Clock.systemUTC();

    /**
     * {@code actors} by username; {@code admin} (a tenant administrator among them) keeps the roster and plans the
     * shifts, as one would on the first day.
     */
    @Transactional
    public Outcome apply(TenantId tenant, DemoSet set, Map<String, Caller> actors, Caller admin) {
        EntityManager bound = tenantDatabase.bind(em, tenant);
        List<?> before = bound.createNativeQuery("select content_sha256 from demo_data_applied where tenant_id = ?1")
                .setParameter(1, tenant.value()).getResultList();
        if (!before.isEmpty()) {
            return new Outcome(tenant.value(), false, 0, set.sha256().equals(String.valueOf(before.get(0)).strip())
                    ? "applied before; nothing added"
                    : "applied before from other files; nothing added (delete the local run's state folder to start afresh)");
        }
        ZoneId zone = ZoneId.of(directory.outline(tenant).timeZone());
        OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(zone).toOffsetDateTime();
        LocalDate today = now.toLocalDate();

        Map<String, UUID> staff = new HashMap<>();
        for (DemoSet.Person p : set.roster()) {
            StaffRecord added = at(p.at(), () -> roster.add(tenant, admin, new StaffDetails(p.tagName(), p.username(), p.position(),
                    p.branch(), p.employmentType(), p.startsOn(), null, p.email())));
            staff.put(p.tagName(), added.id());
        }
        // Weekly shifts from the Monday two weeks back, open-ended: the schedule looks alive whenever it is opened.
        String validFrom = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(2).toString();
        for (DemoSet.WeeklyShift s : set.shifts()) {
            at(s.at(), () -> {
                LocalDate next = null;
                UUID nextShift = null;
                for (String day : s.days()) {
                    // Written 00:00, a shift ends at midnight: overnight, as the shift rules spell it.
                    ShiftView shift = shifts.create(tenant, admin, new ShiftDraft(staff.get(s.who()), s.branch(), s.desk(), day,
                            validFrom, null, null, s.start(), s.end(), "00:00".equals(s.end())));
                    LocalDate occurs = today.with(TemporalAdjusters.next(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT))));
                    if (next == null || occurs.isBefore(next)) {
                        next = occurs;
                        nextShift = shift.id();
                    }
                }
                if (s.skipNext()) {
                    // Called in sick for the next one: a real gap the coverage check flags before it happens.
                    shifts.cancelOccurrence(tenant, admin, nextShift, next);
                }
                return null;
            });
        }
        for (DemoSet.Incident i : set.incidents()) {
            at(i.at(), () -> incident(tenant, i, actors, now, zone));
        }
        for (DemoSet.Ban b : set.bans()) {
            at(b.at(), () -> {
                OffsetDateTime starts = now.toLocalDate().minusDays(b.startedDaysAgo()).atTime(LocalTime.of(10, 0))
                        .atZone(zone).toOffsetDateTime();
                BanView ban = bans.impose(tenant, actors.get(b.by()), new NewBan(b.card(), b.patron(), null, null, b.scope(),
                        b.branch(), starts.toString(), starts.plusDays(b.days()).toString(), b.reason(), null)).ban();
                if (b.liftedBy() != null) {
                    bans.lift(tenant, actors.get(b.liftedBy()), ban.id(), b.liftReason(), ban.version());
                }
                return null;
            });
        }
        List<UUID> raisedIds = new java.util.ArrayList<>();
        for (DemoSet.Raised e : set.escalations()) {
            at(e.at(), () -> {
                var raised = escalations.escalate(tenant, actors.get(e.by()), e.branch(), e.situation(), e.note());
                raisedIds.add(raised.id());
                if (e.outcomeBy() != null) {
                    escalations.recordOutcome(tenant, actors.get(e.outcomeBy()), raised.id(), e.outcome());
                }
                return null;
            });
        }
        for (DemoSet.Granted g : set.exceptions()) {
            at(g.at(), () -> {
                for (int daysAgo : g.daysAgo()) {
                    OffsetDateTime occurred = today.minusDays(daysAgo).atTime(g.time()).atZone(zone).toOffsetDateTime();
                    // "Today at 16:00" read in the morning: yesterday at that time, since nothing is recorded ahead.
                    exceptions.record(tenant, actors.get(g.by()), new NewException(g.policy(), g.branch(), g.asked(), g.granted(),
                            staff.get(g.approvedBy()), true, null, (occurred.isAfter(now) ? occurred.minusDays(1) : occurred).toString()));
                }
                return null;
            });
        }
        for (DemoSet.Answered a : set.training()) {
            at(a.at(), () -> training.answer(tenant, actors.get(a.by()), a.scenario(), a.choice(), Locale.US));
        }
        for (DemoSet.Card c : set.commentCards()) {
            at(c.at(), () -> {
                PatronContact contact = c.email() == null ? null : new PatronContact(c.name(), c.email(), null, c.language());
                var card = commentCards.receive(tenant, c.branch(), c.kind(), c.text(), c.language(), contact);
                if (c.thankedBy() != null) {
                    commentCards.thank(tenant, actors.get(c.thankedBy()), card.id());
                }
                return null;
            });
        }
        for (DemoSet.CallBackOffer c : set.callBacks()) {
            at(c.at(), () -> {
                Caller by = actors.get(c.by());
                OffsetDateTime offered = c.daysAgo() == 0 ? now : today.minusDays(c.daysAgo()).atTime(c.time()).atZone(zone).toOffsetDateTime();
                var made = callBacks.offerAsOf(tenant, by, new NewCallBack(c.branch(), c.question(),
                        new PatronContact(c.name(), null, c.phone(), "en"), null), offered.toInstant()).callBack();
                if (c.outcome() != null) {
                    callBacks.attempt(tenant, by, made.id(), c.outcome());
                }
                return null;
            });
        }
        for (DemoSet.Reconsidered r : set.reconsiderations()) {
            at(r.at(), () -> {
                // From the public form, as a patron who left no contact: the committee is told, nobody is mailed.
                UUID id = reconsiderations.receive(tenant, r.branch(), new NewReconsideration(r.title(), r.author(), r.format(),
                        r.objection(), r.consumed(), r.asks()), null).id();
                for (DemoSet.ReviewStepDone step : r.steps()) {
                    reconsiderations.completeStep(tenant, actors.get(step.by()), id, step.step(), step.note());
                }
                if (r.decisionBy() != null) {
                    reconsiderations.decide(tenant, actors.get(r.decisionBy()), id, r.outcome(), r.reasons());
                }
                return null;
            });
        }
        for (DemoSet.Complained c : set.complaints()) {
            at(c.at(), () -> complaint(tenant, c, actors));
        }
        for (DemoSet.FollowedUp f : set.followUps()) {
            at(f.at(), () -> {
                var added = followUps.add(tenant, actors.get(f.by()), "escalation", raisedIds.get(f.escalation() - 1), f.what(),
                        today.plusDays(f.dueInDays()).toString(), staff.get(f.owner()));
                return f.done() ? followUps.done(tenant, actors.get(f.by()), "escalation", raisedIds.get(f.escalation() - 1), added.id())
                        : added;
            });
        }
        bound = tenantDatabase.bind(em, tenant);
        bound.createNativeQuery("insert into demo_data_applied (tenant_id, content_sha256, items, applied_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, tenant.value()).setParameter(2, set.sha256()).setParameter(3, set.items())
                .setParameter(4, now.toInstant().atOffset(java.time.ZoneOffset.UTC)).executeUpdate();
        audit.success(tenant, Caller.SYSTEM, "demo.apply", "tenant/" + tenant + "/demo", set.items() + " item(s), sha256 " + set.sha256());
        return new Outcome(tenant.value(), true, set.items(), "applied");
    }

    /** A past incident taken through the workflow as far as its state, each step by the person the file names. */
    private ReportView incident(TenantId tenant, DemoSet.Incident i, Map<String, Caller> actors, OffsetDateTime now, ZoneId zone) {
        Caller reporter = actors.get(i.by());
        OffsetDateTime occurred = now.toLocalDate().minusDays(i.daysAgo()).atTime(i.time()).atZone(zone).toOffsetDateTime();
        if (occurred.isAfter(now)) {
            // "Today at 16:00" read in the morning: yesterday at that time, since reports are never about the future.
            occurred = occurred.minusDays(1);
        }
        ReportView report = reports.create(tenant, reporter, new NewReport(i.category(), i.branch(), occurred, i.answers(), List.of()));
        if (i.calledTo() != null) {
            OffsetDateTime called = occurred.plusMinutes(12).isAfter(now) ? now : occurred.plusMinutes(12);
            report = reports.recordVerbalReport(tenant, reporter, report.id(), new VerbalReportDraft(null, i.calledTo(), called, null));
        }
        if (i.state() == DemoSet.State.DRAFT) {
            return report;
        }
        report = reports.submit(tenant, reporter, report.id(), report.version());
        if (i.countersignedBy() != null) {
            report = reports.countersign(tenant, actors.get(i.countersignedBy()), report.id(), report.version());
        }
        if (i.state().compareTo(DemoSet.State.ACKNOWLEDGED) >= 0) {
            report = reports.acknowledge(tenant, actors.get(i.headquarters()), report.id(), report.version());
        }
        if (i.state() == DemoSet.State.CLOSED) {
            report = reports.close(tenant, actors.get(i.headquarters()), report.id(), report.version());
        }
        return report;
    }

    /** A complaint recorded today (the director told at once), then taken as far as the file says, each step by its person. */
    private ComplaintView complaint(TenantId tenant, DemoSet.Complained c, Map<String, Caller> actors) {
        PatronContact contact = c.contactLanguage() == null ? null
                : new PatronContact(c.contactName(), c.contactEmail(), c.contactPhone(), c.contactLanguage());
        ComplaintView made = complaints.record(tenant, actors.get(c.by()), new NewComplaint(c.branch(), c.channel(), c.about(),
                c.policy(), c.asks(), contact, null)).complaint();
        if (c.openedBy() != null) {
            made = complaints.read(tenant, actors.get(c.openedBy()), made.id());
        }
        if (c.respondedBy() != null) {
            made = complaints.respond(tenant, actors.get(c.respondedBy()), made.id(), c.response(), c.responseChannel());
        }
        if (c.closedBy() != null) {
            made = complaints.close(tenant, actors.get(c.closedBy()), made.id(), null);
        }
        return made;
    }

    /** Runs one item; a refusal names the item's file and line, with the control's own fields and reasons. */
    private static <T> T at(String where, Supplier<T> item) {
        try {
            return item.get();
        } catch (Refusal refusal) {
            List<Violation> located = refusal.violations().isEmpty()
                    ? List.of(new Violation("(item)", refusal.getMessage(), where))
                    : refusal.violations().stream().map(v -> new Violation(v.field(), v.message(), where, v.text())).toList();
            throw new Refusal(refusal.type(), refusal.status(), refusal.title(), "demo item at " + where + " refused, nothing "
                    + "of this library system's demo data was applied: " + refusal.getMessage(), located);
        }
    }
}
