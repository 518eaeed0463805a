package org.servicepoint.bans.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.bans.control.BansDatabase.BANS;
import static org.servicepoint.platform.testing.WallChecks.asApplication;
import static org.servicepoint.platform.testing.WallChecks.assertRefused;
import static org.servicepoint.platform.testing.WallChecks.seedAsApplication;
import static org.servicepoint.platform.testing.WallChecks.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * What the ban table adds to wall 2, in plain SQL as the application role. The generic wall test ({@code TenantWallsTest} in the app module) checks wall 2 on every tenant table, found
 * in the catalogue; this
 * test keeps what is the ban's own: no deleting, no lifting elsewhere, and its trigger refusing a move.
 */
class BansRowLevelSecurityTest {

    static final String NORTH = "bans-rls-north";
    static final String SOUTH = "bans-rls-south";

    static TestDatabase db;

    @BeforeAll
    static void twoLibrarySystemsWithABanEach() throws SQLException {
        db = BANS.db();
        BANS.tenant(NORTH, SOUTH);
        seedAsApplication(db, BansRowLevelSecurityTest::insert, NORTH, SOUTH);
    }

    static UUID insert(Connection c, String tenant) throws SQLException {
        UUID id = UUID.randomUUID();
        write(c, "insert into computer_use_ban (id, tenant_id, patron_reference_id, scope, starts_at, ends_at, reason, created_at, "
                + "created_by) values (?, ?, ?, 'SYSTEM', now(), now() + interval '30 days', 'Threats', now(), 'rosa')",
                id, tenant, UUID.randomUUID());
        return id;
    }

    @Test
    void bans_cannot_be_written_for_another_library_system_nor_moved_to_one_nor_lifted_there() throws SQLException {
        asApplication(db, SOUTH, c -> assertThatThrownBy(() -> insert(c, NORTH)).hasMessageContaining("row-level security"));
        asApplication(db, SOUTH, c -> {
            assertThat(write(c, "update computer_use_ban set lifted_at = now(), lifted_by = 'x', lift_reason = 'x' "
                    + "where tenant_id = ?", NORTH)).isZero();
            // The ban's own trigger stops it first; row-level security would stop it after.
            assertRefused(c, "update computer_use_ban set tenant_id = '" + NORTH + "'", "cannot change");
        });
    }

    @Test
    void the_application_role_cannot_delete_a_ban() throws SQLException {
        asApplication(db, SOUTH, c -> assertRefused(c, "delete from computer_use_ban", "permission denied"));
    }
}
