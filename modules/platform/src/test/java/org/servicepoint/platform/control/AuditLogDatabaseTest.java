package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;

/** The audit log's guarantees live in the database: per-tenant visibility, append-only. */
class AuditLogDatabaseTest {

    static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.migratedWith("platform");
    }

    @Test
    void the_application_sees_and_writes_only_its_tenants_lines() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, "alpha-lib");
            insert(c, "alpha-lib");
            c.commit();
            bind(c, "beta-lib");
            insert(c, "beta-lib");
            c.commit();

            bind(c, "alpha-lib");
            assertThat(tenantsVisible(c)).containsOnly("alpha-lib");
            assertThatThrownBy(() -> insert(c, "beta-lib")).hasMessageContaining("row-level security");
            c.rollback();

            // The setting is transaction-local: a new transaction with no tenant sees nothing.
            assertThat(tenantsVisible(c)).isEmpty();
            c.rollback();
        }
    }

    @Test
    void lines_cannot_be_changed_or_removed_even_by_the_owner() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, "gamma-lib");
            insert(c, "gamma-lib");
            c.commit();
            bind(c, "gamma-lib");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update audit_event set actor = 'x'"))
                    .hasMessageContaining("permission denied");
            c.rollback();
            bind(c, "gamma-lib");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from audit_event"))
                    .hasMessageContaining("permission denied");
            c.rollback();
        }
        try (Connection owner = db.owner().getConnection(); Statement s = owner.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("update audit_event set actor = 'x' where tenant_id = 'gamma-lib'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_event where tenant_id = 'gamma-lib'"))
                    .hasMessageContaining("append-only");
        }
    }

    static void bind(Connection c, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            p.setString(1, tenant);
            p.execute();
        }
    }

    static void insert(Connection c, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into audit_event (tenant_id, occurred_at, actor, action, target, outcome) "
                + "values (?, now(), 'system:test', 'test.write', 'x', 'SUCCESS')")) {
            p.setString(1, tenant);
            p.executeUpdate();
        }
    }

    static java.util.Set<String> tenantsVisible(Connection c) throws SQLException {
        java.util.Set<String> tenants = new java.util.HashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery("select tenant_id from audit_event")) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        return tenants;
    }
}
