package org.servicepoint.bans.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.WallChecks.asApplication;
import static org.servicepoint.platform.testing.WallChecks.assertRefused;
import static org.servicepoint.platform.testing.WallChecks.bound;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.RetainedRecords;
import org.servicepoint.confidentiality.control.Retention;
import org.servicepoint.confidentiality.control.RetentionStore.Purged;
import org.servicepoint.incidents.reports.control.IncidentReportRetention;
import org.servicepoint.incidents.reports.control.ReportedPatronReferences;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;

/**
 * The nightly purge of incident reports and computer-use bans on real PostgreSQL, as the application role, through
 * the definer functions of both modules: what is due goes (a report with its addenda, signatures and deliveries),
 * what is young or still in use stays, a report a remaining ban names stays, and another library system is untouched.
 */
class RetainedRecordsDatabaseTest {

    static final String TENANT = "ret-main";
    static final String OTHER = "ret-other";
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final List<RetainedRecords> TYPES = List.of(new IncidentReportRetention(), new BanRetention());

    /** What the purge told the audit log (the log's own writing is the platform's tests'). */
    static final List<String> audited = new ArrayList<>();
    static final AuditLog audit = new AuditLog() {
        @Override
        public void success(TenantId tenant, Caller caller, String action, String target, String detail) {
            audited.add(tenant.value() + " " + caller.auditName() + " " + action + " " + detail);
        }
    };

    static UUID endedBanReport, liftedBanReport, closedReport, youngReport, openReport, endedBan, liftedBan, otherReport;
    static UUID releasedReference;

    @BeforeAll
    static void seed() {
        BansDatabase.BANS.db();
        BansDatabase.BANS.tenant(TENANT);
        BansDatabase.BANS.tenant(OTHER);
        releasedReference = reference(TENANT);
        endedBanReport = report(TENANT, "2020-02-01Z", "[]");
        liftedBanReport = report(TENANT, "2020-02-01Z", "[]");
        closedReport = report(TENANT, "2020-03-01Z", "[\"" + releasedReference + "\"]");
        youngReport = report(TENANT, "2028-06-01Z", "[]");
        openReport = report(TENANT, null, "[]");
        // Ended five years ago: due. Lifted half a year ago: kept, and so is the report it names.
        endedBan = ban(TENANT, endedBanReport, "2025-01-01Z", null);
        liftedBan = ban(TENANT, liftedBanReport, "2099-01-01Z", "2029-06-01Z");
        otherReport = report(OTHER, "2020-03-01Z", "[]");
        ban(OTHER, otherReport, "2021-01-01Z", null);
        BansDatabase.BANS.asOwnerSql(
                "insert into incident_addendum (id, tenant_id, report_id, seq, text, author_username, created_at, signature_seq) "
                        + "values (gen_random_uuid(), '" + TENANT + "', '" + closedReport + "', 1, '\\x01', 'sam', '2020-02-01Z', 2)",
                "insert into incident_delivery (id, tenant_id, report_id, kind, recipient_name, recipient_position, email, status, "
                        + "next_attempt_at, message_id, created_at) values (gen_random_uuid(), '" + TENANT + "', '" + closedReport
                        + "', 'REPORT', 'Rosa', 'director', 'rosa@example.org', 'SENT', '2020-01-01Z', '<m1@sp>', '2020-01-01Z')");
    }

    @Test
    void due_bans_and_closed_reports_go_with_their_trail_and_everything_young_open_or_named_by_a_ban_stays() throws SQLException {
        Optional<Purged> purged = BansDatabase.BANS.inTenant(TENANT, em -> Retention.purge(em, TenantId.of(TENANT), Caller.SYSTEM,
                audit, TYPES, List.of(new BannedPatronReferences().heldReferences(), new ReportedPatronReferences().heldReferences()),
                NOW));

        // The ended ban went first, so the report it named went in the same run; the closed report released its patron
        // (with the two banned patrons' references: neither ban is in force, and both were last used in 2020).
        assertThat(purged).isPresent();
        assertThat(purged.get().others()).containsEntry("computer-use-ban", 1).containsEntry("incident-report", 2);
        assertThat(purged.get().patronReferences()).isEqualTo(3);
        assertThat(ids("select id from computer_use_ban where tenant_id = '" + TENANT + "'")).containsExactly(liftedBan);
        assertThat(ids("select id from incident_report where tenant_id = '" + TENANT + "'"))
                .containsExactlyInAnyOrder(liftedBanReport, youngReport, openReport);
        assertThat(count("select count(*) from incident_signature where report_id in ('" + closedReport + "', '" + endedBanReport + "')"))
                .isZero();
        assertThat(count("select count(*) from incident_addendum where report_id = '" + closedReport + "'")).isZero();
        assertThat(count("select count(*) from incident_delivery where report_id = '" + closedReport + "'")).isZero();
        assertThat(count("select count(*) from incident_signature where report_id = '" + youngReport + "'")).isEqualTo(1);
        assertThat(count("select count(*) from patron_reference where id = '" + releasedReference + "'")).isZero();
        assertThat(count("select count(*) from incident_report where tenant_id = '" + OTHER + "'")).isEqualTo(1);
        assertThat(count("select count(*) from computer_use_ban where tenant_id = '" + OTHER + "'")).isEqualTo(1);
        assertThat(audited).anySatisfy(line -> assertThat(line).startsWith(TENANT + " system:system retention.purge ")
                .contains("computer-use-ban: 1", "incident-report: 2", "patron-reference: 3"));

        // Nothing more is due at the same moment.
        Optional<Purged> again = BansDatabase.BANS.inTenant(TENANT, em -> Retention.purge(em, TenantId.of(TENANT), Caller.SYSTEM,
                audit, TYPES, List.of(), NOW));
        assertThat(again.get().others()).containsEntry("computer-use-ban", 0).containsEntry("incident-report", 0);
    }

    @Test
    void the_purge_functions_refuse_a_library_system_other_than_the_one_the_transaction_is_bound_to() {
        assertThatThrownBy(() -> BansDatabase.BANS.inTenant(TENANT, em -> em.createNativeQuery(
                "select incident_reports_purge(?1, ?2, ?3)").setParameter(1, OTHER)
                .setParameter(2, java.time.OffsetDateTime.parse("2031-01-01T00:00:00Z")).setParameter(3, 1000).getSingleResult()))
                .hasStackTraceContaining("only records of the library system its transaction is bound to");
        assertThatThrownBy(() -> BansDatabase.BANS.inTenant(TENANT, em -> em.createNativeQuery(
                "select computer_use_bans_purge(?1, ?2, ?3)").setParameter(1, OTHER)
                .setParameter(2, java.time.OffsetDateTime.parse("2031-01-01T00:00:00Z")).setParameter(3, 1000).getSingleResult()))
                .hasStackTraceContaining("only records of the library system its transaction is bound to");
    }

    @Test
    void outside_the_purge_signatures_and_addenda_still_refuse_deletion_even_to_the_tables_owner() throws SQLException {
        bound(BansDatabase.BANS.db().owner(), TENANT,
                c -> assertRefused(c, "delete from incident_signature where report_id = '" + youngReport + "'", "never changed or removed"));
        asApplication(BansDatabase.BANS.db(), TENANT,
                c -> assertRefused(c, "delete from incident_report where id = '" + youngReport + "'", "permission denied"));
    }

    static UUID reference(String tenant) {
        UUID id = UUID.randomUUID();
        BansDatabase.BANS.asOwnerSql("insert into patron_reference (id, tenant_id, card_lookup, lookup_key_version, card_last4, created_at, "
                + "last_used_at) values ('" + id + "', '" + tenant + "', decode(md5('" + id + "'), 'hex'), 1, '\\x01', "
                + "'2020-01-01Z', '2020-01-01Z')");
        return id;
    }

    /** A signed report, closed at {@code closedAt} (or still submitted when null), with its reporter's signature. */
    static UUID report(String tenant, String closedAt, String patrons) {
        UUID form = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        String hash = "d".repeat(64);
        String closed = closedAt == null ? "null" : "'" + closedAt + "'";
        BansDatabase.BANS.asOwnerSql("insert into incident_form_version (id, tenant_id, version, content_hash, document, source, published_at, "
                        + "published_by) values ('" + form + "', '" + tenant + "', (select coalesce(max(version), 0) + 1 from "
                        + "incident_form_version where tenant_id = '" + tenant + "'), '" + hash + "', '{}', 'test', now(), 'test')",
                "insert into incident_report (id, tenant_id, form_version_id, form_version, form_hash, category, branch_code, occurred_at, "
                        + "reporter_username, answers, staff_names, patron_references, status, needs_verbal_report, needs_countersign, "
                        + "created_at, updated_at, submitted_at, closed_at, closed_by) values ('" + report + "', '" + tenant + "', '" + form
                        + "', 1, '" + hash + "', 'computer-use-ban', 'NORTH', '2020-01-01Z', 'sam', '\\x01', '[]', '" + patrons + "', "
                        + (closedAt == null ? "'SUBMITTED'" : "'CLOSED'") + ", false, false, '2020-01-01Z', '2020-01-01Z', '2020-01-01Z', "
                        + closed + ", " + (closedAt == null ? "null" : "'hq'") + ")",
                "insert into incident_signature (id, tenant_id, report_id, seq, kind, signer_username, signed_at, content_hash, "
                        + "previous_hash, hash) values (gen_random_uuid(), '" + tenant + "', '" + report + "', 1, 'REPORTER', 'sam', "
                        + "'2020-01-01Z', '" + hash + "', '" + "0".repeat(64) + "', '" + hash + "')");
        return report;
    }

    static UUID ban(String tenant, UUID report, String endsAt, String liftedAt) {
        UUID id = UUID.randomUUID();
        String lifted = liftedAt == null ? "null, null, null" : "'" + liftedAt + "', 'rosa', '\\x01'";
        BansDatabase.BANS.asOwnerSql("insert into computer_use_ban (id, tenant_id, patron_reference_id, incident_report_id, scope, starts_at, "
                + "ends_at, reason, created_at, created_by, lifted_at, lifted_by, lift_reason) values ('" + id + "', '" + tenant + "', '"
                + reference(tenant) + "', '" + report + "', 'SYSTEM', '2020-01-01Z', '" + endsAt + "', '\\x01', '2020-01-01Z', 'rosa', "
                + lifted + ")");
        return id;
    }

    static List<UUID> ids(String sql) throws SQLException {
        return BansDatabase.BANS.db().firstColumn(sql, UUID.class);
    }

    static int count(String sql) throws SQLException {
        return BansDatabase.BANS.db().firstColumn(sql, Long.class).get(0).intValue();
    }
}
