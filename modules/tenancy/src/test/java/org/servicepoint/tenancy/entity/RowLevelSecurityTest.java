package org.servicepoint.tenancy.entity;

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
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Wall 2 on its own: plain SQL as the application role, no EclipseLink anywhere, so nothing but
 * PostgreSQL's row-level security stands between the tenants.
 */
class RowLevelSecurityTest {

    static TestDatabase db;

    @BeforeAll
    static void twoTenants() throws SQLException {
        db = TestDatabase.migratedWith("platform", "tenancy");
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            for (String tenant : List.of("rls-north", "rls-south")) {
                try (PreparedStatement p = c.prepareStatement("insert into tenant (slug, name, time_zone, locale, status, "
                        + "created_at, updated_at) values (?, ?, 'UTC', 'en', 'ACTIVE', now(), now()) on conflict do nothing")) {
                    p.setString(1, tenant);
                    p.setString(2, tenant);
                    p.executeUpdate();
                }
                bind(c, tenant);
                insertBranch(c, tenant, "MAIN");
                c.commit();
            }
        }
    }

    @Test
    void with_no_tenant_set_nothing_is_visible() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            assertThat(branchTenants(c)).isEmpty();
        }
    }

    @Test
    void a_query_that_names_no_tenant_still_sees_only_the_bound_one() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, "rls-north");
            // No WHERE clause at all: only the policy filters.
            assertThat(branchTenants(c)).containsOnly("rls-north");
            c.rollback();
        }
    }

    @Test
    void writing_a_row_for_another_tenant_is_refused_by_the_database() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, "rls-north");
            assertThatThrownBy(() -> insertBranch(c, "rls-south", "SNEAK")).hasMessageContaining("row-level security");
            c.rollback();
            bind(c, "rls-north");
            int changed = c.createStatement().executeUpdate("update branch set name = 'taken over' where tenant_id = 'rls-south'");
            assertThat(changed).isZero();
            int removed = c.createStatement().executeUpdate("delete from branch where tenant_id = 'rls-south'");
            assertThat(removed).isZero();
            c.rollback();
        }
        try (Connection owner = db.owner().getConnection();
             ResultSet rs = owner.createStatement().executeQuery("select name from branch where tenant_id = 'rls-south'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("MAIN");
        }
    }

    @Test
    void the_setting_ends_with_its_transaction() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, "rls-south");
            assertThat(branchTenants(c)).containsOnly("rls-south");
            c.commit();
            assertThat(branchTenants(c)).isEmpty();
            c.rollback();
        }
    }

    @Test
    void every_tenant_table_has_a_policy_and_the_application_owns_none() throws SQLException {
        try (Connection owner = db.owner().getConnection();
             ResultSet rs = owner.createStatement().executeQuery(
                     "select c.relname, c.relrowsecurity, pg_get_userbyid(c.relowner) from pg_class c "
                             + "join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' "
                             + "where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace")) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                assertThat(rs.getBoolean(2)).as("row-level security on " + rs.getString(1)).isTrue();
                assertThat(rs.getString(3)).as("owner of " + rs.getString(1)).isEqualTo(TestDatabase.OWNER);
            }
            assertThat(tables).isGreaterThanOrEqualTo(5);
        }
    }

    static void bind(Connection c, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            p.setString(1, tenant);
            p.execute();
        }
    }

    static void insertBranch(Connection c, String tenant, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into branch (id, tenant_id, code, name, headquarters, "
                + "created_at, updated_at) values (?, ?, ?, ?, false, now(), now())")) {
            p.setObject(1, UUID.randomUUID());
            p.setString(2, tenant);
            p.setString(3, name);
            p.setString(4, name);
            p.executeUpdate();
        }
    }

    static List<String> branchTenants(Connection c) throws SQLException {
        List<String> tenants = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("select tenant_id from branch")) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        return tenants;
    }
}
