package org.servicepoint.incidents.reports.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.incidents.forms.control.Access;
import org.servicepoint.incidents.forms.control.CanonicalJson;
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.incidents.forms.control.IncidentFormStore;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.forms.entity.IncidentFormVersion;
import org.servicepoint.incidents.forms.entity.Times;
import org.servicepoint.incidents.reports.entity.IncidentAddendum;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.incidents.reports.entity.IncidentSignature;
import org.servicepoint.incidents.reports.entity.IncidentStatus;
import org.servicepoint.incidents.reports.entity.SignatureKind;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * Incident reports of one library system on an entity manager bound to it: the workflow (drafting, signing,
 * distribution), who may do each step, and the signature chain. Reading is {@link ReportQueries}'s and the records
 * and sealed text are {@link ReportViews}'s; the methods below that read hand over to them, so callers keep one entry.
 * Plain Java: the transaction, the binding and the audit are {@link IncidentReports}'s; integration tests drive it
 * directly. Everything it returns is a record made before the transaction ends. Answers, the call's note and addenda
 * are sealed with the tenant's data key ({@link TextSeal}) before they are stored; what is signed is their plain text.
 */
public final class IncidentReportStore {

    /** Clocks differ a little between a desk computer and the server. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    public static final int ADDENDUM_MAX = 4000;
    /** The tables and columns whose text is sealed, as bound into each sealed value. */
    public static final String REPORT_TABLE = "incident_report", ADDENDUM_TABLE = "incident_addendum";

    private final TenantId tenant;
    private final Library library;
    private final Clock clock;
    private final TextSeal seal;
    private final ReportViews views;
    private final ReportQueries queries;

    /** {@code deliveries}: the outbox as reports read it (counts, the trail, the delivery filter); delivery implements it. */
    public IncidentReportStore(TenantId tenant, Library library, Clock clock, TextSeal seal, DeliveryTrail deliveries) {
        this.tenant = tenant;
        this.library = library;
        this.clock = clock;
        this.seal = seal;
        this.views = new ReportViews(library, clock, seal);
        this.queries = new ReportQueries(tenant, library, views, deliveries);
    }

    /** A signature just made, for the audit line. */
    public Library library() {
        return library;
    }

    public record Signed(ReportView report, int seq, String hash) {
    }

    // ---- drafting ----

    public ReportView create(EntityManager bound, Caller caller, IncidentFormVersion formVersion, NewReport wanted,
                             StaffDirectory staff) {
        Access.require(Access.isStaff(caller, tenant), Text.of("incidents.forbidden.staff-report"));
        FormDefinition form = IncidentFormStore.definition(formVersion);
        List<Violation> violations = new ArrayList<>();
        String code = wanted.category() == null ? "" : wanted.category().strip();
        Optional<FormDefinition.Category> category = form.category(code);
        if (category.isEmpty()) {
            violations.add(new Violation("category", code.isEmpty() ? Text.of("incidents.required") : Text.of("incidents.category.unknown", code,
                    String.join(", ", form.categories().stream().map(FormDefinition.Category::code).toList()))));
        }
        String branch = wanted.branch() == null || wanted.branch().isBlank()
                ? ReportRules.branch(caller).orElse(null) : wanted.branch().strip().toUpperCase(java.util.Locale.ROOT);
        if (branch == null) {
            violations.add(new Violation("branch", Text.of("incidents.branch.required")));
        } else if (!library.branches().containsKey(branch)) {
            violations.add(new Violation("branch", Text.of("incidents.branch.unknown-of", branch,
                    String.join(", ", library.branches().keySet()))));
        }
        OffsetDateTime now = now();
        OffsetDateTime occurred = wanted.occurredAt() == null ? now : wanted.occurredAt();
        notInFuture("occurredAt", occurred, now, violations);
        if (!violations.isEmpty()) {
            throw Refusal.invalid(Text.of("incidents.fields-refused", violations.size()), violations);
        }
        AnswerRules.Checked answers = AnswerRules.checked(form.fieldsFor(category.get()), wanted.answers(), library.zone(), staff);
        List<String> patrons = AnswerRules.patronReferences(wanted.patronReferences());
        IncidentReport report = new IncidentReport(formVersion.id(), formVersion.version(), formVersion.contentHash(), code,
                category.get().needsVerbalReport(), category.get().needsCountersignature(), branch, occurred, caller.name(),
                caller.attribute("tag_name").orElse(null), ReportRules.position(caller).orElse(null), now);
        report.saveDraft(seal.seal(REPORT_TABLE, "answers", report.id(), CanonicalJson.write(answers.answers())),
                CanonicalJson.write(answers.staffNames()), CanonicalJson.write(patrons), null, now);
        bound.persist(report);
        flush(bound, report.id());
        // Made in this transaction a moment ago: it has no addenda or signatures to look up.
        return views.view(bound, report, false, caller);
    }

    /** Autosave: the whole set of answers replaces what the draft had. */
    public ReportView saveDraft(EntityManager bound, Caller caller, UUID id, DraftChange change, StaffDirectory staff) {
        IncidentReport report = queries.visible(bound, caller, id);
        ownDraft(caller, report);
        FormDefinition form = views.formOf(bound, report);
        OffsetDateTime now = now();
        if (change.occurredAt() != null) {
            List<Violation> violations = new ArrayList<>();
            notInFuture("occurredAt", change.occurredAt(), now, violations);
            if (!violations.isEmpty()) {
                throw Refusal.invalid(Text.of("incidents.occurred-at.refused"), violations);
            }
        }
        AnswerRules.Checked answers = AnswerRules.checked(form.fieldsFor(ReportViews.categoryOf(form, report)), change.answers(), library.zone(), staff);
        String patrons = change.patronReferences() == null ? report.patronReferences()
                : CanonicalJson.write(AnswerRules.patronReferences(change.patronReferences()));
        report.saveDraft(seal.seal(REPORT_TABLE, "answers", id, CanonicalJson.write(answers.answers())),
                CanonicalJson.write(answers.staffNames()), patrons, change.occurredAt(), now);
        flush(bound, id);
        return views.view(bound, report, caller);
    }

    public ReportView recordVerbalReport(EntityManager bound, Caller caller, UUID id, VerbalReportDraft call) {
        IncidentReport report = queries.visible(bound, caller, id);
        ownDraft(caller, report);
        List<Violation> violations = new ArrayList<>();
        String calledTo = text("calledTo", call.calledTo(), VerbalReportDraft.NAME_MAX, true, false, violations);
        String calledBy = text("calledBy", call.calledBy(), VerbalReportDraft.NAME_MAX, false, false, violations);
        String note = text("note", call.note(), VerbalReportDraft.NOTE_MAX, false, true, violations);
        OffsetDateTime now = now();
        if (call.calledAt() == null) {
            violations.add(new Violation("calledAt", Text.of("incidents.required")));
        } else {
            notInFuture("calledAt", call.calledAt(), now, violations);
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(Text.of("incidents.fields-refused", violations.size()), violations);
        }
        String by = calledBy != null ? calledBy : caller.attribute("tag_name").orElse(caller.name());
        report.recordVerbalReport(by, calledTo, call.calledAt(), seal.seal(REPORT_TABLE, "verbal_note", id, note), caller.name(), now);
        flush(bound, id);
        return views.view(bound, report, caller);
    }

    // ---- signing ----

    /** The reporter signs: every required answer given, the call to headquarters recorded where the form asks for it. */
    public Signed submit(EntityManager bound, Caller caller, UUID id, long versionRead) {
        IncidentReport report = queries.visible(bound, caller, id);
        ownDraft(caller, report);
        Access.require(ReportRules.maySign(caller, library), Text.of("incidents.forbidden.sign"));
        sameVersion(report, versionRead);
        FormDefinition form = views.formOf(bound, report);
        List<Violation> missing = AnswerRules.missing(form.fieldsFor(ReportViews.categoryOf(form, report)), CanonicalJson.readObject(views.answersOf(report)));
        if (!missing.isEmpty()) {
            throw Refusal.invalid(Text.of("incidents.answers.missing", missing.size()), missing);
        }
        if (report.needsVerbalReport() && report.verbalCalledAt() == null) {
            throw Refusal.conflict(Text.of("incidents.report.call-first"));
        }
        OffsetDateTime now = now();
        report.submitted(now);
        return sign(bound, caller, report, SignatureKind.REPORTER, List.of(), now);
    }

    /** A person in charge of the branch other than the reporter countersigns, where the form asks for it. */
    public Signed countersign(EntityManager bound, Caller caller, UUID id, long versionRead) {
        IncidentReport report = queries.visible(bound, caller, id);
        Access.require(ReportRules.mayCountersign(caller, library),
                Text.of("incidents.forbidden.countersign"));
        if (caller.name().equals(report.reporterUsername())) {
            throw Access.forbidden(Text.of("incidents.forbidden.own-countersign"));
        }
        if (!report.needsCountersign()) {
            throw Refusal.conflict(Text.of("incidents.report.no-countersign"));
        }
        if (report.status() != IncidentStatus.SUBMITTED || report.countersignedAt() != null) {
            throw Refusal.conflict(Text.of("incidents.report.not-countersignable",
                    report.status().code()));
        }
        sameVersion(report, versionRead);
        OffsetDateTime now = now();
        report.countersigned(now);
        return sign(bound, caller, report, SignatureKind.COUNTERSIGNATURE, ReportViews.addenda(bound, id), now);
    }

    /** A correction or a later fact, signed by whoever adds it; the report itself stays as signed. */
    public Signed addAddendum(EntityManager bound, Caller caller, UUID id, String text, long versionRead) {
        IncidentReport report = queries.visible(bound, caller, id);
        List<Violation> violations = new ArrayList<>();
        String checked = text("text", text, ADDENDUM_MAX, true, true, violations);
        if (!violations.isEmpty()) {
            throw Refusal.invalid(Text.of("incidents.addendum.refused"), violations);
        }
        if (report.status() == IncidentStatus.DRAFT) {
            throw Refusal.conflict(Text.of("incidents.report.draft-no-addendum"));
        }
        if (report.status() == IncidentStatus.CLOSED) {
            throw Refusal.conflict(Text.of("incidents.report.closed"));
        }
        sameVersion(report, versionRead);
        List<IncidentAddendum> addenda = new ArrayList<>(ReportViews.addenda(bound, id));
        OffsetDateTime now = now();
        int signatureSeq = ReportViews.lastSignature(bound, id).map(IncidentSignature::seq).orElse(0) + 1;
        UUID addendumId = UUID.randomUUID();
        IncidentAddendum addendum = new IncidentAddendum(addendumId, id, addenda.size() + 1,
                seal.seal(ADDENDUM_TABLE, "text", addendumId, checked), caller.name(),
                caller.attribute("tag_name").orElse(null), now, signatureSeq);
        bound.persist(addendum);
        addenda.add(addendum);
        report.touched(now);
        return sign(bound, caller, report, SignatureKind.ADDENDUM, addenda, now);
    }

    /** Headquarters has the report: signed, and countersigned where required. */
    public Signed acknowledge(EntityManager bound, Caller caller, UUID id, long versionRead) {
        IncidentReport report = queries.visible(bound, caller, id);
        Access.require(caller.roles().contains(Roles.HEADQUARTERS), Text.of("incidents.forbidden.acknowledge"));
        if (!report.readyForDistribution()) {
            throw Refusal.conflict(Text.of(report.needsCountersign() ? "incidents.report.needs-signatures"
                    : "incidents.report.needs-signature"));
        }
        if (report.acknowledgedAt() != null) {
            throw Refusal.conflict(Text.of("incidents.report.acknowledged-already"));
        }
        sameVersion(report, versionRead);
        OffsetDateTime now = now();
        report.acknowledged(now);
        return sign(bound, caller, report, SignatureKind.ACKNOWLEDGEMENT, ReportViews.addenda(bound, id), now);
    }

    public ReportView close(EntityManager bound, Caller caller, UUID id, long versionRead) {
        IncidentReport report = queries.visible(bound, caller, id);
        Access.require(caller.roles().contains(Roles.HEADQUARTERS), Text.of("incidents.forbidden.close"));
        if (report.closedAt() != null) {
            throw Refusal.conflict(Text.of("incidents.report.closed-already"));
        }
        if (report.acknowledgedAt() == null) {
            throw Refusal.conflict(Text.of("incidents.report.acknowledge-first"));
        }
        sameVersion(report, versionRead);
        report.closed(caller.name(), now());
        flush(bound, id);
        return views.view(bound, report, caller);
    }

    /**
     * Records that the report went to its recipients (the mail delivery calls this, or headquarters after sending it
     * by hand). Recording it again changes nothing, so a delivery that is retried is harmless.
     */
    public Optional<ReportView> markDistributed(EntityManager bound, Caller caller, UUID id, OffsetDateTime at) {
        Access.require(Access.isSystem(caller) || Access.isStaff(caller, tenant)
                && caller.roles().contains(Roles.HEADQUARTERS), Text.of("incidents.forbidden.distribution"));
        IncidentReport report = queries.visible(bound, caller, id);
        if (report.distributedAt() != null) {
            return Optional.empty();
        }
        if (!report.readyForDistribution()) {
            throw Refusal.conflict(Text.of(report.needsCountersign() ? "incidents.report.not-ready-countersign"
                    : "incidents.report.not-ready"));
        }
        report.distributed(at == null ? now() : at);
        flush(bound, id);
        return Optional.of(views.view(bound, report, caller));
    }

    // ---- reading: ReportQueries ----

    public ReportView read(EntityManager bound, Caller caller, UUID id) {
        return queries.read(bound, caller, id);
    }

    public List<ReportSummary> list(EntityManager bound, Caller caller, ReportFilter filter) {
        return queries.list(bound, caller, filter);
    }

    public ReportCounts counts(EntityManager bound, Caller caller, ReportFilter filter) {
        return queries.counts(bound, caller, filter);
    }

    public List<DeliveryView> deliveries(EntityManager bound, Caller caller, UUID id) {
        return queries.deliveries(bound, caller, id);
    }

    public Verification verify(EntityManager bound, Caller caller, UUID id) {
        return queries.verify(bound, caller, id);
    }

    public byte[] pdf(EntityManager bound, Caller caller, UUID id) {
        return queries.pdf(bound, caller, id);
    }

    public FormDefinition formOf(EntityManager bound, IncidentReport report) {
        return views.formOf(bound, report);
    }

    // ---- helpers ----

    private Signed sign(EntityManager bound, Caller caller, IncidentReport report, SignatureKind kind, List<IncidentAddendum> addenda,
                        OffsetDateTime now) {
        Optional<IncidentSignature> last = ReportViews.lastSignature(bound, report.id());
        int seq = last.map(IncidentSignature::seq).orElse(0) + 1;
        String previous = last.map(IncidentSignature::hash).orElse(SignatureChain.GENESIS);
        OffsetDateTime at = Times.stored(now);
        String position = ReportRules.position(caller).orElse(null);
        String tagName = caller.attribute("tag_name").orElse(null);
        String contentHash = SignatureChain.contentHash(tenant.value(), report, views.opened(report, addenda), addenda, seq);
        String hash = SignatureChain.signatureHash(report.id().toString(), seq, kind, caller.name(), tagName, position, at,
                contentHash, previous);
        bound.persist(new IncidentSignature(report.id(), seq, kind, caller.name(), tagName, position, at, contentHash, previous, hash));
        flush(bound, report.id());
        return new Signed(views.view(bound, report, caller), seq, hash);
    }

    private static void ownDraft(Caller caller, IncidentReport report) {
        if (!caller.name().equals(report.reporterUsername())) {
            throw Access.forbidden(Text.of("incidents.forbidden.own-report"));
        }
        if (report.status() != IncidentStatus.DRAFT) {
            throw Refusal.conflict(Text.of("incidents.report.signed"));
        }
    }

    private static void sameVersion(IncidentReport report, long versionRead) {
        if (report.version() != versionRead) {
            throw Refusal.conflict(Text.of("incidents.report.version", report.version(), versionRead));
        }
    }

    private void notInFuture(String field, OffsetDateTime time, OffsetDateTime now, List<Violation> violations) {
        if (time.isAfter(now.plus(FUTURE_TOLERANCE))) {
            violations.add(new Violation(field, Text.of("incidents.time.future")));
        }
    }

    private static String text(String field, String value, int max, boolean required, boolean multiline, List<Violation> violations) {
        try {
            return FreeText.check(field, value, max, required, multiline);
        } catch (Refusal refusal) {
            violations.addAll(refusal.violations());
            return null;
        }
    }

    private OffsetDateTime now() {
        return Times.stored(OffsetDateTime.now(clock));
    }

    /** Writes now, so that a clash with a concurrent change surfaces here as a refusal, not at commit as a failure. */
    private static void flush(EntityManager bound, UUID id) {
        try {
            bound.flush();
        } catch (OptimisticLockException e) {
            throw Refusal.conflict(Text.of("incidents.report.changed-just-now", id));
        } catch (PersistenceException e) {
            if (IncidentFormStore.uniqueViolation(e)) {
                throw Refusal.conflict(Text.of("incidents.report.signed-just-now", id));
            }
            if (IncidentFormStore.sqlState(e, "23514")) {
                throw Refusal.conflict(Text.of("incidents.report.id-signed", id));
            }
            throw e;
        }
    }
}
