package org.servicepoint.tenancy.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.platform.testing.WallChecks.bind;
import static org.servicepoint.platform.testing.WallChecks.write;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Wall 2's binding, in plain SQL as the application role: the tenant setting lasts only as long as its transaction.
 * The generic wall test ({@code TenantWallsTest} in the app module) checks wall 2 on every tenant table, found
 * in the catalogue; this test keeps what is about the binding itself.
 */
class RowLevelSecurityTest {

    static TestDatabase db;

    @BeforeAll
    static void twoTenants() throws SQLException {
        db = TestDatabase.migratedWith("platform", "tenancy");
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            for (String tenant : List.of("rls-north", "rls-south")) {
                write(c, "insert into tenant (slug, name, time_zone, locale, status, created_at, updated_at) "
                        + "values (?, ?, 'UTC', 'en', 'ACTIVE', now(), now()) on conflict do nothing", tenant, tenant);
                bind(c, tenant);
                insertBranch(c, tenant, "MAIN");
                c.commit();
            }
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

    static void insertBranch(Connection c, String tenant, String name) throws SQLException {
        write(c, "insert into branch (id, tenant_id, code, name, headquarters, created_at, updated_at) "
                + "values (?, ?, ?, ?, false, now(), now())", UUID.randomUUID(), tenant, name, name);
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
