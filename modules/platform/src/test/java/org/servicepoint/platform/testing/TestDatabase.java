package org.servicepoint.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.servicepoint.platform.control.SchemaMigrator;

/**
 * A real PostgreSQL for tests, started once per test JVM, with the production role layout: a migration
 * role that owns the tables, an application role that owns nothing (so row-level security applies), and
 * the role that owns the few functions that look across tenants (NOLOGIN BYPASSRLS, see docs/operations.md).
 * Row-level security is FORCEd, so it binds the owner too; only the superuser reads across tenants.
 */
public final class TestDatabase {

    public static final String OWNER = "servicepoint_owner";
    public static final String APP = "servicepoint_app";
    public static final String CROSS_TENANT = SchemaMigrator.CROSS_TENANT_ROLE;
    /** zonky's superuser: neither row-level security nor grants bind it. */
    public static final String SUPERUSER = "postgres";
    public static final String NAME = "servicepoint";

    private static TestDatabase shared;

    private final EmbeddedPostgres postgres;

    private TestDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The JVM's database, migrated with the given modules' migrations (in that order). */
    public static synchronized TestDatabase migratedWith(String... modules) {
        if (shared == null) {
            shared = empty();
            SchemaMigrator.migrate(shared.owner(), APP, CROSS_TENANT, List.of(modules), TestDatabase.class.getClassLoader(), m -> { });
        }
        return shared;
    }

    /** A database with the roles but no tables, for an application that migrates it itself. */
    public static TestDatabase empty() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role " + OWNER + " login");
                s.execute("create role " + APP + " login");
                createCrossTenantRole(s);
                s.execute("create database " + NAME + " owner " + OWNER);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is leaving
                }
            }));
            return new TestDatabase(pg);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the test PostgreSQL", e);
        }
    }

    /** What the database administrator does once (docs/operations.md): the migrations refuse to run without it. */
    public static void createCrossTenantRole(Statement s) throws SQLException {
        s.execute("create role " + CROSS_TENANT + " nologin bypassrls");
        s.execute("grant " + CROSS_TENANT + " to " + OWNER);
    }

    public int port() {
        return postgres.getPort();
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + port() + "/" + NAME;
    }

    /** Connects as the migration role, which owns the tables; FORCEd row-level security binds it all the same. */
    public DataSource owner() {
        return dataSource(OWNER);
    }

    /**
     * Connects as the superuser, whom row-level security does not bind: to seed and to count across tenants, to
     * tamper with rows behind the application's back, and to test wall 1 (EclipseLink) alone.
     */
    public DataSource superuser() {
        return dataSource(SUPERUSER);
    }

    /** Connects as the application role: row-level security applies. */
    public DataSource app() {
        return dataSource(APP);
    }

    /** The first column of every row {@code sql} finds, read as the superuser: to count and find rows across tenants. */
    public <T> List<T> firstColumn(String sql, Class<T> type) throws SQLException {
        List<T> values = new ArrayList<>();
        try (Connection c = superuser().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getObject(1, type));
            }
        }
        return values;
    }

    private DataSource dataSource(String user) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url());
        ds.setUser(user);
        return ds;
    }
}
