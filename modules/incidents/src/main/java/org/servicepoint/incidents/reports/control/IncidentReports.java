package org.servicepoint.incidents.reports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.incidents.forms.control.Access;
import org.servicepoint.incidents.forms.control.IncidentFormStore;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.tenancy.control.LibraryWork;

/**
 * Incident reports: drafted and saved as often as the reporter likes, signed by the reporter, countersigned and
 * acknowledged where the form and the chain of command say, corrected only by signed addenda. Every change is
 * audited with ids, categories and signature hashes, never with what the report says; reading a report, and
 * taking it out as PDF, are audited too, because reports describe people.
 */
@ApplicationScoped
public class IncidentReports {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    Roster roster;

    /** The mail delivery (delivery depends on reports, never the other way: see the module README). */
    @Inject
    ReportDistribution deliveries;

    @Inject
    SealedText sealedText;

    Clock clock = Clock.systemUTC();

    @Transactional
    public ReportView create(TenantId tenant, Caller caller, NewReport wanted) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        IncidentReportStore store = store(at);
        EntityManager bound = at.db();
        Access.require(Access.isStaff(caller, tenant), Text.of("incidents.forbidden.staff-report"));
        IncidentFormStore.Published form = new IncidentFormStore(clock).currentOrDefault(bound, caller.auditName());
        if (form.changed()) {
            at.audit("incident-form.publish", "tenant/" + tenant + "/incident-forms/" + form.current().version(),
                    "built-in default form adopted as version " + form.current().version() + ", sha256 " + form.current().contentHash());
        }
        ReportView created = store.create(bound, caller, form.current(), wanted, staff(tenant, caller));
        at.audit("incident-report.create", target(tenant, created.id()),
                created.category() + " at " + created.branch() + ", form version " + created.formVersion());
        return created;
    }

    @Transactional
    public ReportView saveDraft(TenantId tenant, Caller caller, UUID id, DraftChange change) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        ReportView saved = store(at).saveDraft(at.db(), caller, id, change, staff(tenant, caller));
        at.audit("incident-report.save", target(tenant, id), saved.answers().size() + " answer(s), version "
                + saved.version());
        return saved;
    }

    @Transactional
    public ReportView recordVerbalReport(TenantId tenant, Caller caller, UUID id, VerbalReportDraft call) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        ReportView saved = store(at).recordVerbalReport(at.db(), caller, id, call);
        at.audit("incident-report.verbal-report", target(tenant, id), "call to headquarters recorded");
        return saved;
    }

    @Transactional
    public ReportView submit(TenantId tenant, Caller caller, UUID id, long versionRead) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        IncidentReportStore store = store(at);
        ReportView signed = signed(at, "incident-report.submit", store.submit(at.db(), caller, id, versionRead));
        return planDelivery(at, store, signed);
    }

    @Transactional
    public ReportView countersign(TenantId tenant, Caller caller, UUID id, long versionRead) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        IncidentReportStore store = store(at);
        ReportView signed = signed(at, "incident-report.countersign", store.countersign(at.db(), caller, id, versionRead));
        return planDelivery(at, store, signed);
    }

    /**
     * The outbox write: once a report is complete, its deadline and one delivery per recipient are stored in this
     * same transaction, so a report answered as signed is never without its deliveries. The worker is woken
     * after the commit.
     */
    private ReportView planDelivery(TenantWork.Acting at, IncidentReportStore store, ReportView signed) {
        if (!signed.steps().readyForDistribution()) {
            return signed;
        }
        EntityManager bound = at.db();
        IncidentReport report = bound.find(IncidentReport.class, signed.id());
        if (report.deadlineAt() != null) {
            return signed;
        }
        deliveries.plan(at.tenant(), bound, report, store.formOf(bound, report), store.library());
        bound.flush();
        // Read again: the deadline moved the report's version, and the caller signs the next step with it.
        return store.read(bound, at.caller(), signed.id());
    }

    @Transactional
    public ReportView addAddendum(TenantId tenant, Caller caller, UUID id, String text, long versionRead) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        return signed(at, "incident-report.addendum", store(at).addAddendum(at.db(), caller, id, text, versionRead));
    }

    @Transactional
    public ReportView acknowledge(TenantId tenant, Caller caller, UUID id, long versionRead) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        return signed(at, "incident-report.acknowledge", store(at).acknowledge(at.db(), caller, id, versionRead));
    }

    @Transactional
    public ReportView close(TenantId tenant, Caller caller, UUID id, long versionRead) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        ReportView closed = store(at).close(at.db(), caller, id, versionRead);
        at.audit("incident-report.close", target(tenant, id), "closed");
        return closed;
    }

    /**
     * For the mail delivery (as {@link Caller#SYSTEM}) or headquarters: the report reached its recipients at {@code at}.
     * Recording it twice changes nothing and is not audited twice.
     */
    @Transactional
    public ReportView markDistributed(TenantId tenant, Caller caller, UUID id, OffsetDateTime at) {
        LibraryWork.InLibrary acting = work.actFor(em, tenant, caller);
        IncidentReportStore store = store(acting);
        EntityManager bound = acting.db();
        Optional<ReportView> changed = store.markDistributed(bound, caller, id, at);
        if (changed.isPresent()) {
            acting.audit("incident-report.distributed", target(tenant, id), "to " + changed.get().recipients());
            return changed.get();
        }
        return store.read(bound, caller, id);
    }

    @Transactional
    public ReportView read(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        ReportView report = store(at).read(at.db(), caller, id);
        at.audit("incident-report.read", target(tenant, id), report.status());
        return report;
    }

    @Transactional
    public List<ReportSummary> list(TenantId tenant, Caller caller, ReportFilter filter) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        return store(at).list(at.db(), caller, filter);
    }

    @Transactional
    public ReportCounts counts(TenantId tenant, Caller caller, ReportFilter filter) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        return store(at).counts(at.db(), caller, filter);
    }

    /** The CSV for headquarters' spreadsheets; audited, because it takes a list of incidents out of the application. */
    @Transactional
    public String csv(TenantId tenant, Caller caller, ReportFilter filter) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        List<ReportSummary> rows = store(at).list(at.db(), caller, filter);
        at.audit("incident-report.export", "tenant/" + tenant + "/incident-reports", rows.size() + " row(s) as CSV");
        return ReportCsv.write(rows);
    }

    @Transactional
    public List<DeliveryView> deliveries(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        return store(at).deliveries(at.db(), caller, id);
    }

    /**
     * Headquarters queues failed deliveries again, with the addresses the roster has now (after fixing a missing or
     * wrong one, or putting someone in a position nobody held). Answers the trail.
     */
    @Transactional
    public List<DeliveryView> retryDeliveries(TenantId tenant, Caller caller, UUID id) {
        Access.require(caller.roles().contains(org.servicepoint.platform.control.Roles.HEADQUARTERS),
                Text.of("incidents.forbidden.resend"));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        EntityManager bound = at.db();
        IncidentReportStore store = store(at);
        store.read(bound, caller, id);
        int queuedAgain = deliveries.retry(tenant, bound, bound.find(IncidentReport.class, id));
        at.audit("incident-report.deliveries-retried", target(tenant, id), queuedAgain + " delivery(ies) queued again");
        return store.deliveries(bound, caller, id);
    }

    @Transactional
    public Verification verify(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        return store(at).verify(at.db(), caller, id);
    }

    /** Audited: it takes the report out of the application. */
    @Transactional
    public byte[] pdf(TenantId tenant, Caller caller, UUID id) {
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        byte[] pdf = store(at).pdf(at.db(), caller, id);
        at.audit("incident-report.pdf", target(tenant, id), pdf.length + " bytes");
        return pdf;
    }

    private ReportView signed(TenantWork.Acting at, String action, IncidentReportStore.Signed signed) {
        // The signature's hash goes into the audit chain as well: a second, independently chained record of it.
        at.audit(action, target(at.tenant(), signed.report().id()), "signature " + signed.seq() + ", sha256 "
                + signed.hash() + ", status " + signed.report().status());
        return signed.report();
    }

    /** Tag names from the roster, read once per request and only if an answer names a staff member. */
    private StaffDirectory staff(TenantId tenant, Caller caller) {
        Map<UUID, String> names = new HashMap<>();
        boolean[] loaded = {false};
        return id -> {
            if (!loaded[0]) {
                names.putAll(roster.tagNames(tenant, caller));
                loaded[0] = true;
            }
            return Optional.ofNullable(names.get(id));
        };
    }

    private IncidentReportStore store(LibraryWork.InLibrary at) {
        // Branches and positions are read in this transaction: a branch removed a moment ago is refused. The outline,
        // not the whole document: reports use no hours, desks or closures, and this runs on every request.
        return new IncidentReportStore(at.tenant(), Library.of(at.outline()), clock, sealedText.in(at.tenant(), at.caller()),
                deliveries.trail());
    }

    private static String target(TenantId tenant, UUID id) {
        return "tenant/" + tenant + "/incident-reports/" + id;
    }
}
