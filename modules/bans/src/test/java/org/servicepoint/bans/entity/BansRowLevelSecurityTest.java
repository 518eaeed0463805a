package org.servicepoint.bans.entity;

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
import org.servicepoint.bans.control.BansDatabase;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Wall 2 on its own for the ban table: plain SQL as the application role, no EclipseLink, so only PostgreSQL's
 * row-level security keeps one library system's bans from another.
 */
class BansRowLevelSecurityTest {

    static final String NORTH = "bans-rls-north";
    static final String SOUTH = "bans-rls-south";

    static TestDatabase db;

    @BeforeAll
    static void twoLibrarySystemsWithABanEach() throws SQLException {
        db = BansDatabase.db();
        BansDatabase.tenant(NORTH);
        BansDatabase.tenant(SOUTH);
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            for (String tenant : List.of(NORTH, SOUTH)) {
                bind(c, tenant);
                insert(c, tenant);
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

    static UUID insert(Connection c, String tenant) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement p = c.prepareStatement("insert into computer_use_ban (id, tenant_id, patron_reference_id, scope, "
                + "starts_at, ends_at, reason, created_at, created_by) values (?, ?, ?, 'SYSTEM', now(), now() + interval '30 days', "
                + "'Threats', now(), 'rosa')")) {
            p.setObject(1, id);
            p.setString(2, tenant);
            p.setObject(3, UUID.randomUUID());
            p.executeUpdate();
        }
        return id;
    }

    static List<String> visibleTenants(Connection c) throws SQLException {
        List<String> tenants = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select distinct tenant_id from computer_use_ban")) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        return tenants;
    }

    @Test
    void only_the_bound_library_systems_bans_are_visible_even_without_a_where() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, SOUTH);
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
    void bans_cannot_be_written_for_another_library_system_nor_moved_to_one_nor_lifted_there() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, SOUTH);
            assertThatThrownBy(() -> insert(c, NORTH)).hasMessageContaining("row-level security");
            c.rollback();
            bind(c, SOUTH);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeUpdate("update computer_use_ban set lifted_at = now(), lifted_by = 'x', lift_reason = 'x' "
                        + "where tenant_id = '" + NORTH + "'")).isZero();
                // The ban's own trigger stops it first; row-level security would stop it after.
                assertThatThrownBy(() -> s.executeUpdate("update computer_use_ban set tenant_id = '" + NORTH + "'"))
                        .hasMessageContaining("cannot change");
            }
            c.rollback();
        }
    }

    @Test
    void the_application_role_cannot_delete_a_ban() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            bind(c, SOUTH);
            try (Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("delete from computer_use_ban")).hasMessageContaining("permission denied");
            }
            c.rollback();
        }
    }

    @Test
    void the_ban_table_has_row_level_security_and_belongs_to_the_owner() throws SQLException {
        try (Connection owner = db.owner().getConnection();
             PreparedStatement p = owner.prepareStatement("select c.relrowsecurity, pg_get_userbyid(c.relowner) from pg_class c "
                     + "where c.relname = 'computer_use_ban'");
             ResultSet rs = p.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getString(2)).isEqualTo(TestDatabase.OWNER);
        }
    }
}
