package org.servicepoint.confidentiality.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.confidentiality.control.ConfidentialityDatabase;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Wall 2 on its own for confidentiality's tables: plain SQL as the application role, no EclipseLink, so only
 * PostgreSQL's row-level security keeps the library systems apart.
 */
class ConfidentialityRowLevelSecurityTest {

    static final List<String> TABLES = List.of("tenant_data_key", "patron_reference", "disclosure_request", "retention_period");
    static TestDatabase db;

    @BeforeAll
    static void twoTenants() throws SQLException {
        db = ConfidentialityDatabase.db();
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            for (String tenant : List.of("rls-conf-a", "rls-conf-b")) {
                bind(c, tenant);
                for (String table : TABLES) {
                    insert(c, table, tenant);
                }
                c.commit();
            }
        }
    }

    @Test
    void with_no_tenant_set_nothing_is_visible() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            for (String table : TABLES) {
                assertThat(tenants(c, table)).as(table).isEmpty();
            }
        }
    }

    @Test
    void a_tenant_sees_only_its_own_rows_and_another_tenant_sees_none_of_them() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, "rls-conf-b");
            for (String table : TABLES) {
                assertThat(tenants(c, table)).as(table).containsOnly("rls-conf-b");
            }
            c.rollback();
            bind(c, "rls-conf-nobody");
            for (String table : TABLES) {
                assertThat(tenants(c, table)).as(table).isEmpty();
            }
            c.rollback();
        }
    }

    @Test
    void writing_for_another_tenant_is_refused_and_changing_its_rows_changes_nothing() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            for (String table : TABLES) {
                bind(c, "rls-conf-a");
                assertThatThrownBy(() -> insert(c, table, "rls-conf-b")).as(table).hasMessageContaining("row-level security");
                c.rollback();
                bind(c, "rls-conf-a");
                assertThat(c.createStatement().executeUpdate("update " + table + " set tenant_id = 'rls-conf-a' "
                        + "where tenant_id = 'rls-conf-b'")).as(table).isZero();
                if (!table.equals("tenant_data_key")) {
                    assertThat(c.createStatement().executeUpdate("delete from " + table + " where tenant_id = 'rls-conf-b'"))
                            .as(table).isZero();
                }
                c.rollback();
            }
        }
        try (Connection owner = db.owner().getConnection()) {
            for (String table : TABLES) {
                assertThat(tenants(owner, table)).as(table).contains("rls-conf-a", "rls-conf-b");
            }
        }
    }

    @Test
    void a_row_cannot_be_moved_to_another_tenant() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, "rls-conf-a");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update patron_reference set tenant_id = 'rls-conf-b'"))
                    .hasMessageContaining("row-level security");
            c.rollback();
        }
    }

    @Test
    void the_application_never_deletes_keys() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, "rls-conf-a");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from tenant_data_key"))
                    .hasMessageContaining("permission denied");
            c.rollback();
        }
    }

    @Test
    void the_purge_learns_which_tenants_have_records_and_nothing_else() throws SQLException {
        try (Connection c = db.app().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select * from confidentiality_tenants()")) {
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(1);
            List<String> tenants = new ArrayList<>();
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
            assertThat(tenants).contains("rls-conf-a", "rls-conf-b").doesNotHaveDuplicates();
        }
    }

    @Test
    void every_table_has_row_level_security_and_belongs_to_the_owner() throws SQLException {
        try (Connection owner = db.owner().getConnection();
             PreparedStatement p = owner.prepareStatement("select c.relrowsecurity, pg_get_userbyid(c.relowner), "
                     + "(select count(*) from pg_policy where polrelid = c.oid and polname = 'tenant_isolation') "
                     + "from pg_class c where c.relname = ? and c.relnamespace = 'public'::regnamespace")) {
            for (String table : TABLES) {
                p.setString(1, table);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).as(table).isTrue();
                    assertThat(rs.getBoolean(1)).as("row-level security on " + table).isTrue();
                    assertThat(rs.getString(2)).as("owner of " + table).isEqualTo(TestDatabase.OWNER);
                    assertThat(rs.getInt(3)).as("policy on " + table).isEqualTo(1);
                }
            }
        }
    }

    static void bind(Connection c, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            p.setString(1, tenant);
            p.execute();
        }
    }

    static void insert(Connection c, String table, String tenant) throws SQLException {
        String sql = switch (table) {
            case "tenant_data_key" -> "insert into tenant_data_key (id, tenant_id, purpose, version, master_key_id, wrapped_key, "
                    + "created_at) values (?, ?, 'data', 1, 'k1', '\\x01', now())";
            case "patron_reference" -> "insert into patron_reference (id, tenant_id, card_lookup, lookup_key_version, card_last4, "
                    + "created_at, last_used_at) values (?, ?, gen_random_uuid()::text::bytea, 1, '\\x01', now(), now())";
            case "disclosure_request" -> "insert into disclosure_request (id, tenant_id, requester_name, requester_organisation, "
                    + "authority, request_text, received_at, received_by, routed_to, status) "
                    + "values (?, ?, '\\x01', 'Police', 'WARRANT', '\\x02', now(), 'dana', 'person-in-charge', 'RECEIVED')";
            case "retention_period" -> "insert into retention_period (id, tenant_id, record_type, days) values (?, ?, 'patron-reference', 30)";
            default -> throw new IllegalArgumentException(table);
        };
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, UUID.randomUUID());
            p.setString(2, tenant);
            p.executeUpdate();
        }
    }

    static List<String> tenants(Connection c, String table) throws SQLException {
        List<String> tenants = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("select tenant_id from " + table)) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        return tenants;
    }
}
