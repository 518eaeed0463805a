package org.servicepoint.app;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's connection pool. It logs in as the application role, which owns no table, so
 * PostgreSQL's row-level security applies to every statement. Settings come from MicroProfile Config
 * (environment variables such as SERVICEPOINT_DB_URL override the defaults; see docs/configuration.md).
 *
 * <p>An XA data source, although a transaction only ever uses this one database: Payara hands every
 * persistence unit of a transaction the connection already enlisted only if it is XA. With a non-XA source each
 * further unit (a filing touches tenancy, incidents and platform) took a pool connection of its own and kept it
 * to the end of the transaction, merely to associate it with the first; under load every connection was held
 * by a request waiting for another one, and the pool stalled until its 60-second wait ran out
 * (docs/performance.md). With one resource the transaction manager commits in one phase: a plain COMMIT.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/servicepoint",
        className = "org.postgresql.xa.PGXADataSource",
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
