package org.servicepoint.app;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's connection pool. It logs in as the application role, which owns no table, so
 * PostgreSQL's row-level security applies to every statement. Settings come from MicroProfile Config
 * (environment variables such as SERVICEPOINT_DB_URL override the defaults; see docs/configuration.md).
 */
@DataSourceDefinition(
        name = "java:app/jdbc/servicepoint",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=servicepoint.db.url}",
        user = "${MPCONFIG=servicepoint.db.user}",
        password = "${MPCONFIG=servicepoint.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class Database {
}
