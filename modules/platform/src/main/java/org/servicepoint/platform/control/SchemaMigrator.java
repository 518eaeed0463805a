package org.servicepoint.platform.control;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

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
            report.accept("schema " + name + ": " + result.migrationsExecuted + " migration(s) applied, now at "
                    + (result.targetSchemaVersion == null ? "current" : result.targetSchemaVersion));
        }
    }

    static Flyway flyway(DataSource owner, String appRole, String crossTenantRole, String name, ClassLoader loader) {
        return Flyway.configure(loader)
                .dataSource(owner)
                .locations("classpath:db/migration/" + name)
                .table("schema_history_" + name)
                // A module added to an existing database starts its own history at zero.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of("app_role", appRole, "cross_tenant_role", crossTenantRole))
                .load();
    }
}
