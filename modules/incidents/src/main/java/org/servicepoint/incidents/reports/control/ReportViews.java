package org.servicepoint.incidents.reports.control;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.FieldCipher;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.incidents.forms.control.CanonicalJson;
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.incidents.forms.control.IncidentFormStore;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.forms.entity.Times;
import org.servicepoint.incidents.reports.entity.IncidentAddendum;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.incidents.reports.entity.IncidentSignature;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;

/**
 * The records a report is shown as (its view and its line in a list) and its sealed text, opened: refused where
 * it is shown or signed and does not open, marked unreadable where the chain is verified. Part of
 * {@link IncidentReportStore}.
 */
final class ReportViews {

    private final Library library;
    private final Clock clock;
    private final TextSeal seal;

    ReportViews(Library library, Clock clock, TextSeal seal) {
        this.library = library;
        this.clock = clock;
        this.seal = seal;
    }

    // ---- sealed text ----

    /** The answers as canonical JSON; a sealed value that does not open is refused rather than shown or signed. */
    String answersOf(IncidentReport r) {
        return open(r.id(), () -> seal.open(IncidentReportStore.REPORT_TABLE, "answers", r.id(), r.sealedAnswers()));
    }

    String verbalNoteOf(IncidentReport r) {
        return open(r.id(), () -> seal.open(IncidentReportStore.REPORT_TABLE, "verbal_note", r.id(), r.sealedVerbalNote()));
    }

    String textOf(IncidentAddendum a) {
        return open(a.reportId(), () -> seal.open(IncidentReportStore.ADDENDUM_TABLE, "text", a.id(), a.sealedText()));
    }

    private static String open(UUID reportId, java.util.function.Supplier<String> opening) {
        try {
            return opening.get();
        } catch (FieldCipher.Unreadable e) {
            throw Refusal.conflict(Text.of("incidents.report.sealed-broken", reportId));
        }
    }

    /** What is signed: the texts opened; any that does not open is refused. */
    SignatureChain.Opened opened(IncidentReport r, List<IncidentAddendum> addenda) {
        Map<UUID, String> texts = new LinkedHashMap<>();
        addenda.forEach(a -> texts.put(a.id(), textOf(a)));
        return new SignatureChain.Opened(answersOf(r), verbalNoteOf(r), texts);
    }

    /** For verification: the texts as they open now, a text that does not open standing as unreadable. */
    SignatureChain.Opened openedAsStored(IncidentReport r, List<IncidentAddendum> addenda) {
        Map<UUID, String> texts = new LinkedHashMap<>();
        addenda.forEach(a -> texts.put(a.id(), orUnreadable(() -> seal.open(IncidentReportStore.ADDENDUM_TABLE, "text", a.id(), a.sealedText()))));
        return new SignatureChain.Opened(orUnreadable(() -> seal.open(IncidentReportStore.REPORT_TABLE, "answers", r.id(), r.sealedAnswers())),
                orUnreadable(() -> seal.open(IncidentReportStore.REPORT_TABLE, "verbal_note", r.id(), r.sealedVerbalNote())), texts);
    }

    private static String orUnreadable(java.util.function.Supplier<String> opening) {
        try {
            return opening.get();
        } catch (FieldCipher.Unreadable e) {
            return SignatureChain.Opened.UNREADABLE;
        }
    }

    public FormDefinition formOf(EntityManager bound, IncidentReport report) {
        return IncidentFormStore.definition(new IncidentFormStore(clock).byId(bound, report.formVersionId()));
    }

    static FormDefinition.Category categoryOf(FormDefinition form, IncidentReport report) {
        return form.category(report.category()).orElseThrow(() -> new IllegalStateException(
                "form version " + report.formVersion() + " has no category " + report.category()));
    }

    static List<IncidentAddendum> addenda(EntityManager bound, UUID reportId) {
        return bound.createQuery("select a from IncidentAddendum a where a.reportId = :report order by a.seq", IncidentAddendum.class)
                .setParameter("report", reportId).getResultList();
    }

    static List<IncidentSignature> signatures(EntityManager bound, UUID reportId) {
        return bound.createQuery("select s from IncidentSignature s where s.reportId = :report order by s.seq", IncidentSignature.class)
                .setParameter("report", reportId).getResultList();
    }

    static Optional<IncidentSignature> lastSignature(EntityManager bound, UUID reportId) {
        return bound.createQuery("select s from IncidentSignature s where s.reportId = :report order by s.seq desc",
                IncidentSignature.class).setParameter("report", reportId).setMaxResults(1).getResultStream().findFirst();
    }

    OffsetDateTime now() {
        return Times.stored(OffsetDateTime.now(clock));
    }

    // ---- records ----

    ReportView view(EntityManager bound, IncidentReport r, Caller caller) {
        return view(bound, r, true, caller);
    }

    /** {@code stored}: false only for a report created in this transaction, which has nothing signed to read. */
    ReportView view(EntityManager bound, IncidentReport r, boolean stored, Caller caller) {
        FormDefinition form = formOf(bound, r);
        FormDefinition.Category category = categoryOf(form, r);
        Map<String, FormDefinition.Field> fields = form.fieldsFor(category);
        Map<String, Object> answers = CanonicalJson.readObject(answersOf(r));
        @SuppressWarnings("unchecked")
        Map<String, String> staffNames = (Map<String, String>) (Map<String, ?>) CanonicalJson.readObject(r.staffNames());
        @SuppressWarnings("unchecked")
        List<String> patrons = (List<String>) CanonicalJson.read(r.patronReferences());
        ReportView.VerbalReport call = r.verbalCalledAt() == null ? null : new ReportView.VerbalReport(r.verbalCalledBy(),
                r.verbalCalledTo(), local(r.verbalCalledAt()), verbalNoteOf(r), r.verbalRecordedBy());
        List<ReportView.Addendum> addenda = (stored ? addenda(bound, r.id()) : List.<IncidentAddendum>of()).stream()
                .map(a -> new ReportView.Addendum(a.seq(), textOf(a), person(a.authorUsername(), a.authorTagName(), null),
                        local(a.createdAt()), a.signatureSeq()))
                .toList();
        List<ReportView.Signature> signatures = (stored ? signatures(bound, r.id()) : List.<IncidentSignature>of()).stream()
                .map(s -> new ReportView.Signature(s.seq(), s.kind().code(), person(s.signerUsername(), s.signerTagName(),
                        s.signerPosition()), local(s.signedAt()), s.contentHash(), s.previousHash(), s.hash()))
                .toList();
        ReportView.Steps steps = new ReportView.Steps(r.needsVerbalReport(), r.verbalCalledAt() != null, r.needsCountersign(),
                r.countersignedAt() != null, r.readyForDistribution(), r.distributedAt() != null, r.acknowledgedAt() != null,
                r.closedAt() != null);
        List<String> missing = AnswerRules.missing(fields, answers).stream()
                .map(v -> v.field().substring("answers.".length())).toList();
        return new ReportView(r.id(), r.status().code(), r.category(), category.title(), r.branchCode(), library.branchName(r.branchCode()),
                local(r.occurredAt()), r.formVersion(), r.formHash(), person(r.reporterUsername(), r.reporterTagName(), r.reporterPosition()),
                answers, staffNames, patrons.stream().map(UUID::fromString).toList(), call, addenda, signatures, steps,
                List.copyOf(fields.values()), form.guidanceFor(category), missing, library.recipients(category), local(r.createdAt()),
                local(r.updatedAt()), local(r.submittedAt()), local(r.countersignedAt()), local(r.distributedAt()),
                local(r.acknowledgedAt()), local(r.closedAt()), ReportRules.actions(caller, library, r), r.version());
    }

    ReportSummary summary(IncidentReport r, FormDefinition form, DeliveryCounts delivery) {
        String title = form.category(r.category()).map(FormDefinition.Category::title).orElse(r.category());
        return new ReportSummary(r.id(), r.status().code(), r.category(), title, r.branchCode(), library.branchName(r.branchCode()),
                local(r.occurredAt()), r.reporterTagName(), local(r.submittedAt()), r.needsCountersign(), local(r.countersignedAt()),
                r.readyForDistribution(), local(r.distributedAt()), local(r.acknowledgedAt()), local(r.closedAt()),
                local(r.deadlineAt()), overdue(r), local(r.overdueAt()), delivery);
    }

    /** Past its deadline and still not with every recipient. */
    private boolean overdue(IncidentReport r) {
        return r.distributedAt() == null && r.deadlineAt() != null && !r.deadlineAt().isAfter(now());
    }

    private ReportView.Person person(String username, String tagName, String position) {
        return new ReportView.Person(username, tagName, position, position == null ? null : library.positionName(position));
    }

    OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(library.zone()).toOffsetDateTime();
    }
}
