package org.servicepoint.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.servicepoint.platform.control.Migrations;

/** Ready means: the schema is migrated and the application's database connection answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    public static final String DATASOURCE = "java:app/jdbc/servicepoint";

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @Inject
    Migrations migrations;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DatabaseReadiness.class.getName());
    private volatile boolean warned;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("schemaMigrated", migrations.ready());
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            // Row-level security does not bind a superuser, a BYPASSRLS role or the tables' owner: an
            // application connected as one of them would silently lose wall 2, so it is not ready.
            String bypass;
            try (ResultSet rs = statement.executeQuery("select r.rolsuper, r.rolbypassrls, exists (select 1 from pg_tables t "
                    + "where t.tableowner = current_user and t.schemaname = current_schema()) from pg_roles r "
                    + "where r.rolname = current_user")) {
                rs.next();
                bypass = rs.getBoolean(1) ? "superuser" : rs.getBoolean(2) ? "bypassrls" : rs.getBoolean(3) ? "table owner" : null;
            }
            if (bypass != null) {
                if (!warned) {
                    warned = true;
                    LOG.severe("the application connects to PostgreSQL as a " + bypass
                            + ": row-level security would not apply; connect as a role that owns nothing");
                }
                return response.down().withData("rowLevelSecurity", "bypassed: connected as " + bypass).build();
            }
            return response.status(migrations.ready()).withData("rowLevelSecurity", "enforced").build();
        } catch (Exception e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
