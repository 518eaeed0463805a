package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code servicepoint.jar migrate} against a real PostgreSQL with the production roles, running the built WAR's own
 * migrations: afterwards the schema is current, and a second run applies nothing.
 */
class MigrateTest {

    /** The WAR the build made (failsafe and surefire get its path from the pom); migrate reads its migrations. */
    static final Path WAR = Path.of(System.getProperty("servicepoint.war", "../app/target/servicepoint.war"));

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void emptyDatabaseWithTheRoles() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role servicepoint_owner login");
            s.execute("create role servicepoint_app login");
            s.execute("create role servicepoint_cross_tenant nologin bypassrls");
            s.execute("grant servicepoint_cross_tenant to servicepoint_owner");
            s.execute("create database servicepoint owner servicepoint_owner");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void migrate_brings_an_empty_database_to_the_schema_the_war_expects_and_a_second_run_changes_nothing() throws Exception {
        Map<String, String> env = Map.of("SERVICEPOINT_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/servicepoint",
                "SERVICEPOINT_DB_USER", "servicepoint_app", "SERVICEPOINT_DB_MIGRATION_USER", "servicepoint_owner");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Migrate.run(env, WAR, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("schema platform:", "schema tenancy:", "schema bans:", "schema policies:", "schema standards:", "schema patron_requests:", "schema demo:")
                .contains("the schema of platform, tenancy, confidentiality, staffing, incidents, bans, policies, standards, patron_requests, demo is current");
        try (Connection c = postgres.getDatabase("servicepoint_owner", "servicepoint").getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_class where relname = 'computer_use_ban' and relforcerowsecurity")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }

        out.reset();
        assertThat(Migrate.run(env, WAR, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("schema bans: 0 migration(s) applied", "schema demo: 0 migration(s) applied");
    }

    @Test
    void migrate_without_a_database_url_says_what_to_set() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Migrate.run(Map.of(), WAR, System.out, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("SERVICEPOINT_DB_URL");
    }
}
