package org.servicepoint.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        if (!migrations.pending().isEmpty()) {
            // Started with servicepoint.db.migrate=false on a schema older than the code: run migrate first.
            return response.down().withData("pendingMigrations", String.join(", ", migrations.pending())).build();
        }
        try (Connection connection = dataSource.getConnection()) {
            String bypass = rowLevelSecurityBypass(connection);
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

    /**
     * Why row-level security would not bind this connection's role, or null when it does. It does not bind a
     * superuser, a BYPASSRLS role or the tables' owner (FORCE aside); and a role that is a member of any of these
     * can become it with one {@code SET ROLE}, so membership counts as well.
     */
    static String rowLevelSecurityBypass(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            ResultSet rs = statement.executeQuery("select r.rolsuper, r.rolbypassrls, "
                    + "exists (select 1 from pg_tables t where t.schemaname = current_schema() and t.tableowner = current_user), "
                    + "exists (select 1 from pg_tables t where t.schemaname = current_schema() and t.tableowner <> current_user "
                    + "        and pg_has_role(current_user, t.tableowner, 'MEMBER')), "
                    + "exists (select 1 from pg_roles b where (b.rolsuper or b.rolbypassrls) and b.rolname <> current_user "
                    + "        and pg_has_role(current_user, b.oid, 'MEMBER')) "
                    + "from pg_roles r where r.rolname = current_user");
            rs.next();
            return rs.getBoolean(1) ? "superuser" : rs.getBoolean(2) ? "bypassrls" : rs.getBoolean(3) ? "table owner"
                    : rs.getBoolean(4) ? "member of the tables' owner"
                    : rs.getBoolean(5) ? "member of a superuser or BYPASSRLS role" : null;
        }
    }
}
