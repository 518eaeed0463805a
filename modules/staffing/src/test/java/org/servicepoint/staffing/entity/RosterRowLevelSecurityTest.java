package org.servicepoint.staffing.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Wall 2 on its own for the roster: plain SQL as the application role, no EclipseLink, so only PostgreSQL's
 * row-level security keeps one library system's staff from another.
 */
class RosterRowLevelSecurityTest {

    static final String NORTH = "roster-rls-north";
    static final String SOUTH = "roster-rls-south";

    static TestDatabase db;

    @BeforeAll
    static void twoLibrarySystems() throws SQLException {
        db = TestDatabase.migratedWith("platform", "tenancy", "confidentiality", "staffing");
        try (Connection owner = db.owner().getConnection(); Statement s = owner.createStatement()) {
            for (String slug : List.of(NORTH, SOUTH)) {
                s.executeUpdate("insert into tenant (slug, name, time_zone, locale, status, created_at, updated_at) values ('"
                        + slug + "', '" + slug + "', 'UTC', 'en', 'ACTIVE', now(), now()) on conflict do nothing");
            }
        }
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, NORTH);
            insert(c, NORTH, "North One");
            insert(c, NORTH, "North Two");
            c.commit();
            bind(c, SOUTH);
            insert(c, SOUTH, "South One");
            c.commit();
        }
    }

    static void bind(Connection c, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            p.setString(1, tenant);
            p.executeQuery().close();
        }
    }

    static void insert(Connection c, String tenant, String tagName) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("insert into staff_member (id, tenant_id, tag_name, position_code, "
                + "branch_code, employment_type, starts_on, created_at, updated_at) values (?, ?, ?, 'volunteer', 'HQ', "
                + "'VOLUNTEER', date '2025-01-01', now(), now())")) {
            p.setObject(1, UUID.randomUUID());
            p.setString(2, tenant);
            p.setString(3, tagName);
            p.executeUpdate();
        }
    }

    static List<String> visibleTenants(Connection c) throws SQLException {
        List<String> tenants = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select tenant_id from staff_member")) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        return tenants;
    }

    static int count(Connection c, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select count(*) from staff_member where tenant_id = ?")) {
            p.setString(1, tenant);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void another_library_system_sees_no_staff_rows_even_when_it_asks_for_them_by_name() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, SOUTH);
            assertThat(count(c, NORTH)).isZero();
            assertThat(count(c, SOUTH)).isEqualTo(1);
            assertThat(visibleTenants(c)).containsOnly(SOUTH);
            c.rollback();
        }
    }

    @Test
    void with_no_library_system_set_nothing_is_visible() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            assertThat(visibleTenants(c)).isEmpty();
        }
    }

    @Test
    void staff_cannot_be_written_for_another_library_system() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, SOUTH);
            assertThatThrownBy(() -> insert(c, NORTH, "Planted")).hasMessageContaining("row-level security");
            c.rollback();
            bind(c, SOUTH);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("update staff_member set tag_name = 'Taken' where tenant_id = '" + NORTH + "'")).isZero();
                assertThat(s.executeUpdate("delete from staff_member where tenant_id = '" + NORTH + "'")).isZero();
                // Moving one's own row to another library system is refused as well.
                assertThatThrownBy(() -> s.executeUpdate("update staff_member set tenant_id = '" + NORTH + "' where tenant_id = '"
                        + SOUTH + "'")).hasMessageContaining("row-level security");
            }
            c.rollback();
        }
        try (Connection owner = db.owner().getConnection()) {
            assertThat(count(owner, NORTH)).isEqualTo(2);
            assertThat(count(owner, SOUTH)).isEqualTo(1);
        }
    }

    @Test
    void the_table_has_row_level_security_and_the_application_role_does_not_own_it() throws SQLException {
        try (Connection owner = db.owner().getConnection(); Statement s = owner.createStatement();
             ResultSet rs = s.executeQuery("select c.relrowsecurity, pg_get_userbyid(c.relowner) from pg_class c "
                     + "where c.relname = 'staff_member'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getString(2)).isEqualTo(TestDatabase.OWNER);
        }
    }
}
