package org.servicepoint.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/** Runs modules' migrations in order, each with its own history table. Plain Java, so tests use it too. */
public final class SchemaMigrator {

    /**
     * The NOLOGIN BYPASSRLS role that owns the few {@code security definer} functions that must see every tenant
     * (which tenants have records, which deliveries are due). Row-level security is FORCEd, so the tables' owner
     * would see nothing in them; the database administrator creates this role and grants it to the owner.
     */
    public static final String CROSS_TENANT_ROLE = "servicepoint_cross_tenant";

    private SchemaMigrator() {
    }

    public static void migrate(DataSource owner, String appRole, List<String> moduleNames, ClassLoader loader,
                               Consumer<String> report) {
        migrate(owner, appRole, CROSS_TENANT_ROLE, moduleNames, loader, report);
    }

    public static void migrate(DataSource owner, String appRole, String crossTenantRole, List<String> moduleNames,
                               ClassLoader loader, Consumer<String> report) {
        for (String name : moduleNames) {
            var result = flyway(owner, appRole, crossTenantRole, name, loader).migrate();
            // So that a server started without migrating can tell, as the application role, what is missing.
            try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
                s.execute("grant select on " + historyTable(name) + " to " + appRole);
            } catch (SQLException e) {
                throw new IllegalStateException("could not let " + appRole + " read " + historyTable(name), e);
            }
            report.accept("schema " + name + ": " + result.migrationsExecuted + " migration(s) applied, now at "
                    + (result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion));
        }
    }

    /**
     * The migrations this code has that the database has not applied, as {@code "<module> V<version> <description>"},
     * read with any role that may read the history tables (the application role may). Empty means current.
     * A history table that cannot be read counts as missing its module's migrations: it is older than migrate makes it.
     */
    public static List<String> pending(DataSource database, String appRole, List<String> moduleNames, ClassLoader loader) {
        List<String> missing = new ArrayList<>();
        for (String name : moduleNames) {
            try {
                for (MigrationInfo info : flyway(database, appRole, CROSS_TENANT_ROLE, name, loader).info().pending()) {
                    missing.add(name + " V" + info.getVersion() + " " + info.getDescription());
                }
            } catch (FlywayException e) {
                missing.add(name + " (its history " + historyTable(name) + " cannot be read: " + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        return missing;
    }

    static String historyTable(String module) {
        return "schema_history_" + module;
    }

    static Flyway flyway(DataSource owner, String appRole, String crossTenantRole, String name, ClassLoader loader) {
        return Flyway.configure(loader)
                .dataSource(owner)
                .locations("classpath:db/migration/" + name)
                .table(historyTable(name))
                // A module added to an existing database starts its own history at zero.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("app_role", appRole, "cross_tenant_role", crossTenantRole))
                .load();
    }
}
