package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.localservices.KeycloakServer;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * PostgreSQL is stopped and started again (same port, same data) while desks file incident reports against a running
 * application. Meanwhile the service answers 503 problem+json, never 500; afterwards it serves again without a restart
 * of its own (the pool validates and replaces its connections), and every report it answered 201 is in the database.
 *
 * <p>Payara Micro runs as a child process, as in {@link CrashRecoveryIT}; the database is this test's own.
 */
class PostgresRestartIT {

    static Process app;
    static EmbeddedPostgres postgres;

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.destroyForcibly();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** PostgreSQL on this port and data folder; the folder is kept when it stops, so a start finds the same data. */
    static EmbeddedPostgres startPostgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    /** What one desk saw: counts per kind of answer, and any answer that must not happen. */
    static final class Answers {
        final Set<String> created = ConcurrentHashMap.newKeySet();
        final AtomicInteger unavailable = new AtomicInteger();
        final AtomicInteger createdAfterRestart = new AtomicInteger();
        final AtomicBoolean restarted = new AtomicBoolean();
    }

    @Test
    void while_postgresql_restarts_filing_answers_503_then_recovers_by_itself_and_every_report_answered_201_exists()
            throws Exception {
        Path data = Files.createTempDirectory("pg-restart");
        int pgPort = CrashRecoveryIT.freePort();
        postgres = startPostgres(data, pgPort);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + TestDatabase.OWNER + " login");
            s.execute("create role " + TestDatabase.APP + " login");
            TestDatabase.createCrossTenantRole(s);
            s.execute("create database " + TestDatabase.NAME + " owner " + TestDatabase.OWNER);
        }
        String url = "jdbc:postgresql://localhost:" + pgPort + "/" + TestDatabase.NAME;
        int port = CrashRecoveryIT.freePort();
        String base = "http://localhost:" + port;
        app = CrashRecoveryIT.start(url, port, TestMail.start());
        String sam = KeycloakServer.sharedForTests().tokens().accessToken("riverbend", "sam", ServicePointIT.DEMO_PASSWORD);

        Answers answers = new Answers();
        AtomicBoolean filing = new AtomicBoolean(true);
        ExecutorService desks = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            work.add(desks.submit(() -> {
                while (filing.get()) {
                    HttpResponse<String> r = CrashRecoveryIT.send(base, sam, "POST", "tenants/riverbend/incident-reports",
                            "{\"category\":\"theft\",\"answers\":{\"location\":\"Lobby\"}}");
                    if (r.statusCode() == 201) {
                        answers.created.add(CrashRecoveryIT.first(CrashRecoveryIT.ID, r.body()));
                        if (answers.restarted.get()) {
                            answers.createdAfterRestart.incrementAndGet();
                        }
                    } else {
                        assertEquals(503, r.statusCode(), "only 201 or 503 while the database restarts: " + r.body());
                        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
                        assertTrue(r.body().contains("database-unavailable"), r.body());
                        answers.unavailable.incrementAndGet();
                        Thread.sleep(100);
                    }
                }
                return null;
            }));
        }
        waitFor(() -> answers.created.size() >= 20, Duration.ofSeconds(60), work);
        int beforeStop = answers.created.size();

        postgres.close(); // a fast shutdown: open connections are ended
        waitFor(() -> answers.unavailable.get() >= 10, Duration.ofSeconds(30), work);
        Thread.sleep(3000);
        postgres = startPostgres(data, pgPort);
        answers.restarted.set(true);
        long restartedAt = System.nanoTime();
        waitFor(() -> answers.createdAfterRestart.get() >= 20, Duration.ofSeconds(60), work);
        Duration recovery = Duration.ofNanos(System.nanoTime() - restartedAt);
        filing.set(false);
        desks.shutdown();
        assertTrue(desks.awaitTermination(60, TimeUnit.SECONDS));
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new AssertionError("a desk got a wrong answer: " + e.getCause() + "\n" + CrashRecoveryIT.tail(), e.getCause());
            }
        }

        // Every report answered 201 is stored.
        int found = 0;
        try (Connection c = postgres.getDatabase(TestDatabase.APP, TestDatabase.NAME).getConnection();
             Statement bind = c.createStatement()) {
            bind.execute("select set_config('app.tenant_id', 'riverbend', false)");
            try (PreparedStatement p = c.prepareStatement("select count(*) from incident_report where id = any (?::uuid[])")) {
                p.setArray(1, c.createArrayOf("varchar", answers.created.toArray()));
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    found = r.getInt(1);
                }
            }
        }
        System.out.println("postgres restart: " + beforeStop + " filed before the stop, " + answers.unavailable.get()
                + " answered 503, " + answers.createdAfterRestart.get() + " filed after the restart (within "
                + recovery.toSeconds() + " s), " + answers.created.size() + " answered 201, " + found + " found");
        assertTrue(answers.unavailable.get() > 0, "the service never said it was unavailable");
        assertEquals(answers.created.size(), found, "every report answered 201 is in the database");
    }

    interface Condition {
        boolean met() throws Exception;
    }

    /** Waits for the condition; a desk that failed meanwhile fails the test at once. */
    static void waitFor(Condition condition, Duration within, List<Future<?>> desks) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.met()) {
            for (Future<?> f : desks) {
                if (f.isDone()) {
                    f.get();
                    throw new AssertionError("a desk stopped early");
                }
            }
            assertTrue(System.nanoTime() < until, "not within " + within + "\n" + CrashRecoveryIT.tail());
            Thread.sleep(100);
        }
    }
}
