package org.servicepoint.platform.control;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Runs modules' migrations in order, each with its own history table. Plain Java, so tests use it too. */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    public static void migrate(DataSource owner, String appRole, List<String> moduleNames, ClassLoader loader,
                               Consumer<String> report) {
        for (String name : moduleNames) {
            var result = Flyway.configure(loader)
                    .dataSource(owner)
                    .locations("classpath:db/migration/" + name)
                    .table("schema_history_" + name)
                    // A module added to an existing database starts its own history at zero.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .placeholders(Map.of("app_role", appRole))
                    .load()
                    .migrate();
            report.accept("schema " + name + ": " + result.migrationsExecuted + " migration(s) applied, now at "
                    + (result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion));
        }
    }
}
