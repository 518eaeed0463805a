// Over 400 lines on purpose: one workflow, draft to verified chain to PDF, whose cases share one fixture (tenant,
// form, staff, seal); split by step they would each repeat it.
package org.servicepoint.incidents.reports.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.incidents.IncidentsDatabase.asOwnerSql;
import static org.servicepoint.incidents.IncidentsDatabase.inTenant;
import static org.servicepoint.platform.testing.Refusals.refusalOf;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.Fixtures;
import org.servicepoint.incidents.IncidentsDatabase;
import org.servicepoint.incidents.forms.control.IncidentFormStore;
import org.servicepoint.incidents.reports.control.Verification.Problem;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Refusal;

/**
 * The report workflow on real PostgreSQL as the application role, with both walls bound per transaction as the
 * container binds them: drafts, signatures, addenda, who may do what, verification after tampering, the PDF.
 */
class IncidentReportsDatabaseTest {

    static final String EAST = "inc-east";
    static final String WEST = "inc-west";

    static final String FORM = """
            fields:
              - {key: location, label: Where, type: text, required: true}
              - {key: description, label: What happened, type: long-text, required: true, maxLength: 2000}
              - {key: witness, label: Witness, type: staff-member}
            categories:
              - code: accident-injury
                verbalReportToHeadquarters: true
                countersignature: true
                recipients: [business-manager, director]
                guidance: [Give no insurance details; tell the business manager today.]
                fields:
                  - {key: injured, label: Who was hurt, type: choice, required: true, choices: [Patron, Staff member]}
              - code: theft
            """;

    @BeforeAll
    static void twoLibrarySystemsWithAForm() {
        IncidentsDatabase.tenantWithForm(EAST, FORM);
        IncidentsDatabase.tenantWithForm(WEST, FORM);
    }

    static IncidentReportStore store(String tenant) {
        return Fixtures.reports(tenant);
    }

    static ReportView draft(String tenant, Caller reporter, String category, Map<String, Object> answers) {
        return inTenant(tenant, em -> store(tenant).create(em, reporter,
                new IncidentFormStore(Fixtures.CLOCK).current(em).orElseThrow(),
                new NewReport(category, null, OffsetDateTime.parse("2026-03-10T13:30:00-05:00"), answers, List.of()), Fixtures.roster()));
    }

    static Map<String, Object> complete() {
        Map<String, Object> answers = new HashMap<>();
        answers.put("location", "Lobby");
        answers.put("description", "A patron tripped on the mat at the entrance.\nShe got up at once.");
        answers.put("injured", "Patron");
        answers.put("witness", Fixtures.WITNESS.toString());
        return answers;
    }

    static ReportView read(String tenant, Caller caller, UUID id) {
        return inTenant(tenant, em -> store(tenant).read(em, caller, id));
    }

    static ReportView call(String tenant, Caller caller, UUID id) {
        return inTenant(tenant, em -> store(tenant).recordVerbalReport(em, caller, id, new VerbalReportDraft(null,
                "Branch services coordinator", OffsetDateTime.parse("2026-03-10T13:45:00-05:00"), "Told to file today")));
    }

    static ReportView submit(String tenant, Caller caller, ReportView report) {
        return inTenant(tenant, em -> store(tenant).submit(em, caller, report.id(), report.version()).report());
    }

    /** A signed and countersigned accident report with one addendum: three signatures. */
    static ReportView fullySigned(String tenant) {
        Caller sam = Fixtures.assistant(tenant);
        ReportView draft = draft(tenant, sam, "accident-injury", complete());
        call(tenant, sam, draft.id());
        ReportView submitted = submit(tenant, sam, read(tenant, sam, draft.id()));
        Caller rosa = Fixtures.northManager(tenant);
        ReportView countersigned = inTenant(tenant, em -> store(tenant).countersign(em, rosa, draft.id(), submitted.version()).report());
        return inTenant(tenant, em -> store(tenant).addAddendum(em, sam, draft.id(), "She phoned the next day: her wrist is sprained.",
                countersigned.version()).report());
    }


    static String stored(String column, UUID id) throws SQLException {
        try (Connection c = IncidentsDatabase.db().superuser().getConnection();
             PreparedStatement p = c.prepareStatement("select " + column + " from incident_report where id = ?")) {
            p.setObject(1, id);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void a_draft_is_saved_again_and_again_and_shows_what_is_missing_and_the_guidance() {
        Caller sam = Fixtures.assistant(EAST);
        ReportView draft = draft(EAST, sam, "accident-injury", Map.of("location", "Lobby"));
        assertThat(draft.status()).isEqualTo("draft");
        assertThat(draft.branch()).isEqualTo("NORTH");
        assertThat(draft.missing()).containsExactly("description", "injured");
        assertThat(draft.guidance()).anySatisfy(g -> assertThat(g).contains("insurance"));
        assertThat(draft.recipients()).containsExactly("business-manager", "director");
        assertThat(draft.steps().verbalReportRequired()).isTrue();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> answers = complete();
            answers.put("location", "Lobby " + i);
            ReportView saved = inTenant(EAST, em -> store(EAST).saveDraft(em, sam, draft.id(), new DraftChange(answers, null, null),
                    Fixtures.roster()));
            assertThat(saved.answers()).containsEntry("location", "Lobby " + i);
            assertThat(saved.missing()).isEmpty();
            assertThat(saved.staffMembers()).containsEntry(Fixtures.WITNESS.toString(), "Zoë");
        }
    }

    @Test
    void bad_answers_are_refused_whole_and_nothing_is_stored() throws SQLException {
        Caller sam = Fixtures.assistant(EAST);
        ReportView draft = draft(EAST, sam, "theft", Map.of("location", "Stacks"));
        String before = stored("answers", draft.id());
        Map<String, Object> bad = new HashMap<>();
        bad.put("location", "Stacks, second floor");
        bad.put("colour", "red");
        bad.put("description", "x".repeat(2001));
        Refusal refusal = refusalOf(() -> inTenant(EAST, em -> store(EAST).saveDraft(em, sam, draft.id(),
                new DraftChange(bad, null, null), Fixtures.roster())));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.violations()).extracting(Violation::field).containsExactlyInAnyOrder("answers.colour", "answers.description");
        assertThat(stored("answers", draft.id())).isEqualTo(before);
        assertThat(read(EAST, sam, draft.id()).answers()).containsEntry("location", "Stacks");
        Map<String, Object> wrongKind = Map.of("location", 42);
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).saveDraft(em, sam, draft.id(), new DraftChange(wrongKind, null, null),
                Fixtures.roster()))).violations()).extracting(Violation::field).containsExactly("answers.location");
        assertThat(stored("answers", draft.id())).isEqualTo(before);
    }

    @Test
    void a_report_cannot_be_submitted_with_required_answers_missing() {
        Caller sam = Fixtures.assistant(EAST);
        ReportView draft = draft(EAST, sam, "theft", Map.of("location", "Stacks"));
        Refusal refusal = refusalOf(() -> submit(EAST, sam, draft));
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.violations()).extracting(Violation::field).containsExactly("answers.description");
        assertThat(read(EAST, sam, draft.id()).status()).isEqualTo("draft");
    }

    @Test
    void where_the_form_says_so_headquarters_must_be_called_before_signing() {
        Caller sam = Fixtures.assistant(EAST);
        ReportView draft = draft(EAST, sam, "accident-injury", complete());
        Refusal refusal = refusalOf(() -> submit(EAST, sam, draft));
        assertThat(refusal.status()).isEqualTo(409);
        assertThat(refusal.getMessage()).contains("headquarters");
        ReportView called = call(EAST, sam, draft.id());
        assertThat(called.verbalReport().calledBy()).isEqualTo("Tag sam");
        assertThat(called.verbalReport().calledTo()).isEqualTo("Branch services coordinator");
        assertThat(submit(EAST, sam, called).status()).isEqualTo("submitted");
        // A category without the rule signs without a call.
        ReportView theft = draft(EAST, sam, "theft", Map.of("location", "Stacks", "description", "A bag was taken."));
        assertThat(submit(EAST, sam, theft).signatures()).hasSize(1);
    }

    @Test
    void only_the_reporter_signs_their_draft_and_only_with_a_position_that_may_sign() {
        Caller kit = Fixtures.volunteer(EAST);
        ReportView byVolunteer = draft(EAST, kit, "theft", Map.of("location", "Stacks", "description", "A bag was taken."));
        assertThat(refusalOf(() -> submit(EAST, kit, byVolunteer)).status()).isEqualTo(403);
        Caller sam = Fixtures.assistant(EAST);
        ReportView bySam = draft(EAST, sam, "theft", Map.of("location", "Stacks", "description", "A bag was taken."));
        assertThat(refusalOf(() -> submit(EAST, Fixtures.headquarters(EAST), bySam)).status()).isEqualTo(403);
        // Signing what one has not seen: the version read must be the version stored.
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).submit(em, sam, bySam.id(), bySam.version() - 1))).status())
                .isEqualTo(409);
    }

    @Test
    void a_signed_report_never_changes_not_through_the_store_and_not_in_the_database() {
        Caller sam = Fixtures.assistant(EAST);
        ReportView signed = submit(EAST, sam, draft(EAST, sam, "theft", Map.of("location", "Stacks", "description", "A bag was taken.")));
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).saveDraft(em, sam, signed.id(),
                new DraftChange(Map.of("location", "Elsewhere"), null, null), Fixtures.roster()))).status()).isEqualTo(409);
        assertThat(refusalOf(() -> call(EAST, sam, signed.id())).status()).isEqualTo(409);
        // Even the application role, writing SQL directly, is stopped by the trigger.
        assertThatThrownBy(() -> inTenant(EAST, em -> em.createNativeQuery("update incident_report set answers = answers || 'x'::bytea where id = ?1")
                .setParameter(1, signed.id()).executeUpdate())).hasStackTraceContaining("cannot change");
        assertThat(read(EAST, sam, signed.id()).answers()).containsEntry("location", "Stacks");
    }

    @Test
    void countersigning_takes_a_person_in_charge_of_the_branch_who_is_not_the_reporter() {
        Caller sam = Fixtures.assistant(EAST);
        ReportView draft = draft(EAST, sam, "accident-injury", complete());
        call(EAST, sam, draft.id());
        ReportView submitted = submit(EAST, sam, read(EAST, sam, draft.id()));
        long v = submitted.version();
        // Desk staff: not allowed. Another branch's person in charge: does not even see it.
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).countersign(em, sam, draft.id(), v))).status()).isEqualTo(403);
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).countersign(em, Fixtures.southManager(EAST), draft.id(), v))).status())
                .isEqualTo(404);
        // Headquarters sees it and the position may countersign, but without the person-in-charge role: no.
        Caller hqWithoutCharge = Fixtures.staff(EAST, "hal", "director", "HQ", org.servicepoint.platform.control.Roles.HEADQUARTERS);
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).countersign(em, hqWithoutCharge, draft.id(), v))).status())
                .isEqualTo(403);
        Caller rosaAsReporter = Fixtures.northManager(EAST);
        ReportView own = draft(EAST, rosaAsReporter, "accident-injury", complete());
        call(EAST, rosaAsReporter, own.id());
        ReportView ownSubmitted = submit(EAST, rosaAsReporter, read(EAST, rosaAsReporter, own.id()));
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).countersign(em, rosaAsReporter, own.id(), ownSubmitted.version())))
                .status()).isEqualTo(403);
        ReportView countersigned = inTenant(EAST, em -> store(EAST).countersign(em, Fixtures.northManager(EAST), draft.id(), v).report());
        assertThat(countersigned.status()).isEqualTo("countersigned");
        assertThat(countersigned.steps().readyForDistribution()).isTrue();
        assertThat(countersigned.signatures()).extracting(ReportView.Signature::kind).containsExactly("reporter", "countersignature");
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).countersign(em, Fixtures.northManager(EAST), draft.id(),
                countersigned.version()))).status()).isEqualTo(409);
    }

    @Test
    void an_addendum_is_appended_and_signed_and_the_chain_links_every_signature() {
        ReportView report = fullySigned(EAST);
        assertThat(report.addenda()).hasSize(1);
        assertThat(report.addenda().get(0).signatureSeq()).isEqualTo(3);
        assertThat(report.answers()).containsEntry("location", "Lobby");
        List<ReportView.Signature> chain = report.signatures();
        assertThat(chain).extracting(ReportView.Signature::kind).containsExactly("reporter", "countersignature", "addendum");
        assertThat(chain.get(0).previousHash()).isEqualTo(SignatureChain.GENESIS);
        assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
        assertThat(chain.get(2).previousHash()).isEqualTo(chain.get(1).hash());
        // The reporter's and the countersigner's content is the same report; the addendum changes what is covered.
        assertThat(chain.get(1).contentHash()).isEqualTo(chain.get(0).contentHash());
        assertThat(chain.get(2).contentHash()).isNotEqualTo(chain.get(1).contentHash());
        Verification verification = inTenant(EAST, em -> store(EAST).verify(em, Fixtures.assistant(EAST), report.id()));
        assertThat(verification.intact()).isTrue();
        assertThat(verification.checked()).isEqualTo(3);
        assertThat(verification.headHash()).isEqualTo(chain.get(2).hash());
    }

    @Test
    void headquarters_acknowledges_and_closes_and_the_delivery_marks_distribution_once() {
        ReportView report = fullySigned(EAST);
        Caller hq = Fixtures.headquarters(EAST);
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).close(em, hq, report.id(), report.version()))).status()).isEqualTo(409);
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).acknowledge(em, Fixtures.northManager(EAST), report.id(),
                report.version()))).status()).isEqualTo(403);
        ReportView distributed = inTenant(EAST, em -> store(EAST).markDistributed(em, Caller.SYSTEM, report.id(), null)).orElseThrow();
        assertThat(distributed.status()).isEqualTo("distributed");
        Optional<ReportView> again = inTenant(EAST, em -> store(EAST).markDistributed(em, Caller.SYSTEM, report.id(), null));
        assertThat(again).isEmpty();
        ReportView acknowledged = inTenant(EAST, em -> store(EAST).acknowledge(em, hq, report.id(), distributed.version()).report());
        assertThat(acknowledged.status()).isEqualTo("acknowledged");
        ReportView closed = inTenant(EAST, em -> store(EAST).close(em, hq, report.id(), acknowledged.version()));
        assertThat(closed.status()).isEqualTo("closed");
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).addAddendum(em, hq, report.id(), "late", closed.version()))).status())
                .isEqualTo(409);
        assertThat(inTenant(EAST, em -> store(EAST).verify(em, hq, report.id())).intact()).isTrue();
    }

    @Test
    void one_changed_byte_in_the_sealed_answers_is_found_at_the_first_signature() {
        ReportView report = fullySigned(EAST);
        // The answers are sealed: a changed byte no longer opens, and what no longer opens is not what was signed.
        tamperWithAnswers(report.id(), "set_byte(answers, 30, get_byte(answers, 30) # 1)");
        Verification v = verifiedByHeadquarters(report.id());
        assertThat(v.intact()).isFalse();
        assertThat(firstMismatch(v, 1, Problem.CONTENT_CHANGED).signatureId()).isNotNull();
        assertThat(v.checked()).isEqualTo(1);
        // Reading it or printing it is refused rather than showing text nobody signed.
        assertThat(refusalOf(() -> read(EAST, Fixtures.headquarters(EAST), report.id())).status()).isEqualTo(409);
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).pdf(em, Fixtures.headquarters(EAST), report.id()))).status())
                .isEqualTo(409);
    }

    @Test
    void sealed_answers_copied_from_another_report_do_not_open_and_verification_says_so() {
        ReportView report = fullySigned(EAST);
        ReportView other = fullySigned(EAST);
        // A whole valid sealed value, but bound to the other report's row.
        tamperWithAnswers(report.id(), "(select answers from incident_report where id = '" + other.id() + "')");
        Verification v = verifiedByHeadquarters(report.id());
        assertThat(v.intact()).isFalse();
        firstMismatch(v, 1, Problem.CONTENT_CHANGED);
        assertThat(verifiedByHeadquarters(other.id()).intact()).isTrue();
    }

    @Test
    void a_changed_addendum_is_found_at_the_signature_that_covers_it() {
        ReportView report = fullySigned(EAST);
        tamper("update incident_addendum set text = set_byte(text, 25, get_byte(text, 25) # 1) where report_id = '" + report.id() + "'",
                "incident_addendum", "incident_addendum_append_only");
        Verification v = verifiedByHeadquarters(report.id());
        assertThat(firstMismatch(v, 3, Problem.CONTENT_CHANGED).kind()).isEqualTo("addendum");
        assertThat(v.headHash()).isEqualTo(report.signatures().get(1).hash());
    }

    @Test
    void a_rewritten_signature_time_and_a_removed_signature_are_found_too() {
        ReportView report = fullySigned(EAST);
        tamper("update incident_signature set signed_at = signed_at - interval '1 hour' where report_id = '" + report.id()
                + "' and seq = 2", "incident_signature", "incident_signature_append_only");
        firstMismatch(verifiedByHeadquarters(report.id()), 2, Problem.SIGNATURE_CHANGED);

        ReportView other = fullySigned(EAST);
        tamper("delete from incident_signature where report_id = '" + other.id() + "' and seq = 2", "incident_signature",
                "incident_signature_append_only");
        firstMismatch(verifiedByHeadquarters(other.id()), 3, Problem.SEQUENCE_GAP);
    }

    /** Sets the sealed answers of {@code report} to {@code value}, an SQL expression, past the trigger that guards them. */
    static void tamperWithAnswers(UUID report, String value) {
        tamper("update incident_report set answers = " + value + " where id = '" + report + "'", "incident_report", "incident_report_sealed");
    }

    static Verification verifiedByHeadquarters(UUID report) {
        return inTenant(EAST, em -> store(EAST).verify(em, Fixtures.headquarters(EAST), report));
    }

    /** The first signature that no longer holds is number {@code seq}, for {@code problem}. */
    static Verification.Mismatch firstMismatch(Verification v, int seq, Problem problem) {
        assertThat(v.firstMismatch().seq()).isEqualTo(seq);
        assertThat(v.firstMismatch().problem()).isEqualTo(problem);
        return v.firstMismatch();
    }

    /** As the superuser, with the table's guard trigger off for this one transaction. */
    static void tamper(String sql, String table, String trigger) {
        asOwnerSql("alter table " + table + " disable trigger " + trigger, sql, "alter table " + table + " enable trigger " + trigger);
    }

    @Test
    void the_pdf_reads_back_with_the_report_text_and_every_signature_hash() throws IOException {
        ReportView report = fullySigned(EAST);
        byte[] pdf = inTenant(EAST, em -> store(EAST).pdf(em, Fixtures.northManager(EAST), report.id()));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("A patron tripped on the mat at the entrance.", "She got up at once.",
                    "her wrist is sprained", "Zoë", "Branch services coordinator", report.id().toString(), "Accident or injury",
                    "All 3 signature(s) hold");
            for (ReportView.Signature s : report.signatures()) {
                assertThat(text).contains(s.hash(), s.contentHash());
            }
        }
        Caller sam = Fixtures.assistant(EAST);
        ReportView draft = draft(EAST, sam, "theft", Map.of());
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).pdf(em, sam, draft.id()))).status()).isEqualTo(409);
    }

    @Test
    void desk_staff_see_their_own_reports_persons_in_charge_their_branch_and_headquarters_everything() {
        Caller sam = Fixtures.assistant(EAST);
        Caller ana = Fixtures.staff(EAST, "ana", "library-assistant", "SOUTH");
        ReportView samsReport = draft(EAST, sam, "theft", Map.of());
        ReportView anasReport = draft(EAST, ana, "theft", Map.of());
        assertThat(list(EAST, sam)).contains(samsReport.id()).doesNotContain(anasReport.id());
        assertThat(refusalOf(() -> read(EAST, sam, anasReport.id())).status()).isEqualTo(404);
        assertThat(list(EAST, Fixtures.northManager(EAST))).contains(samsReport.id()).doesNotContain(anasReport.id());
        assertThat(list(EAST, Fixtures.southManager(EAST))).contains(anasReport.id()).doesNotContain(samsReport.id());
        assertThat(list(EAST, Fixtures.headquarters(EAST))).contains(samsReport.id(), anasReport.id());
        List<ReportSummary> south = inTenant(EAST, em -> store(EAST).list(em, Fixtures.headquarters(EAST),
                new ReportFilter("south", "theft", "draft", java.time.LocalDate.parse("2026-03-10"), java.time.LocalDate.parse("2026-03-10"), 50)));
        assertThat(south).extracting(ReportSummary::id).contains(anasReport.id()).doesNotContain(samsReport.id());
        List<ReportSummary> later = inTenant(EAST, em -> store(EAST).list(em, Fixtures.headquarters(EAST),
                new ReportFilter(null, null, null, java.time.LocalDate.parse("2026-03-11"), null, 50)));
        assertThat(later).isEmpty();
        assertThat(refusalOf(() -> inTenant(EAST, em -> store(EAST).list(em, sam, new ReportFilter(null, null, "lost", null, null, 10))))
                .violations()).extracting(Violation::field).containsExactly("status");
    }

    static List<UUID> list(String tenant, Caller caller) {
        return inTenant(tenant, em -> store(tenant).list(em, caller, ReportFilter.everything())).stream().map(ReportSummary::id).toList();
    }

    @Test
    void another_library_systems_report_is_not_found_whatever_the_role() {
        ReportView east = draft(EAST, Fixtures.assistant(EAST), "theft", Map.of());
        Consumer<Caller> tryRead = caller -> assertThat(refusalOf(() -> read(WEST, caller, east.id())).status()).isEqualTo(404);
        tryRead.accept(Fixtures.headquarters(WEST));
        tryRead.accept(Caller.SYSTEM);
        assertThat(list(WEST, Fixtures.headquarters(WEST))).doesNotContain(east.id());
        // An East caller against West's store is not staff of West: nothing.
        assertThat(refusalOf(() -> read(WEST, Fixtures.headquarters(EAST), east.id())).status()).isEqualTo(404);
    }
}
