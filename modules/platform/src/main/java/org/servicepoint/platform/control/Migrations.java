package org.servicepoint.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Applies every module's versioned migrations at start-up, as the migration role that owns the tables.
 * The application itself then connects as a role that owns nothing, so row-level security applies to it.
 */
@ApplicationScoped
public class Migrations {

    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Inject
    Instance<ModuleSchema> schemas;

    @Inject
    Event<SchemaReady> schemaReady;

    @Inject
    Settings config;

    @Resource(lookup = "java:app/jdbc/servicepoint")
    DataSource dataSource;

    private volatile boolean ready;
    private volatile List<String> pending = List.of();

    /** Called once by {@link StartupSequence}; fires {@link SchemaReady} when done. */
    void migrate() {
        List<ModuleSchema> ordered = schemas.stream().sorted(Comparator.comparingInt(ModuleSchema::order)).toList();
        String appRole = config.text("servicepoint.db.user", "servicepoint_app");
        if (config.flag("servicepoint.db.migrate", true)) {
            PGSimpleDataSource owner = new PGSimpleDataSource();
            owner.setURL(config.text("servicepoint.db.url", "jdbc:postgresql://localhost:5432/servicepoint"));
            owner.setUser(config.text("servicepoint.db.migration.user", "servicepoint_owner"));
            config.text("servicepoint.db.migration.password").ifPresent(owner::setPassword);
            SchemaMigrator.migrate(owner, appRole, ordered.stream().map(ModuleSchema::name).toList(),
                    getClass().getClassLoader(), LOG::info);
        } else {
            // No owner credentials here: the application role reads the history and says what is missing.
            List<String> missing = SchemaMigrator.pending(dataSource, appRole, ordered.stream().map(ModuleSchema::name).toList(),
                    getClass().getClassLoader());
            if (!missing.isEmpty()) {
                pending = List.copyOf(missing);
                LOG.severe("servicepoint.db.migrate=false and the database schema is older than this version expects; "
                        + "not starting. Missing migrations: " + String.join(", ", missing)
                        + ". Run the migrations first: java -jar servicepoint.jar migrate (docs/operations.md)");
                return;
            }
            LOG.info("servicepoint.db.migrate=false: the schema is current");
        }
        // Synchronous: start-up work (demo tenants) is done before readiness says so.
        schemaReady.fire(new SchemaReady(ordered.size()));
        ready = true;
    }

    public boolean ready() {
        return ready;
    }

    /** Migrations the code has and the database lacks, when the server was told not to migrate; else empty. */
    public List<String> pending() {
        return pending;
    }
}
