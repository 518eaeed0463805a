package org.servicepoint.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.servicepoint.platform.testing.TestDatabase;

/** Readiness refuses every way of connecting that row-level security would not bind, membership included. */
class DatabaseReadinessTest {

    static final TestDatabase db = TestDatabase.migratedWith("platform");

    @Test
    void the_application_role_is_bound_by_row_level_security() throws SQLException {
        try (Connection c = db.app().getConnection()) {
            assertThat(DatabaseReadiness.rowLevelSecurityBypass(c)).isNull();
        }
    }

    @Test
    void the_owner_of_the_tables_is_refused() throws SQLException {
        try (Connection c = db.owner().getConnection()) {
            assertThat(DatabaseReadiness.rowLevelSecurityBypass(c)).isEqualTo("table owner");
        }
    }

    @Test
    void a_role_that_is_a_member_of_the_owner_is_refused() throws SQLException {
        assertThat(bypassOfRoleGranted("readiness_owner_member", TestDatabase.OWNER)).isEqualTo("member of the tables' owner");
    }

    @Test
    void a_role_that_is_a_member_of_a_bypassrls_role_is_refused() throws SQLException {
        assertThat(bypassOfRoleGranted("readiness_bypass_member", TestDatabase.CROSS_TENANT))
                .isEqualTo("member of a superuser or BYPASSRLS role");
    }

    @Test
    void a_superuser_is_refused() throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(DatabaseReadiness.rowLevelSecurityBypass(c)).isEqualTo("superuser");
        }
    }

    /** A login role of its own, so that the shared application role stays as it is for the other tests. */
    private static String bypassOfRoleGranted(String role, String granted) throws SQLException {
        try (Connection admin = db.superuser().getConnection(); Statement s = admin.createStatement()) {
            s.execute("drop role if exists " + role);
            s.execute("create role " + role + " login");
            s.execute("grant " + granted + " to " + role);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(db.url());
        ds.setUser(role);
        try (Connection c = ds.getConnection()) {
            return DatabaseReadiness.rowLevelSecurityBypass(c);
        } finally {
            try (Connection admin = db.superuser().getConnection(); Statement s = admin.createStatement()) {
                s.execute("drop role " + role);
            }
        }
    }
}
