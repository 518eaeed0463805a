package org.servicepoint.incidents.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional.TxType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.servicepoint.incidents.delivery.entity.DeliveryStatus;
import org.servicepoint.incidents.delivery.entity.IncidentDelivery;
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.reports.control.DeliveryTrail;
import org.servicepoint.incidents.reports.control.ReportDistribution;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffNotices;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.LibraryWork;

/**
 * The delivery worker's steps, each in a transaction of its own and bound to the delivery's library system;
 * also the planning of deliveries, which runs inside the signing transaction (the outbox write).
 */
@ApplicationScoped
public class DeliverySteps implements DeliveryRun.Steps, ReportDistribution {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    LibraryWork libraryWork;

    @Inject
    Roster roster;

    @Inject
    StaffNotices notices;

    @Inject
    MailConfig config;

    @Inject
    org.servicepoint.confidentiality.control.SealedText sealedText;

    /** Wakes the worker after the signing transaction commits. */
    @Inject
    jakarta.enterprise.event.Event<DeliveryWorker.Queued> queued;

    Clock clock = Clock.systemUTC();

    /**
     * In the caller's transaction: the report is ready for distribution, so its deadline is fixed and one delivery
     * per recipient is written. Answers how many of them wait to be sent: none when planned before, and none for
     * recipients without an address, whose deliveries are written as failed at once and need no wake-up of the
     * worker (waking it after every signature cost a pass over the outbox each time).
     */
    @Override
    @Transactional(TxType.MANDATORY)
    public int plan(TenantId tenant, EntityManager bound, IncidentReport report, FormDefinition form, Library library) {
        List<StaffRecord> today = staffToday(tenant);
        List<Recipient> headquarters = headquarters(tenant, report, library, today);
        boolean wasOverdue = report.overdueAt() != null;
        List<IncidentDelivery> added = config.store(clock).plan(bound, report, form, library, recipients(today), headquarters,
                config.messageIdDomain());
        if (!added.isEmpty()) {
            asSystem(tenant).audit("incident-report.deliveries-planned", target(tenant, report.id()),
                    added.size() + " deliver" + (added.size() == 1 ? "y" : "ies") + " to " + added.stream()
                            .map(IncidentDelivery::recipientPosition).distinct().toList() + ", deadline " + report.deadlineAt());
        }
        if (!wasOverdue && report.overdueAt() != null) {
            tellHeadquarters(tenant, report, library, today, headquarters, "signed after its deadline " + report.deadlineAt());
        }
        int waiting = (int) added.stream().filter(d -> d.status() == DeliveryStatus.PENDING).count();
        queued.fire(new DeliveryWorker.Queued(waiting));
        return waiting;
    }

    /** In the caller's transaction: the failed deliveries of the report again, to the roster of today. */
    @Override
    @Transactional(TxType.MANDATORY)
    public int retry(TenantId tenant, EntityManager bound, IncidentReport report) {
        int queuedAgain = config.store(clock).retryFailed(bound, report, rosterToday(tenant), config.messageIdDomain());
        if (queuedAgain > 0) {
            queued.fire(new DeliveryWorker.Queued(queuedAgain));
        }
        return queuedAgain;
    }

    @Override
    public DeliveryTrail trail() {
        return config.store(clock);
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public List<DeliveryStore.Work> due(int max) {
        return config.store(clock).due(em, max);
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<DeliveryStore.Claim> claim(DeliveryStore.Work work) {
        EntityManager bound = asSystem(work.tenant()).db();
        return config.store(clock).claim(bound, work).map(d -> new DeliveryStore.Claim(d.id(), d.attempts()));
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public OutgoingMail compose(DeliveryStore.Work work, DeliveryStore.Claim claim) {
        LibraryWork.InLibrary at = asSystem(work.tenant());
        EntityManager bound = at.db();
        IncidentDelivery delivery = bound.find(IncidentDelivery.class, claim.id());
        Library library = Library.of(at.outline());
        return DeliveryMessages.compose(bound, work.tenant(), library, clock, delivery, config.publicUrl(),
                sealedText.in(work.tenant(), Caller.SYSTEM));
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void sent(DeliveryStore.Work work, DeliveryStore.Claim claim) {
        LibraryWork.InLibrary at = asSystem(work.tenant());
        config.store(clock).sent(at.db(), work.id(), claim.attempt()).ifPresent(sent -> {
            IncidentDelivery d = sent.delivery();
            at.audit("incident-delivery.sent", target(work.tenant(), d),
                    d.kind().code() + " to " + d.recipientPosition() + ", delivery " + d.id() + ", try " + d.attempts()
                            + (d.interrupted() > 0 ? " (a try before was cut off: it may have arrived twice)" : ""));
            if (sent.reportDistributed()) {
                at.audit("incident-report.distributed", target(work.tenant(), d),
                        "to " + sent.positions());
            }
        });
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void failed(DeliveryStore.Work work, DeliveryStore.Claim claim, String error, boolean permanent) {
        LibraryWork.InLibrary at = asSystem(work.tenant());
        config.store(clock).failed(at.db(), work.id(), claim.attempt(), error, permanent).ifPresent(d -> {
            if (permanent) {
                at.audit("incident-delivery.failed", target(work.tenant(), d),
                        d.kind().code() + " to " + d.recipientPosition() + ", delivery " + d.id() + ": refused by the mail server");
            }
        });
    }

    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public List<DeliveryStore.Work> newlyOverdue(int max) {
        return config.store(clock).newlyOverdue(em, max);
    }

    /** Marks the report overdue, tells headquarters in the app and by mail (the mail waits if the server is down). */
    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public void overdue(DeliveryStore.Work work) {
        LibraryWork.InLibrary at = asSystem(work.tenant());
        EntityManager bound = at.db();
        IncidentReport report = bound.find(IncidentReport.class, work.id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (report == null) {
            return;
        }
        Library library = Library.of(at.outline());
        List<StaffRecord> today = staffToday(work.tenant());
        List<Recipient> headquarters = headquarters(work.tenant(), report, library, today);
        if (config.store(clock).overdue(bound, report, OffsetDateTime.now(clock), headquarters, config.messageIdDomain())) {
            tellHeadquarters(work.tenant(), report, library, today, headquarters, "undelivered at the deadline " + report.deadlineAt());
        }
    }

    /** Who receives reports at headquarters (else anywhere): they are told of overdue reports. */
    private List<Recipient> headquarters(TenantId tenant, IncidentReport report, Library library, List<StaffRecord> today) {
        String hq = asSystem(tenant).outline().branches().stream().filter(b -> b.headquarters()).map(b -> b.code()).findFirst()
                .orElse(report.branchCode());
        List<String> receiving = library.positions().values().stream().filter(p -> p.may().contains(Library.RECEIVE))
                .map(Library.Position::code).toList();
        return DeliveryRecipients.headquarters(receiving, hq, recipients(today));
    }

    /** The in-app notices and the audit line of a report found overdue; its overdue mails are queued by the store. */
    private void tellHeadquarters(TenantId tenant, IncidentReport report, Library library, List<StaffRecord> today,
                                  List<Recipient> headquarters, String why) {
        String what = library.branchName(report.branchCode()) + ", " + report.category();
        int told = notices.tell(tenant, today.stream()
                .filter(s -> headquarters.stream().anyMatch(h -> s.id().equals(h.staffMemberId()))).toList(),
                "Incident report overdue (" + what + "): not every recipient has it. It heads the incident list.");
        long mails = headquarters.stream().filter(h -> h.email() != null).count();
        asSystem(tenant).audit("incident-report.overdue", target(tenant, report.id()),
                why + "; headquarters told (" + told + " notice(s), " + mails + " mail(s))");
    }

    /** The worker and the outbox act for no person: as the system, in the delivery's library system. */
    private LibraryWork.InLibrary asSystem(TenantId tenant) {
        return libraryWork.actFor(em, tenant, Caller.SYSTEM);
    }

    private List<StaffRecord> staffToday(TenantId tenant) {
        return roster.list(tenant, Caller.SYSTEM, null, false).stream().filter(StaffRecord::active).toList();
    }

    private List<Recipient> rosterToday(TenantId tenant) {
        return recipients(roster.list(tenant, Caller.SYSTEM, null, false).stream().filter(StaffRecord::active).toList());
    }

    private static List<Recipient> recipients(List<StaffRecord> people) {
        return people.stream().map(s -> new Recipient(s.id(), s.tagName(), s.position(), s.branch(), s.email())).toList();
    }

    /** A report's delivery is audited on the report; a notice about no report on itself. */
    static String target(TenantId tenant, IncidentDelivery d) {
        return d.reportId() != null ? target(tenant, d.reportId()) : "tenant/" + tenant + "/notice-mails/" + d.id();
    }

    static String target(TenantId tenant, java.util.UUID id) {
        return "tenant/" + tenant + "/incident-reports/" + id;
    }
}
