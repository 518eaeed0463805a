package org.servicepoint.policies.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.WallChecks.asApplication;
import static org.servicepoint.platform.testing.WallChecks.assertRefused;
import static org.servicepoint.platform.testing.WallChecks.seedAsApplication;
import static org.servicepoint.platform.testing.WallChecks.write;
import static org.servicepoint.policies.control.PoliciesDatabase.POLICIES;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * What the policy tables add to wall 2, in plain SQL as the application role (TenantWallsTest in the app module
 * checks the standard wall on every table): versions are history, nothing is deleted, and the Scale of Yes holds in
 * the table whatever code writes it.
 */
class PoliciesRowLevelSecurityTest {

    static final String NORTH = "policies-rls-north";
    static final String SOUTH = "policies-rls-south";

    static TestDatabase db;

    @BeforeAll
    static void twoLibrarySystemsWithAPolicyEach() throws SQLException {
        db = POLICIES.db();
        POLICIES.tenant(NORTH, SOUTH);
        seedAsApplication(db, PoliciesRowLevelSecurityTest::insert, NORTH, SOUTH);
    }

    static void insert(Connection c, String tenant) throws SQLException {
        UUID policy = UUID.randomUUID();
        write(c, "insert into policy (id, tenant_id, policy_key, category, strictness, strict_why, owner_position, "
                + "current_version, created_at, updated_at) values (?, ?, 'records', 'privacy', 'STRICT', 'The law.', 'director', "
                + "1, now(), now())", policy, tenant);
        write(c, "insert into policy_version (id, tenant_id, policy_id, version, title, body, reason, approved_by, approved_on, "
                + "effective_on, language, created_at, created_by) values (?, ?, ?, 1, 'Records', 'Say nothing.', 'Trust.', "
                + "'Board', date '2025-01-01', date '2025-02-01', 'english', now(), 'ops')", UUID.randomUUID(), tenant, policy);
    }

    @Test
    void a_version_is_never_rewritten_and_nothing_is_deleted() throws SQLException {
        asApplication(db, SOUTH, c -> {
            assertRefused(c, "update policy_version set body = 'Say everything.'", "permission denied");
            assertRefused(c, "delete from policy_version", "permission denied");
            assertRefused(c, "delete from policy", "permission denied");
            assertRefused(c, "delete from policy_acknowledgement", "permission denied");
        });
        // Not even the table's owner rewrites a version: the trigger refuses it.
        org.servicepoint.platform.testing.WallChecks.bound(db.owner(), SOUTH, c ->
                assertRefused(c, "update policy_version set body = 'Say everything.'", "cannot change"));
    }

    @Test
    void a_strict_policy_without_its_reason_or_with_limits_is_refused_by_the_table() throws SQLException {
        asApplication(db, SOUTH, c -> {
            assertRefused(c, "update policy set strict_why = null", "policy_check");
            assertRefused(c, "update policy set exception_limits = 'Once.'", "policy_check");
            assertThat(write(c, "update policy set strictness = 'FLEXIBLE', strict_why = null, exception_limits = 'Once.'"))
                    .isEqualTo(1);
        });
    }

    @Test
    void policies_cannot_be_written_for_another_library_system_nor_moved_to_one() throws SQLException {
        asApplication(db, SOUTH, c -> assertThatThrownBy(() -> insert(c, NORTH)).hasMessageContaining("row-level security"));
        asApplication(db, SOUTH, c -> {
            assertThat(write(c, "update policy set category = 'other' where tenant_id = ?", NORTH)).isZero();
            assertRefused(c, "update policy set tenant_id = '" + NORTH + "'", "row-level security");
        });
    }
}
