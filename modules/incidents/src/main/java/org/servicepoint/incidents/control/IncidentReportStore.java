package org.servicepoint.incidents.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.confidentiality.control.FieldCipher;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.incidents.entity.IncidentAddendum;
import org.servicepoint.incidents.entity.IncidentFormVersion;
import org.servicepoint.incidents.entity.DeliveryKind;
import org.servicepoint.incidents.entity.DeliveryStatus;
import org.servicepoint.incidents.entity.IncidentReport;
import org.servicepoint.incidents.entity.IncidentSignature;
import org.servicepoint.incidents.entity.IncidentStatus;
import org.servicepoint.incidents.entity.SignatureKind;
import org.servicepoint.incidents.entity.Times;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

/**
 * Incident reports of one library system on an entity manager bound to it: the workflow, who may do each step,
 * and the signature chain. Plain Java: the transaction, the binding and the audit are {@link IncidentReports}'s;
 * integration tests drive it directly. Everything it returns is a record made before the transaction ends.
 * Answers, the call's note and addenda are sealed with the tenant's data key ({@link TextSeal}) before they are
 * stored and opened where they are read; what is signed is their plain text.
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

    public IncidentReportStore(TenantId tenant, Library library, Clock clock, TextSeal seal) {
        this.tenant = tenant;
        this.library = library;
        this.clock = clock;
        this.seal = seal;
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
        ReportRules.require(ReportRules.isStaff(caller, tenant), "only staff of this library system report incidents");
        FormDefinition form = IncidentFormStore.definition(formVersion);
        List<Violation> violations = new ArrayList<>();
        String code = wanted.category() == null ? "" : wanted.category().strip();
        Optional<FormDefinition.Category> category = form.category(code);
        if (category.isEmpty()) {
            violations.add(new Violation("category", code.isEmpty() ? "is required" : "\"" + code + "\" is not a category of this "
                    + "library system's incident form (" + String.join(", ", form.categories().stream().map(FormDefinition.Category::code).toList()) + ")"));
        }
        String branch = wanted.branch() == null || wanted.branch().isBlank()
                ? ReportRules.branch(caller).orElse(null) : wanted.branch().strip().toUpperCase(java.util.Locale.ROOT);
        if (branch == null) {
            violations.add(new Violation("branch", "is required: your sign-in names no branch"));
        } else if (!library.branches().containsKey(branch)) {
            violations.add(new Violation("branch", "\"" + branch + "\" is not a branch of this library system ("
                    + String.join(", ", library.branches().keySet()) + ")"));
        }
        OffsetDateTime now = now();
        OffsetDateTime occurred = wanted.occurredAt() == null ? now : wanted.occurredAt();
        notInFuture("occurredAt", occurred, now, violations);
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations.size() + " field(s) are not acceptable; nothing was saved", violations);
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
        return view(bound, report, false, caller);
    }

    /** Autosave: the whole set of answers replaces what the draft had. */
    public ReportView saveDraft(EntityManager bound, Caller caller, UUID id, DraftChange change, StaffDirectory staff) {
        IncidentReport report = visible(bound, caller, id);
        ownDraft(caller, report);
        FormDefinition form = formOf(bound, report);
        OffsetDateTime now = now();
        if (change.occurredAt() != null) {
            List<Violation> violations = new ArrayList<>();
            notInFuture("occurredAt", change.occurredAt(), now, violations);
            if (!violations.isEmpty()) {
                throw Refusal.invalid("occurredAt is not acceptable; nothing was saved", violations);
            }
        }
        AnswerRules.Checked answers = AnswerRules.checked(form.fieldsFor(categoryOf(form, report)), change.answers(), library.zone(), staff);
        String patrons = change.patronReferences() == null ? report.patronReferences()
                : CanonicalJson.write(AnswerRules.patronReferences(change.patronReferences()));
        report.saveDraft(seal.seal(REPORT_TABLE, "answers", id, CanonicalJson.write(answers.answers())),
                CanonicalJson.write(answers.staffNames()), patrons, change.occurredAt(), now);
        flush(bound, id);
        return view(bound, report, caller);
    }

    public ReportView recordVerbalReport(EntityManager bound, Caller caller, UUID id, VerbalReportDraft call) {
        IncidentReport report = visible(bound, caller, id);
        ownDraft(caller, report);
        List<Violation> violations = new ArrayList<>();
        String calledTo = text("calledTo", call.calledTo(), VerbalReportDraft.NAME_MAX, true, false, violations);
        String calledBy = text("calledBy", call.calledBy(), VerbalReportDraft.NAME_MAX, false, false, violations);
        String note = text("note", call.note(), VerbalReportDraft.NOTE_MAX, false, true, violations);
        OffsetDateTime now = now();
        if (call.calledAt() == null) {
            violations.add(new Violation("calledAt", "is required"));
        } else {
            notInFuture("calledAt", call.calledAt(), now, violations);
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations.size() + " field(s) are not acceptable; nothing was saved", violations);
        }
        String by = calledBy != null ? calledBy : caller.attribute("tag_name").orElse(caller.name());
        report.recordVerbalReport(by, calledTo, call.calledAt(), seal.seal(REPORT_TABLE, "verbal_note", id, note), caller.name(), now);
        flush(bound, id);
        return view(bound, report, caller);
    }

    // ---- signing ----

    /** The reporter signs: every required answer given, the call to headquarters recorded where the form asks for it. */
    public Signed submit(EntityManager bound, Caller caller, UUID id, long versionRead) {
        IncidentReport report = visible(bound, caller, id);
        ownDraft(caller, report);
        ReportRules.require(ReportRules.maySign(caller, library), "your position may not sign incident reports; "
                + "ask the person in charge to report it");
        sameVersion(report, versionRead);
        FormDefinition form = formOf(bound, report);
        List<Violation> missing = AnswerRules.missing(form.fieldsFor(categoryOf(form, report)), CanonicalJson.readObject(answersOf(report)));
        if (!missing.isEmpty()) {
            throw Refusal.invalid(missing.size() + " required answer(s) are missing; the report was not signed", missing);
        }
        if (report.needsVerbalReport() && report.verbalCalledAt() == null) {
            throw Refusal.conflict("this kind of incident is reported to headquarters by telephone first: record the call "
                    + "(POST .../verbal-report), then sign");
        }
        OffsetDateTime now = now();
        report.submitted(now);
        return sign(bound, caller, report, SignatureKind.REPORTER, List.of(), now);
    }

    /** A person in charge of the branch other than the reporter countersigns, where the form asks for it. */
    public Signed countersign(EntityManager bound, Caller caller, UUID id, long versionRead) {
        IncidentReport report = visible(bound, caller, id);
        ReportRules.require(ReportRules.mayCountersign(caller, library),
                "only a person in charge whose position may countersign incident reports countersigns");
        if (caller.name().equals(report.reporterUsername())) {
            throw ReportRules.forbidden("the reporter cannot countersign their own report");
        }
        if (!report.needsCountersign()) {
            throw Refusal.conflict("this kind of incident needs no countersignature");
        }
        if (report.status() != IncidentStatus.SUBMITTED || report.countersignedAt() != null) {
            throw Refusal.conflict("only a signed report that is not yet countersigned can be countersigned (it is "
                    + report.status().code() + ")");
        }
        sameVersion(report, versionRead);
        OffsetDateTime now = now();
        report.countersigned(now);
        return sign(bound, caller, report, SignatureKind.COUNTERSIGNATURE, addenda(bound, id), now);
    }

    /** A correction or a later fact, signed by whoever adds it; the report itself stays as signed. */
    public Signed addAddendum(EntityManager bound, Caller caller, UUID id, String text, long versionRead) {
        IncidentReport report = visible(bound, caller, id);
        List<Violation> violations = new ArrayList<>();
        String checked = text("text", text, ADDENDUM_MAX, true, true, violations);
        if (!violations.isEmpty()) {
            throw Refusal.invalid("the addendum is not acceptable; nothing was saved", violations);
        }
        if (report.status() == IncidentStatus.DRAFT) {
            throw Refusal.conflict("the report is a draft: change it directly; addenda are for signed reports");
        }
        if (report.status() == IncidentStatus.CLOSED) {
            throw Refusal.conflict("the report is closed");
        }
        sameVersion(report, versionRead);
        List<IncidentAddendum> addenda = new ArrayList<>(addenda(bound, id));
        OffsetDateTime now = now();
        int signatureSeq = lastSignature(bound, id).map(IncidentSignature::seq).orElse(0) + 1;
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
        IncidentReport report = visible(bound, caller, id);
        ReportRules.require(caller.roles().contains(Roles.HEADQUARTERS), "only headquarters acknowledges incident reports");
        if (!report.readyForDistribution()) {
            throw Refusal.conflict("the report is not complete yet: it needs the reporter's signature"
                    + (report.needsCountersign() ? " and a countersignature" : ""));
        }
        if (report.acknowledgedAt() != null) {
            throw Refusal.conflict("the report is acknowledged already");
        }
        sameVersion(report, versionRead);
        OffsetDateTime now = now();
        report.acknowledged(now);
        return sign(bound, caller, report, SignatureKind.ACKNOWLEDGEMENT, addenda(bound, id), now);
    }

    public ReportView close(EntityManager bound, Caller caller, UUID id, long versionRead) {
        IncidentReport report = visible(bound, caller, id);
        ReportRules.require(caller.roles().contains(Roles.HEADQUARTERS), "only headquarters closes incident reports");
        if (report.closedAt() != null) {
            throw Refusal.conflict("the report is closed already");
        }
        if (report.acknowledgedAt() == null) {
            throw Refusal.conflict("headquarters acknowledges a report before closing it");
        }
        sameVersion(report, versionRead);
        report.closed(caller.name(), now());
        flush(bound, id);
        return view(bound, report, caller);
    }

    /**
     * Records that the report went to its recipients (the mail delivery calls this, or headquarters after sending it
     * by hand). Recording it again changes nothing, so a delivery that is retried is harmless.
     */
    public Optional<ReportView> markDistributed(EntityManager bound, Caller caller, UUID id, OffsetDateTime at) {
        ReportRules.require(ReportRules.isSystem(caller) || ReportRules.isStaff(caller, tenant)
                && caller.roles().contains(Roles.HEADQUARTERS), "only the delivery or headquarters records distribution");
        IncidentReport report = visible(bound, caller, id);
        if (report.distributedAt() != null) {
            return Optional.empty();
        }
        if (!report.readyForDistribution()) {
            throw Refusal.conflict("the report is not ready for distribution: it needs the reporter's signature"
                    + (report.needsCountersign() ? " and a countersignature" : ""));
        }
        report.distributed(at == null ? now() : at);
        flush(bound, id);
        return Optional.of(view(bound, report, caller));
    }

    // ---- reading ----

    public ReportView read(EntityManager bound, Caller caller, UUID id) {
        return view(bound, visible(bound, caller, id), caller);
    }

    /** The query of the reports the caller may see that match the filter (refuses unknown filter values). */
    private String where(Caller caller, ReportFilter filter, Map<String, Object> params) {
        ReportRules.require(ReportRules.isSystem(caller) || ReportRules.isStaff(caller, tenant), "only staff of this library system");
        StringBuilder jpql = new StringBuilder("select r from IncidentReport r where 1 = 1");
        if (!ReportRules.isSystem(caller) && !ReportRules.seesAll(caller)) {
            Optional<String> branch = ReportRules.branch(caller);
            if (caller.roles().contains(Roles.PERSON_IN_CHARGE) && branch.isPresent()) {
                jpql.append(" and (r.reporterUsername = :me or r.branchCode = :myBranch)");
                params.put("myBranch", branch.get());
            } else {
                jpql.append(" and r.reporterUsername = :me");
            }
            params.put("me", caller.name());
        }
        List<Violation> violations = new ArrayList<>();
        if (filter.branch() != null && !filter.branch().isBlank()) {
            String branch = filter.branch().strip().toUpperCase(java.util.Locale.ROOT);
            if (!library.branches().containsKey(branch)) {
                violations.add(new Violation("branch", "\"" + branch + "\" is not a branch of this library system"));
            }
            jpql.append(" and r.branchCode = :branch");
            params.put("branch", branch);
        }
        if (filter.category() != null && !filter.category().isBlank()) {
            String category = filter.category().strip();
            if (IncidentCategory.ofCode(category).isEmpty()) {
                violations.add(new Violation("category", "\"" + category + "\" is not an incident category"));
            }
            jpql.append(" and r.category = :category");
            params.put("category", category);
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            try {
                params.put("status", IncidentStatus.ofCode(filter.status()));
                jpql.append(" and r.status = :status");
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("status", e.getMessage()));
            }
        }
        if (Boolean.FALSE.equals(filter.overdue())) {
            jpql.append(NOT_OVERDUE);
        } else if (Boolean.TRUE.equals(filter.overdue())) {
            jpql.append(OVERDUE);
        }
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            violations.add(new Violation("to", "is before from"));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations.size() + " filter(s) are not acceptable", violations);
        }
        if (filter.from() != null) {
            jpql.append(" and r.occurredAt >= :from");
            params.put("from", filter.from().atStartOfDay(library.zone()).toOffsetDateTime());
        }
        if (filter.to() != null) {
            jpql.append(" and r.occurredAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(library.zone()).toOffsetDateTime());
        }
        if (filter.delivery() != null) {
            // Reports with at least one delivery in that state (pending includes one being sent right now).
            jpql.append(" and exists (select d from IncidentDelivery d where d.reportId = r.id and d.kind = :reportKind"
                    + " and d.status in :deliveryStates)");
            params.put("reportKind", DeliveryKind.REPORT);
            params.put("deliveryStates", filter.delivery() == ReportFilter.Delivery.PENDING
                    ? List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING) : List.of(DeliveryStatus.FAILED));
        }
        return jpql.toString();
    }

    public List<ReportSummary> list(EntityManager bound, Caller caller, ReportFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String jpql = where(caller, filter, params);
        int limit = filter.limit() < 1 ? 100 : Math.min(filter.limit(), ReportFilter.MAX_LIMIT);
        // Overdue reports head the list (headquarters acts on them first), then the rest, newest incident first.
        List<IncidentReport> found = new ArrayList<>(page(bound, jpql + OVERDUE + " order by r.deadlineAt, r.id", params, limit));
        if (!Boolean.TRUE.equals(filter.overdue()) && found.size() < limit) {
            found.addAll(page(bound, jpql + NOT_OVERDUE + " order by r.occurredAt desc, r.id", params, limit - found.size()));
        }
        Map<UUID, FormDefinition> forms = new LinkedHashMap<>();
        Map<UUID, DeliveryCounts> counts = deliveryCounts(bound, found.stream().map(IncidentReport::id).toList());
        return found.stream()
                .map(r -> summary(r, forms.computeIfAbsent(r.formVersionId(), v -> formOf(bound, r)),
                        counts.getOrDefault(r.id(), DeliveryCounts.NONE)))
                .toList();
    }

    /** How many reports the caller may see match, per branch and per category, with the overdue and waiting ones. */
    public ReportCounts counts(EntityManager bound, Caller caller, ReportFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String jpql = where(caller, filter, params).replace("select r from IncidentReport r", "from IncidentReport r");
        Map<String, Long> byBranch = new java.util.TreeMap<>();
        Map<String, Long> byCategory = new java.util.TreeMap<>();
        long total = 0;
        for (Object[] row : aggregate(bound, "select r.branchCode, r.category, count(r) " + jpql + " group by r.branchCode, r.category",
                params)) {
            long n = ((Number) row[2]).longValue();
            byBranch.merge((String) row[0], n, Long::sum);
            byCategory.merge((String) row[1], n, Long::sum);
            total += n;
        }
        long overdue = ((Number) aggregate(bound, "select count(r) " + jpql + OVERDUE, params).get(0)[0]).longValue();
        Map<String, Object> waiting = new LinkedHashMap<>(params);
        waiting.put("waitingKind", DeliveryKind.REPORT);
        waiting.put("waitingStates", List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING));
        long pending = ((Number) aggregate(bound, "select count(r) " + jpql + " and exists (select d from IncidentDelivery d where "
                + "d.reportId = r.id and d.kind = :waitingKind and d.status in :waitingStates)", waiting).get(0)[0]).longValue();
        return new ReportCounts(total, overdue, pending, byBranch, byCategory);
    }

    private static List<Object[]> aggregate(EntityManager bound, String jpql, Map<String, Object> params) {
        var query = bound.createQuery(jpql);
        params.forEach(query::setParameter);
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] array ? array : new Object[] {row});
        }
        return rows;
    }

    /** Per recipient, where the report's mail stands; addresses only for headquarters and tenant administrators. */
    public List<DeliveryView> deliveries(EntityManager bound, Caller caller, UUID id) {
        IncidentReport report = visible(bound, caller, id);
        boolean addresses = ReportRules.isSystem(caller) || ReportRules.seesAll(caller);
        return new DeliveryStore(clock, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)).of(bound, report.id()).stream()
                .map(d -> new DeliveryView(d.id(), d.kind().code(), d.recipientName(), d.recipientPosition(),
                        library.positionName(d.recipientPosition()), addresses ? d.email() : null, d.status().code(), d.attempts(),
                        d.interrupted() > 0, local(d.createdAt()), local(d.sentAt()),
                        d.status() == DeliveryStatus.PENDING ? local(d.nextAttemptAt()) : null, d.lastError()))
                .toList();
    }

    private static final String OVERDUE = " and r.overdueAt is not null and r.distributedAt is null";
    private static final String NOT_OVERDUE = " and (r.overdueAt is null or r.distributedAt is not null)";

    private static List<IncidentReport> page(EntityManager bound, String jpql, Map<String, Object> params, int max) {
        TypedQuery<IncidentReport> query = bound.createQuery(jpql, IncidentReport.class);
        params.forEach(query::setParameter);
        return query.setMaxResults(max).getResultList();
    }

    private Map<UUID, DeliveryCounts> deliveryCounts(EntityManager bound, List<UUID> ids) {
        return new DeliveryStore(clock, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)).counts(bound, ids);
    }

    public Verification verify(EntityManager bound, Caller caller, UUID id) {
        IncidentReport report = visible(bound, caller, id);
        List<IncidentAddendum> addenda = addenda(bound, id);
        return SignatureChain.verify(tenant.value(), report, openedAsStored(report, addenda), addenda, signatures(bound, id));
    }

    /** A signed report as PDF, with its signature trail and the chain as verified now. */
    public byte[] pdf(EntityManager bound, Caller caller, UUID id) {
        IncidentReport report = visible(bound, caller, id);
        if (report.status() == IncidentStatus.DRAFT) {
            throw Refusal.conflict("the report is a draft: only signed reports are printed");
        }
        FormDefinition form = formOf(bound, report);
        ReportView view = view(bound, report, caller);
        Verification verification = verify(bound, caller, id);
        return IncidentReportPdf.render(new IncidentReportPdf.Input(library.name(), library.locale(), library.zone(), form.title(),
                view, verification));
    }

    // ---- helpers ----

    private Signed sign(EntityManager bound, Caller caller, IncidentReport report, SignatureKind kind, List<IncidentAddendum> addenda,
                        OffsetDateTime now) {
        Optional<IncidentSignature> last = lastSignature(bound, report.id());
        int seq = last.map(IncidentSignature::seq).orElse(0) + 1;
        String previous = last.map(IncidentSignature::hash).orElse(SignatureChain.GENESIS);
        OffsetDateTime at = Times.stored(now);
        String position = ReportRules.position(caller).orElse(null);
        String tagName = caller.attribute("tag_name").orElse(null);
        String contentHash = SignatureChain.contentHash(tenant.value(), report, opened(report, addenda), addenda, seq);
        String hash = SignatureChain.signatureHash(report.id().toString(), seq, kind, caller.name(), tagName, position, at,
                contentHash, previous);
        bound.persist(new IncidentSignature(report.id(), seq, kind, caller.name(), tagName, position, at, contentHash, previous, hash));
        flush(bound, report.id());
        return new Signed(view(bound, report, caller), seq, hash);
    }

    // ---- sealed text ----

    /** The answers as canonical JSON; a sealed value that does not open is refused rather than shown or signed. */
    private String answersOf(IncidentReport r) {
        return open(r.id(), () -> seal.open(REPORT_TABLE, "answers", r.id(), r.sealedAnswers()));
    }

    private String verbalNoteOf(IncidentReport r) {
        return open(r.id(), () -> seal.open(REPORT_TABLE, "verbal_note", r.id(), r.sealedVerbalNote()));
    }

    private String textOf(IncidentAddendum a) {
        return open(a.reportId(), () -> seal.open(ADDENDUM_TABLE, "text", a.id(), a.sealedText()));
    }

    private static String open(UUID reportId, java.util.function.Supplier<String> opening) {
        try {
            return opening.get();
        } catch (FieldCipher.Unreadable e) {
            throw Refusal.conflict("incident report " + reportId + " holds sealed text that does not open: it was changed where it "
                    + "is stored; its verification (GET .../verification) names the signature it breaks");
        }
    }

    /** What is signed: the texts opened; any that does not open is refused. */
    private SignatureChain.Opened opened(IncidentReport r, List<IncidentAddendum> addenda) {
        Map<UUID, String> texts = new LinkedHashMap<>();
        addenda.forEach(a -> texts.put(a.id(), textOf(a)));
        return new SignatureChain.Opened(answersOf(r), verbalNoteOf(r), texts);
    }

    /** For verification: the texts as they open now, a text that does not open standing as unreadable. */
    private SignatureChain.Opened openedAsStored(IncidentReport r, List<IncidentAddendum> addenda) {
        Map<UUID, String> texts = new LinkedHashMap<>();
        addenda.forEach(a -> texts.put(a.id(), orUnreadable(() -> seal.open(ADDENDUM_TABLE, "text", a.id(), a.sealedText()))));
        return new SignatureChain.Opened(orUnreadable(() -> seal.open(REPORT_TABLE, "answers", r.id(), r.sealedAnswers())),
                orUnreadable(() -> seal.open(REPORT_TABLE, "verbal_note", r.id(), r.sealedVerbalNote())), texts);
    }

    private static String orUnreadable(java.util.function.Supplier<String> opening) {
        try {
            return opening.get();
        } catch (FieldCipher.Unreadable e) {
            return SignatureChain.Opened.UNREADABLE;
        }
    }

    private IncidentReport visible(EntityManager bound, Caller caller, UUID id) {
        // The tenant filter applies to find as well: another library system's id is simply not there.
        IncidentReport report = id == null ? null : bound.find(IncidentReport.class, id);
        if (report == null || !ReportRules.sees(caller, tenant, report.reporterUsername(), report.branchCode())) {
            throw Refusal.notFound("incident report " + id);
        }
        return report;
    }

    private static void ownDraft(Caller caller, IncidentReport report) {
        if (!caller.name().equals(report.reporterUsername())) {
            throw ReportRules.forbidden("only the reporter changes or signs their report");
        }
        if (report.status() != IncidentStatus.DRAFT) {
            throw Refusal.conflict("the report is signed and cannot change; add an addendum instead");
        }
    }

    private static void sameVersion(IncidentReport report, long versionRead) {
        if (report.version() != versionRead) {
            throw Refusal.conflict("the report changed since you read it (version " + report.version() + ", yours " + versionRead
                    + "); read it again before signing");
        }
    }

    private void notInFuture(String field, OffsetDateTime time, OffsetDateTime now, List<Violation> violations) {
        if (time.isAfter(now.plus(FUTURE_TOLERANCE))) {
            violations.add(new Violation(field, "is in the future"));
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

    public FormDefinition formOf(EntityManager bound, IncidentReport report) {
        return IncidentFormStore.definition(new IncidentFormStore(clock).byId(bound, report.formVersionId()));
    }

    private static FormDefinition.Category categoryOf(FormDefinition form, IncidentReport report) {
        return form.category(report.category()).orElseThrow(() -> new IllegalStateException(
                "form version " + report.formVersion() + " has no category " + report.category()));
    }

    private static List<IncidentAddendum> addenda(EntityManager bound, UUID reportId) {
        return bound.createQuery("select a from IncidentAddendum a where a.reportId = :report order by a.seq", IncidentAddendum.class)
                .setParameter("report", reportId).getResultList();
    }

    private static List<IncidentSignature> signatures(EntityManager bound, UUID reportId) {
        return bound.createQuery("select s from IncidentSignature s where s.reportId = :report order by s.seq", IncidentSignature.class)
                .setParameter("report", reportId).getResultList();
    }

    private static Optional<IncidentSignature> lastSignature(EntityManager bound, UUID reportId) {
        return bound.createQuery("select s from IncidentSignature s where s.reportId = :report order by s.seq desc",
                IncidentSignature.class).setParameter("report", reportId).setMaxResults(1).getResultStream().findFirst();
    }

    private OffsetDateTime now() {
        return Times.stored(OffsetDateTime.now(clock));
    }

    /** Writes now, so that a clash with a concurrent change surfaces here as a refusal, not at commit as a failure. */
    private static void flush(EntityManager bound, UUID id) {
        try {
            bound.flush();
        } catch (OptimisticLockException e) {
            throw Refusal.conflict("incident report " + id + " was changed by someone else just now; read it again");
        } catch (PersistenceException e) {
            if (IncidentFormStore.uniqueViolation(e)) {
                throw Refusal.conflict("incident report " + id + " was signed by someone else just now; read it again");
            }
            if (IncidentFormStore.sqlState(e, "23514")) {
                throw Refusal.conflict("incident report " + id + " is signed and cannot change; add an addendum instead");
            }
            throw e;
        }
    }

    // ---- records ----

    private ReportView view(EntityManager bound, IncidentReport r, Caller caller) {
        return view(bound, r, true, caller);
    }

    /** {@code stored}: false only for a report created in this transaction, which has nothing signed to read. */
    private ReportView view(EntityManager bound, IncidentReport r, boolean stored, Caller caller) {
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

    private ReportSummary summary(IncidentReport r, FormDefinition form, DeliveryCounts delivery) {
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

    private OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(library.zone()).toOffsetDateTime();
    }
}
