package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * A server that does not migrate (servicepoint.db.migrate=false) holds only the application role's credentials;
 * with those alone it tells a current schema from an older one and names what is missing.
 */
class SchemaMigratorTest {

    static final ClassLoader LOADER = SchemaMigratorTest.class.getClassLoader();

    @Test
    void a_current_schema_has_nothing_pending_as_seen_by_the_application_role() {
        TestDatabase db = TestDatabase.migratedWith("platform");
        assertThat(SchemaMigrator.pending(db.app(), TestDatabase.APP, List.of("platform"), LOADER)).isEmpty();
    }

    @Test
    void a_schema_older_than_the_code_names_each_missing_migration() throws SQLException {
        TestDatabase older = TestDatabase.empty();
        // As a migrate of an earlier release left it: up to V2, history readable by the application role.
        Flyway.configure(LOADER).dataSource(older.owner()).locations("classpath:db/migration/platform")
                .table("schema_history_platform").placeholders(Map.of("app_role", TestDatabase.APP)).target("2").load().migrate();
        try (Connection c = older.owner().getConnection(); Statement s = c.createStatement()) {
            s.execute("grant select on schema_history_platform to " + TestDatabase.APP);
        }
        assertThat(SchemaMigrator.pending(older.app(), TestDatabase.APP, List.of("platform"), LOADER))
                .containsExactly("platform V20 force row level security", "platform V30 tenant usage figures");

        try (Connection c = older.owner().getConnection(); Statement s = c.createStatement()) {
            s.execute("revoke select on schema_history_platform from " + TestDatabase.APP);
        }
        assertThat(SchemaMigrator.pending(older.app(), TestDatabase.APP, List.of("platform"), LOADER))
                .singleElement().asString().startsWith("platform (its history schema_history_platform cannot be read");

        SchemaMigrator.migrate(older.owner(), TestDatabase.APP, List.of("platform"), LOADER, line -> { });
        assertThat(SchemaMigrator.pending(older.app(), TestDatabase.APP, List.of("platform"), LOADER)).isEmpty();
    }
}
