package org.servicepoint.incidents.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.control.IncidentsDatabase;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Wall 2 on its own for the incident tables: plain SQL as the application role, no EclipseLink, so only
 * PostgreSQL's row-level security keeps one library system's forms, reports, addenda and signatures from another.
 */
class IncidentsRowLevelSecurityTest {

    static final String NORTH = "inc-rls-north";
    static final String SOUTH = "inc-rls-south";
    static final List<String> TABLES = List.of("incident_form_version", "incident_report", "incident_addendum", "incident_signature");
    static final String HASH = "a".repeat(64);

    static TestDatabase db;

    @BeforeAll
    static void twoLibrarySystemsWithAReportEach() throws SQLException {
        db = IncidentsDatabase.db();
        IncidentsDatabase.tenant(NORTH);
        IncidentsDatabase.tenant(SOUTH);
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            for (String tenant : List.of(NORTH, SOUTH)) {
                bind(c, tenant);
                insertAll(c, tenant);
                c.commit();
            }
        }
    }

    static void bind(Connection c, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            p.setString(1, tenant);
            p.executeQuery().close();
        }
    }

    /** A form version, a signed report on it, an addendum and its signature, all for {@code tenant}. */
    static UUID insertAll(Connection c, String tenant) throws SQLException {
        UUID form = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        try (PreparedStatement p = c.prepareStatement("insert into incident_form_version (id, tenant_id, version, content_hash, "
                + "document, source, published_at, published_by) values (?, ?, (select coalesce(max(version), 0) + 1 from "
                + "incident_form_version), ?, '{}', 'test', now(), 'test')")) {
            p.setObject(1, form);
            p.setString(2, tenant);
            p.setString(3, HASH);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("insert into incident_report (id, tenant_id, form_version_id, form_version, "
                + "form_hash, category, branch_code, occurred_at, reporter_username, answers, staff_names, patron_references, status, "
                + "needs_verbal_report, needs_countersign, created_at, updated_at, submitted_at) values (?, ?, ?, 1, ?, 'theft', 'HQ', "
                + "now(), 'sam', '{}', '{}', '[]', 'SUBMITTED', false, false, now(), now(), now())")) {
            p.setObject(1, report);
            p.setString(2, tenant);
            p.setObject(3, form);
            p.setString(4, HASH);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("insert into incident_addendum (id, tenant_id, report_id, seq, text, "
                + "author_username, created_at, signature_seq) values (?, ?, ?, 1, 'later', 'sam', now(), 2)")) {
            p.setObject(1, UUID.randomUUID());
            p.setString(2, tenant);
            p.setObject(3, report);
            p.executeUpdate();
        }
        try (PreparedStatement p = c.prepareStatement("insert into incident_signature (id, tenant_id, report_id, seq, kind, "
                + "signer_username, signed_at, content_hash, previous_hash, hash) values (?, ?, ?, 1, 'REPORTER', 'sam', now(), ?, ?, ?)")) {
            p.setObject(1, UUID.randomUUID());
            p.setString(2, tenant);
            p.setObject(3, report);
            p.setString(4, HASH);
            p.setString(5, HASH);
            p.setString(6, HASH);
            p.executeUpdate();
        }
        return report;
    }

    static List<String> visibleTenants(Connection c, String table) throws SQLException {
        List<String> tenants = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select distinct tenant_id from " + table)) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        return tenants;
    }

    @Test
    void each_table_shows_only_the_bound_library_systems_rows_even_without_a_where() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, SOUTH);
            for (String table : TABLES) {
                assertThat(visibleTenants(c, table)).as(table).containsOnly(SOUTH);
            }
            c.rollback();
        }
    }

    @Test
    void with_no_library_system_set_nothing_is_visible() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            for (String table : TABLES) {
                assertThat(visibleTenants(c, table)).as(table).isEmpty();
            }
        }
    }

    @Test
    void rows_cannot_be_written_for_another_library_system_nor_moved_to_one() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, SOUTH);
            assertThatThrownBy(() -> insertAll(c, NORTH)).hasMessageContaining("row-level security");
            c.rollback();
            bind(c, SOUTH);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("update incident_report set status = 'CLOSED' where tenant_id = '" + NORTH + "'")).isZero();
                // A draft, so that the sealing trigger (which guards signed reports) stays out of the way.
                s.executeUpdate("insert into incident_report (id, tenant_id, form_version_id, form_version, form_hash, category, "
                        + "branch_code, occurred_at, reporter_username, answers, staff_names, patron_references, status, "
                        + "needs_verbal_report, needs_countersign, created_at, updated_at) select gen_random_uuid(), tenant_id, "
                        + "form_version_id, 1, form_hash, 'theft', 'HQ', now(), 'sam', '{}', '{}', '[]', 'DRAFT', false, false, now(), "
                        + "now() from incident_report limit 1");
                assertThatThrownBy(() -> s.executeUpdate("update incident_report set tenant_id = '" + NORTH + "' where status = 'DRAFT'"))
                        .hasMessageContaining("row-level security");
            }
            c.rollback();
        }
    }

    @Test
    void the_application_role_cannot_change_or_remove_signatures_addenda_or_form_versions() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, SOUTH);
            for (String table : List.of("incident_signature", "incident_addendum", "incident_form_version")) {
                try (Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate("delete from " + table)).as(table).hasMessageContaining("permission denied");
                }
                c.rollback();
                bind(c, SOUTH);
            }
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("delete from incident_report")).hasMessageContaining("permission denied");
            }
            c.rollback();
        }
        // Even the owner is stopped by the append-only trigger.
        try (Connection owner = db.owner().getConnection(); Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update incident_signature set hash = '" + "b".repeat(64) + "' where tenant_id = '"
                    + SOUTH + "'")).hasMessageContaining("never changed");
        }
    }

    @Test
    void every_incident_table_has_row_level_security_and_belongs_to_the_owner() throws SQLException {
        try (Connection owner = db.owner().getConnection();
             PreparedStatement p = owner.prepareStatement("select c.relrowsecurity, pg_get_userbyid(c.relowner) from pg_class c "
                     + "where c.relname = ?")) {
            for (String table : TABLES) {
                p.setString(1, table);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).as(table).isTrue();
                    assertThat(rs.getBoolean(1)).as(table).isTrue();
                    assertThat(rs.getString(2)).as(table).isEqualTo(TestDatabase.OWNER);
                }
            }
        }
    }
}
