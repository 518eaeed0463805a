package org.servicepoint.policies.exceptions.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.WallChecks.asApplication;
import static org.servicepoint.platform.testing.WallChecks.assertQueriesSeeOnly;
import static org.servicepoint.platform.testing.WallChecks.assertRefused;
import static org.servicepoint.platform.testing.WallChecks.assertStamped;
import static org.servicepoint.platform.testing.WallChecks.assertWriteWithoutTenantFails;
import static org.servicepoint.platform.testing.WallChecks.write;
import static org.servicepoint.policies.control.PoliciesDatabase.POLICIES;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;
import org.servicepoint.policies.exceptions.control.ExceptionFixtures;

/**
 * Both tenant walls for exceptions on record, each alone: wall 1 (the EclipseLink filter) as the superuser, whom
 * row-level security does not bind; wall 2 (row-level security, grants and the settled trigger) in plain SQL as the
 * application role. The generic wall test in the app module checks FORCEd row-level security on every tenant table.
 */
class PolicyExceptionWallsTest {

    static final String EAST = "exceptions-walls-east";
    static final String WEST = "exceptions-walls-west";
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    static Map<String, UUID> written;
    static TestDatabase db;

    static PolicyException exception() {
        return new PolicyException(UUID.randomUUID(), new PolicyException.Policy("overdue-fines", 1), "NORTH", new byte[] {1, 2},
                new byte[] {1, 3}, new PolicyException.Approver(UUID.randomUUID(), "branch-manager"), null, NOW.minusSeconds(600),
                "sam", NOW);
    }

    @BeforeAll
    static void twoLibrarySystemsWithAnExceptionEach() {
        db = POLICIES.db();
        POLICIES.tenant(EAST, WEST);
        ExceptionFixtures.policy(EAST, "overdue-fines", false);
        ExceptionFixtures.policy(WEST, "overdue-fines", false);
        written = POLICIES.seedAsOwner((em, tenant) -> {
            PolicyException e = exception();
            em.persist(e);
            return e.id();
        }, EAST, WEST);
    }

    static void insert(Connection c, String tenant, String policy, boolean told) throws SQLException {
        write(c, "insert into policy_exception (id, tenant_id, policy_key, policy_version, branch_code, asked, granted, approved_by, "
                + "approver_position, told_one_time, occurred_at, recorded_at, recorded_by) values (?, ?, ?, 1, 'NORTH', '\\x01'::bytea, "
                + "'\\x01'::bytea, ?, 'branch-manager', ?, now(), now(), 'sam')", UUID.randomUUID(), tenant, policy, UUID.randomUUID(), told);
    }

    @Test
    void queries_and_finds_see_only_the_entity_managers_tenant_and_a_null_patron_reads_back_as_null() {
        POLICIES.checkAsOwner(WEST, em -> assertQueriesSeeOnly(em, WEST, PolicyException.class));
        POLICIES.assertFoundOnlyBy(EAST, WEST, PolicyException.class, written.get(EAST));
        POLICIES.checkAsOwner(WEST, em -> {
            PolicyException own = em.find(PolicyException.class, written.get(WEST));
            assertThat(own.patronReferenceId()).isNull();
            assertThat(own.toldOneTime()).isTrue();
            assertThat(own.sealedAsked()).containsExactly(1, 2);
        });
    }

    @Test
    void inserts_are_stamped_with_the_tenant_and_a_write_without_one_fails_loudly() throws SQLException {
        assertStamped(db, EAST, "select tenant_id from policy_exception where id = ?", written.get(EAST));
        assertWriteWithoutTenantFails(POLICIES.owner(), exception());
    }

    @Test
    void the_application_role_writes_only_its_own_library_systems_exceptions_against_its_own_policies() throws SQLException {
        asApplication(db, WEST, c -> {
            insert(c, WEST, "overdue-fines", true);
            assertThatThrownBy(() -> insert(c, EAST, "overdue-fines", true)).hasMessageContaining("row-level security");
        });
        asApplication(db, WEST, c -> assertThatThrownBy(() -> insert(c, WEST, "no-such-policy", true))
                .hasMessageContaining("foreign key"));
        asApplication(db, WEST, c -> assertThatThrownBy(() -> insert(c, WEST, "overdue-fines", false))
                .hasMessageContaining("told_one_time"));
        asApplication(db, WEST, c -> assertThat(c.createStatement().executeQuery("select count(*) from policy_exception where tenant_id = '"
                + EAST + "'")).satisfies(rs -> {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }));
    }

    @Test
    void an_exception_on_record_is_never_changed_nor_removed_by_the_application() throws SQLException {
        asApplication(db, WEST, c -> {
            assertRefused(c, "delete from policy_exception", "permission denied");
            assertRefused(c, "update policy_exception set branch_code = 'SOUTH'", "permission denied");
            assertRefused(c, "update policy_exception set approved_by = gen_random_uuid()", "permission denied");
            // The sealed texts may only move to a newer key version (a rotation); anything else is refused.
            assertRefused(c, "update policy_exception set asked = '\\x02'::bytea", "cannot change");
            assertThat(write(c, "update policy_exception set asked = asked where tenant_id = ?", EAST)).isZero();
        });
    }
}
