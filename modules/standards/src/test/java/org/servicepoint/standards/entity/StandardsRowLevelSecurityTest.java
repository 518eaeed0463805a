package org.servicepoint.standards.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.WallChecks.asApplication;
import static org.servicepoint.platform.testing.WallChecks.assertRefused;
import static org.servicepoint.platform.testing.WallChecks.seedAsApplication;
import static org.servicepoint.platform.testing.WallChecks.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TenantTransactions;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Wall 2 on the standards tables, in plain SQL as the application role (the app module's TenantWallsTest checks the
 * generic rules on every table): each library system sees and changes only its own adoption and training answers,
 * and the application can delete neither.
 */
class StandardsRowLevelSecurityTest {

    static final String NORTH = "standards-rls-north";
    static final String SOUTH = "standards-rls-south";
    static final TenantTransactions STANDARDS = TenantTransactions.of("unused", "platform", "tenancy", "standards");

    static TestDatabase db;

    @BeforeAll
    static void twoLibrarySystemsWithAnAdoptionAndAnAnswerEach() throws SQLException {
        db = STANDARDS.db();
        STANDARDS.tenant(NORTH, SOUTH);
        seedAsApplication(db, StandardsRowLevelSecurityTest::insert, NORTH, SOUTH);
    }

    static void insert(Connection c, String tenant) throws SQLException {
        write(c, "insert into standards_adoption (id, tenant_id, content, source, reviewed_version, reviewed_catalogue, applied_at,"
                + " applied_by) values (?, ?, 'adopt: all', 'tenants/x/standards.yaml', 1, '{}', now(), 'system:system')",
                UUID.randomUUID(), tenant);
        answer(c, tenant, "sam");
    }

    static void answer(Connection c, String tenant, String who) throws SQLException {
        write(c, "insert into training_answer (id, tenant_id, staff_username, scenario_id, choice, correct, answered_at)"
                + " values (?, ?, ?, 'scenario.blocked-card', 'b', true, now())", UUID.randomUUID(), tenant, who);
    }

    static int count(Connection c, String table) throws SQLException {
        try (var rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void each_library_system_sees_only_its_own_adoption_and_answers() throws SQLException {
        asApplication(db, SOUTH, c -> {
            assertThat(count(c, "standards_adoption")).isEqualTo(1);
            assertThat(count(c, "training_answer")).isEqualTo(1);
            assertThat(write(c, "update training_answer set choice = 'a' where tenant_id = ?", NORTH)).isZero();
            assertThat(write(c, "update standards_adoption set content = 'adopt: listed' where tenant_id = ?", NORTH)).isZero();
        });
    }

    @Test
    void answers_and_adoptions_cannot_be_written_for_another_library_system() throws SQLException {
        asApplication(db, SOUTH, c -> assertThatThrownBy(() -> answer(c, NORTH, "ann")).hasMessageContaining("row-level security"));
        asApplication(db, SOUTH, c -> assertRefused(c, "update training_answer set tenant_id = '" + NORTH + "'",
                "row-level security"));
    }

    @Test
    void a_library_system_has_one_adoption_and_one_answer_per_person_and_scenario() throws SQLException {
        asApplication(db, SOUTH, c -> {
            assertRefused(c, "insert into standards_adoption (id, tenant_id, content, source, reviewed_version, reviewed_catalogue,"
                    + " applied_at, applied_by) values (gen_random_uuid(), '" + SOUTH + "', 'adopt: all', 'api', 1, '{}', now(), 'x')",
                    "duplicate key");
            assertRefused(c, "insert into training_answer (id, tenant_id, staff_username, scenario_id, choice, correct, answered_at)"
                    + " values (gen_random_uuid(), '" + SOUTH + "', 'sam', 'scenario.blocked-card', 'a', false, now())", "duplicate key");
            assertRefused(c, "update training_answer set choice = 'z'", "check");
        });
    }

    @Test
    void the_application_role_cannot_delete_an_adoption_or_an_answer() throws SQLException {
        asApplication(db, SOUTH, c -> {
            assertRefused(c, "delete from standards_adoption", "permission denied");
            assertRefused(c, "delete from training_answer", "permission denied");
        });
    }
}
