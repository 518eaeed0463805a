package org.servicepoint.incidents.reports.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.incidents.IncidentsDatabase.inTenant;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.incidents.Fixtures;
import org.servicepoint.incidents.IncidentsDatabase;
import org.servicepoint.incidents.forms.control.CanonicalJson;
import org.servicepoint.incidents.forms.control.IncidentFormStore;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;

/**
 * Free text about patrons in incident reports (answers, the note of the call to headquarters, addenda) is sealed at
 * rest: the table owner reads no plain text, reports sealed under a retired data key still read and verify, and
 * plain text from before sealing is sealed once without breaking a signature.
 */
class SealedTextDatabaseTest {

    static final String TENANT = "inc-sealed";
    static final String FORM = """
            fields:
              - {key: location, label: Where, type: text, required: true}
              - {key: description, label: What happened, type: long-text, required: true, maxLength: 2000}
            categories:
              - code: accident-injury
                verbalReportToHeadquarters: true
                countersignature: false
                recipients: [director]
            """;

    @BeforeAll
    static void aLibrarySystemWithAForm() {
        IncidentsDatabase.tenantWithForm(TENANT, FORM);
    }

    static IncidentReportStore store(TextSeal seal) {
        return new IncidentReportStore(TenantId.of(TENANT), Fixtures.library(TENANT), Fixtures.CLOCK, seal, Fixtures.deliveries());
    }

    /** A signed report with an addendum whose every free text carries {@code marker}. */
    static ReportView signedReport(String marker) {
        Caller sam = Fixtures.assistant(TENANT);
        TextSeal seal = Fixtures.seal(TENANT);
        ReportView draft = inTenant(TENANT, em -> store(seal).create(em, sam, new IncidentFormStore(Fixtures.CLOCK).current(em).orElseThrow(),
                new NewReport("accident-injury", null, OffsetDateTime.parse("2026-03-10T13:30:00-05:00"),
                        Map.of("location", "Lobby " + marker, "description", "Patron Ada Quill fell " + marker), List.of()),
                Fixtures.roster()));
        inTenant(TENANT, em -> store(seal).recordVerbalReport(em, sam, draft.id(), new VerbalReportDraft(null, "Coordinator",
                OffsetDateTime.parse("2026-03-10T13:45:00-05:00"), "Note about the patron " + marker)));
        ReportView read = inTenant(TENANT, em -> store(seal).read(em, sam, draft.id()));
        ReportView submitted = inTenant(TENANT, em -> store(seal).submit(em, sam, draft.id(), read.version()).report());
        return inTenant(TENANT, em -> store(seal).addAddendum(em, sam, draft.id(), "Addendum naming the patron " + marker,
                submitted.version()).report());
    }

    @Test
    void the_table_owner_finds_no_answer_call_note_or_addendum_in_plain_text() throws SQLException {
        String marker = "Zebulon" + UUID.randomUUID().toString().substring(0, 8);
        ReportView report = signedReport(marker);
        assertThat(report.answers()).containsEntry("location", "Lobby " + marker);
        assertThat(report.verbalReport().note()).isEqualTo("Note about the patron " + marker);
        assertThat(report.addenda().get(0).text()).isEqualTo("Addendum naming the patron " + marker);
        List<String> rows = ownerReads("select r::text from incident_report r where id = '" + report.id() + "'");
        rows.addAll(ownerReads("select a::text from incident_addendum a where report_id = '" + report.id() + "'"));
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).doesNotContain(marker).doesNotContain("Ada Quill"));
        // And nowhere in either table, in any row of any library system.
        assertThat(ownerReads("select count(*)::text from incident_report r where r::text like '%" + marker + "%'")).containsExactly("0");
        assertThat(ownerReads("select count(*)::text from incident_addendum a where a::text like '%" + marker + "%'")).containsExactly("0");
        assertThat(ownerReads("select data_type from information_schema.columns where (table_name, column_name) in "
                + "(('incident_report', 'answers'), ('incident_report', 'verbal_note'), ('incident_addendum', 'text'))"))
                .containsExactly("bytea", "bytea", "bytea");
        assertThat(inTenant(TENANT, em -> store(Fixtures.seal(TENANT)).verify(em, Fixtures.headquarters(TENANT), report.id())).intact())
                .isTrue();
    }

    @Test
    void a_report_sealed_before_a_data_key_rotation_still_reads_and_verifies_and_new_text_uses_the_new_key() throws SQLException {
        ReportView report = signedReport("before-rotation");
        TextSeal rotated = Fixtures.rotatedSeal(TENANT);
        Caller hq = Fixtures.headquarters(TENANT);
        ReportView read = inTenant(TENANT, em -> store(rotated).read(em, hq, report.id()));
        assertThat(read.answers()).containsEntry("location", "Lobby before-rotation");
        assertThat(read.verbalReport().note()).isEqualTo("Note about the patron before-rotation");
        ReportView added = inTenant(TENANT, em -> store(rotated).addAddendum(em, hq, report.id(), "Written after the rotation",
                read.version()).report());
        assertThat(added.addenda()).extracting(ReportView.Addendum::text)
                .containsExactly("Addendum naming the patron before-rotation", "Written after the rotation");
        Verification v = inTenant(TENANT, em -> store(rotated).verify(em, hq, report.id()));
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(3);
        // The key version is in each stored value: the old text under version 1, the new addendum under version 2.
        assertThat(keyVersions("select text from incident_addendum where report_id = '" + report.id() + "' order by seq"))
                .containsExactly(1, 2);
    }

    @Test
    void a_data_key_rotation_seals_signed_text_again_under_the_new_key_and_every_signature_still_holds() throws SQLException {
        String tenant = "inc-reseal";
        IncidentsDatabase.tenantWithForm(tenant, FORM);
        Caller sam = Fixtures.assistant(tenant);
        IncidentReportStore before = Fixtures.reports(tenant);
        ReportView draft = inTenant(tenant, em -> before.create(em, sam, new IncidentFormStore(Fixtures.CLOCK).current(em).orElseThrow(),
                new NewReport("accident-injury", null, OffsetDateTime.parse("2026-03-10T13:30:00-05:00"),
                        Map.of("location", "Lobby", "description", "A fall"), List.of()), Fixtures.roster()));
        inTenant(tenant, em -> before.recordVerbalReport(em, sam, draft.id(), new VerbalReportDraft(null, "Coordinator",
                OffsetDateTime.parse("2026-03-10T13:45:00-05:00"), "A note")));
        long version = inTenant(tenant, em -> before.read(em, sam, draft.id())).version();
        long signed = inTenant(tenant, em -> before.submit(em, sam, draft.id(), version).report()).version();
        inTenant(tenant, em -> before.addAddendum(em, sam, draft.id(), "Later", signed));

        // As the application role with the guard triggers on, as the rotation's transaction does it.
        var rotated = Fixtures.rotatedSeal(tenant);
        int resealed = inTenant(tenant, em -> SealedText.resealColumns(em, rotated, IncidentReportStore.REPORT_TABLE, "answers", "verbal_note")
                + SealedText.resealColumns(em, rotated, IncidentReportStore.ADDENDUM_TABLE, "text"));
        assertThat(resealed).isEqualTo(3);
        assertThat(keyVersions("select answers from incident_report where id = '" + draft.id() + "'")).containsExactly(2);
        assertThat(keyVersions("select verbal_note from incident_report where id = '" + draft.id() + "'")).containsExactly(2);
        assertThat(keyVersions("select text from incident_addendum where report_id = '" + draft.id() + "'")).containsExactly(2);
        // Version 1 is not needed any more: the new key alone opens everything, and the chain holds.
        IncidentReportStore after = new IncidentReportStore(TenantId.of(tenant), Fixtures.library(tenant), Fixtures.CLOCK,
                Fixtures.onlyNewKey(tenant), Fixtures.deliveries());
        Caller hq = Fixtures.headquarters(tenant);
        ReportView read = inTenant(tenant, em -> after.read(em, hq, draft.id()));
        assertThat(read.answers()).containsEntry("description", "A fall");
        assertThat(read.verbalReport().note()).isEqualTo("A note");
        assertThat(read.addenda()).extracting(ReportView.Addendum::text).containsExactly("Later");
        assertThat(inTenant(tenant, em -> after.verify(em, hq, draft.id())).intact()).isTrue();
        // Nothing moves back to an older key version, not even as the application role writing SQL.
        var older = Fixtures.seal(tenant);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> inTenant(tenant, em -> em.createNativeQuery(
                        "update incident_report set answers = ?1 where id = ?2")
                .setParameter(1, older.seal(IncidentReportStore.REPORT_TABLE,
                        "answers", draft.id(), "{}"))
                .setParameter(2, draft.id()).executeUpdate())).hasStackTraceContaining("cannot change");
    }

    @Test
    void plain_text_from_before_sealing_is_sealed_once_and_every_signature_still_holds() throws SQLException {
        ReportView report = signedReport("legacy");
        TextSeal seal = Fixtures.seal(TENANT);
        UUID addendumId = UUID.fromString(ownerReads("select id::text from incident_addendum where report_id = '" + report.id() + "'").get(0));
        // A row as a database written before migration V15 holds it: the plain text, no sealed value.
        String answers = CanonicalJson.write(report.answers());
        asOwnerWithoutGuards("update incident_report set answers_plain = ?, answers = null, verbal_note_plain = ?, verbal_note = null "
                + "where id = ?", answers, report.verbalReport().note(), report.id());
        asOwnerWithoutGuards("update incident_addendum set text_plain = ?, text = null where id = ?", report.addenda().get(0).text(),
                addendumId);
        assertThat(ownerReads("select count(*)::text from incident_report r where r::text like '%legacy%'")).doesNotContain("0");

        // As the application role, with the guard triggers on: the one change they allow after signing.
        int sealed = inTenant(TENANT, em -> SealedText.sealPlainColumns(em, seal, IncidentReportStore.REPORT_TABLE, "answers", "verbal_note")
                + SealedText.sealPlainColumns(em, seal, IncidentReportStore.ADDENDUM_TABLE, "text"));
        assertThat(sealed).isEqualTo(3);
        int again = inTenant(TENANT, em -> SealedText.sealPlainColumns(em, seal, IncidentReportStore.REPORT_TABLE, "answers", "verbal_note")
                + SealedText.sealPlainColumns(em, seal, IncidentReportStore.ADDENDUM_TABLE, "text"));
        assertThat(again).isZero();

        assertThat(ownerReads("select count(*)::text from incident_report r where id = '" + report.id() + "' and r::text like '%legacy%'"))
                .containsExactly("0");
        assertThat(ownerReads("select count(*)::text from incident_addendum a where id = '" + addendumId + "' and a::text like '%legacy%'"))
                .containsExactly("0");
        Caller hq = Fixtures.headquarters(TENANT);
        assertThat(inTenant(TENANT, em -> store(seal).read(em, hq, report.id())).answers()).isEqualTo(report.answers());
        assertThat(inTenant(TENANT, em -> store(seal).verify(em, hq, report.id())).intact()).isTrue();
    }

    static List<String> ownerReads(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = IncidentsDatabase.db().superuser().getConnection(); PreparedStatement p = c.prepareStatement(sql);
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    static List<Integer> keyVersions(String sql) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = IncidentsDatabase.db().superuser().getConnection(); PreparedStatement p = c.prepareStatement(sql);
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                versions.add(ByteBuffer.wrap(rs.getBytes(1), 1, 4).getInt());
            }
        }
        return versions;
    }

    /** As the owner, the guard triggers off for this one transaction: how an old row looked, made up behind the application. */
    static void asOwnerWithoutGuards(String sql, Object... parameters) throws SQLException {
        try (Connection c = IncidentsDatabase.db().superuser().getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("alter table incident_report disable trigger incident_report_sealed");
                s.execute("alter table incident_addendum disable trigger incident_addendum_append_only");
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    p.setObject(i + 1, parameters[i]);
                }
                p.executeUpdate();
            }
            try (var s = c.createStatement()) {
                s.execute("alter table incident_report enable trigger incident_report_sealed");
                s.execute("alter table incident_addendum enable trigger incident_addendum_append_only");
            }
            c.commit();
        }
    }
}
