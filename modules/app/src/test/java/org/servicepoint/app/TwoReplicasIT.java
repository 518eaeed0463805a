package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.localservices.KeycloakServer;
import org.servicepoint.localservices.RoundRobinBalancer;
import org.servicepoint.platform.control.OperatorKey;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Two ServicePoint instances on one PostgreSQL and one Keycloak, behind a round-robin balancer with no stickiness
 * (issue 15, "two replicas, proven here"). Desks file and sign incident reports through the balancer; the reports'
 * deadlines are moved into the past as they are signed, so both instances' workers race to mark them overdue; one
 * instance is killed (SIGKILL) in the middle and started again while the other carries the traffic. Then: every
 * report answered 201 exists; each recipient has each signed report, and each headquarters recipient each overdue
 * notice, once (a send cut off by the kill aside: flagged interrupted, see docs/decisions/0008); each report was
 * marked overdue once; the nightly purge ran once for the night across the instances although every one of them
 * looked; a token accepted by one instance is accepted by the other; a library system suspended through one
 * instance is refused by both within the registry's 15 seconds (docs/operations.md).
 *
 * <p>The purge is due from midnight here ({@code SERVICEPOINT_RETENTION_PURGE_AT=00:00}), so every instance looks
 * in its first minute. Not an Arquillian test: the instances are child processes, so that one can be killed.
 */
class TwoReplicasIT {

    static final String OPERATOR_KEY = "replicas-" + UUID.randomUUID();
    static final Path logs = createLogs();
    static final Process[] instances = new Process[2];
    static RoundRobinBalancer proxy;

    @AfterAll
    static void stop() {
        for (Process p : instances) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    static Path createLogs() {
        try {
            return Files.createTempDirectory("two-replicas");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path log(int instance) {
        return logs.resolve("instance-" + instance + ".log");
    }

    /** Instance 0 migrates the database; instance 1 (and instance 0 when it comes back) never does. */
    static Process start(TestDatabase db, int instance, int port, int smtpPort, String tenants, boolean migrate) throws Exception {
        return CrashRecoveryIT.start(db.url(), port, smtpPort, log(instance), Map.of(
                "SERVICEPOINT_DB_MIGRATE", String.valueOf(migrate),
                "SERVICEPOINT_OPERATOR_KEY_SHA256", OperatorKey.sha256Hex(OPERATOR_KEY),
                "SERVICEPOINT_TENANTS_DIR", tenants,
                "SERVICEPOINT_RETENTION_PURGE_AT", "00:00"));
    }

    /** Two library systems are enough: one works, the other is suspended. Fewer realms to provision at each start. */
    static String minimalTenants() throws IOException {
        Path source = Path.of(ServicePointIT.tenantsDir());
        Path target = Files.createTempDirectory("two-replicas-tenants");
        for (String slug : List.of("riverbend", "lakeview-law")) {
            try (Stream<Path> files = Files.walk(source.resolve(slug))) {
                for (Path file : files.toList()) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return target.toString();
    }

    static String tails() throws IOException {
        return "\n--- instance 0:\n" + CrashRecoveryIT.tail(log(0)) + "\n--- instance 1:\n" + CrashRecoveryIT.tail(log(1));
    }

    static HttpResponse<String> operator(String base, String method, String path) throws Exception {
        return CrashRecoveryIT.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/" + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("X-Operator-Key", OPERATOR_KEY)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** CPU seconds (user + system) the process has used so far, from /proc (Linux). */
    static double cpuSeconds(Process p) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime in clock ticks (USER_HZ 100)
    }

    /** Resident memory of the process in MiB, from /proc (Linux). */
    static long rssMib(Process p) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Test
    void two_instances_behind_a_balancer_file_mail_mark_overdue_and_purge_once_while_one_is_killed_and_restarted()
            throws Exception {
        long began = System.nanoTime();
        TestDatabase db = TestDatabase.empty();
        int smtpPort = TestMail.start();
        String tenants = minimalTenants();
        KeycloakServer keycloak = KeycloakServer.sharedForTests();
        int[] ports = {CrashRecoveryIT.freePort(), CrashRecoveryIT.freePort()};
        String[] bases = {"http://localhost:" + ports[0], "http://localhost:" + ports[1]};
        instances[0] = start(db, 0, ports[0], smtpPort, tenants, true);
        String sam = keycloak.tokens().accessToken("riverbend", "sam", ServicePointIT.DEMO_PASSWORD);
        String dee = keycloak.tokens().accessToken("riverbend", "dee", ServicePointIT.DEMO_PASSWORD);
        // One report before the second instance starts: the library system then has keys, so the purge of the night
        // finds it from the first look of the second instance on (the first may have looked before).
        assertEquals(201, CrashRecoveryIT.send(bases[0], sam, "POST", "tenants/riverbend/incident-reports",
                "{\"category\":\"theft\",\"answers\":{\"location\":\"Lobby\"}}").statusCode());
        instances[1] = start(db, 1, ports[1], smtpPort, tenants, false);
        proxy = new RoundRobinBalancer(List.of(bases[0], bases[1]), "/api/public/tenants/riverbend/sign-in", 0);
        String base = proxy.url();

        // A token is verified by each instance on its own: the same one is accepted by both.
        String law = keycloak.tokens().accessToken("lakeview-law", "sam", ServicePointIT.DEMO_PASSWORD);
        for (String instance : bases) {
            for (String token : List.of(sam, law)) {
                HttpResponse<String> me = CrashRecoveryIT.send(instance, token, "GET", "me", null);
                assertEquals(200, me.statusCode(), instance + ": " + me.body());
            }
        }

        // Who receives the reports at headquarters: three with an address, and a second director without one, whose
        // delivery fails at once, so no report is ever distributed and each can become overdue.
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Set<String> addresses = CrashRecoveryIT.headquartersRecipients(base, dee, tag);
        CrashRecoveryIT.onRosterAtHeadquarters(base, dee, "executive-director", "ed2 " + tag, null);

        // Three desks file and sign through the balancer, each a report every two seconds or so: steady traffic, not a
        // flood (each report makes six mails). Until the kill every answer must be the expected one; after
        // it a lost request (502 from the balancer) is expected for what was in flight at the killed instance.
        Set<String> created = ConcurrentHashMap.newKeySet();
        Set<String> signed = ConcurrentHashMap.newKeySet();
        AtomicBoolean filing = new AtomicBoolean(true);
        AtomicBoolean killed = new AtomicBoolean(false);
        ExecutorService desks = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        // Access tokens live 300 s; the desks take a fresh one each minute, as the web app renews them.
        AtomicReference<String> deskToken = new AtomicReference<>(sam);
        for (int i = 0; i < 3; i++) {
            work.add(desks.submit(() -> {
                while (filing.get()) {
                    String desk = deskToken.get();
                    HttpResponse<String> draft = CrashRecoveryIT.send(base, desk, "POST", "tenants/riverbend/incident-reports",
                            "{\"category\":\"theft\",\"answers\":{\"location\":\"Lobby\",\"description\":\"Bag taken\","
                                    + "\"actionTaken\":\"Called HQ\",\"emergencyServicesCalled\":false,\"itemsTaken\":\"A bag\"}}");
                    if (lost(draft, killed)) {
                        continue;
                    }
                    assertEquals(201, draft.statusCode(), draft.body());
                    String id = CrashRecoveryIT.first(CrashRecoveryIT.ID, draft.body());
                    created.add(id);
                    HttpResponse<String> call = CrashRecoveryIT.send(base, desk, "POST", "tenants/riverbend/incident-reports/" + id
                            + "/verbal-report", "{\"calledTo\":\"HQ duty desk\",\"calledAt\":\""
                            + OffsetDateTime.now().minusMinutes(1).withNano(0) + "\"}");
                    if (lost(call, killed)) {
                        continue;
                    }
                    assertEquals(200, call.statusCode(), call.body());
                    HttpResponse<String> submit = CrashRecoveryIT.send(base, desk, "POST", "tenants/riverbend/incident-reports/" + id
                            + "/submit", "{\"version\":" + CrashRecoveryIT.lastVersion(call.body()) + ",\"confirm\":true}");
                    if (lost(submit, killed)) {
                        continue;
                    }
                    assertEquals(200, submit.statusCode(), submit.body());
                    signed.add(id);
                    Thread.sleep(2000);
                }
                return null;
            }));
        }
        // The deadline of every signed report is moved into the past as it is signed (the test's stand-in for the end
        // of the incident's day): both instances' workers find the same reports newly overdue at the same moment.
        work.add(desks.submit(() -> {
            long renewed = System.nanoTime();
            while (filing.get()) {
                pastDeadlines(db);
                if (System.nanoTime() - renewed > Duration.ofSeconds(60).toNanos()) {
                    deskToken.set(keycloak.tokens().accessToken("riverbend", "sam", ServicePointIT.DEMO_PASSWORD));
                    renewed = System.nanoTime();
                }
                Thread.sleep(500);
            }
            return null;
        }));

        double[] cpuBefore = {cpuSeconds(instances[0]), cpuSeconds(instances[1])};
        long[] answeredBefore = {proxy.answeredBy(0), proxy.answeredBy(1)};
        long windowBegan = System.nanoTime();
        List<Long> rss0 = new ArrayList<>();
        List<Long> rss1 = new ArrayList<>();
        waitFor(() -> {
            rss0.add(rssMib(instances[0]));
            rss1.add(rssMib(instances[1]));
            return signed.size() >= 12;
        }, Duration.ofMinutes(3), work);
        double window = (System.nanoTime() - windowBegan) / 1e9;
        double[] cpu = {cpuSeconds(instances[0]) - cpuBefore[0], cpuSeconds(instances[1]) - cpuBefore[1]};
        long[] answered = {proxy.answeredBy(0) - answeredBefore[0], proxy.answeredBy(1) - answeredBefore[1]};
        assertTrue(answered[0] > 0 && answered[1] > 0, "the balancer used both instances: " + answered[0] + ", " + answered[1]);

        // Kill instance 0 mid-traffic (SIGKILL), let instance 1 carry the load, start instance 0 again.
        killed.set(true);
        instances[0].destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int signedAtKill = signed.size();
        instances[0] = start(db, 0, ports[0], smtpPort, tenants, false);
        long answeredByRestarted = proxy.answeredBy(0);
        waitFor(() -> proxy.answeredBy(0) >= answeredByRestarted + 20 && signed.size() >= signedAtKill + 10,
                Duration.ofMinutes(3), work);
        filing.set(false);
        desks.shutdown();
        assertTrue(desks.awaitTermination(90, TimeUnit.SECONDS));
        for (Future<?> f : work) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new AssertionError("a desk got a wrong answer: " + e.getCause() + tails(), e.getCause());
            }
        }
        pastDeadlines(db); // those signed in the last moment
        System.out.printf("two replicas: while both ran (%.0f s) instance 0 answered %d requests with %.1f CPU s (%.1f ms each), "
                        + "instance 1 %d with %.1f CPU s (%.1f ms each); median RSS %d and %d MiB%n", window, answered[0], cpu[0],
                1000 * cpu[0] / answered[0], answered[1], cpu[1], 1000 * cpu[1] / answered[1], median(rss0), median(rss1));

        // A library system suspended through one instance is refused by both within the registry's 15 seconds.
        law = keycloak.tokens().accessToken("lakeview-law", "sam", ServicePointIT.DEMO_PASSWORD);
        for (String instance : bases) {
            assertEquals(200, CrashRecoveryIT.send(instance, law, "GET", "me", null).statusCode(), instance);
        }
        suspensionReachesBoth(bases, law);

        // Every report answered 201 exists; every one answered as signed is signed. Those whose signing was cut off by
        // the kill may be signed as well: every signed one is mailed and marked overdue.
        Map<String, Boolean> stored = reports(db);
        for (String id : created) {
            assertTrue(stored.containsKey(id), "answered 201 and not stored: " + id);
        }
        for (String id : signed) {
            assertTrue(stored.get(id), "answered as signed and not signed: " + id);
        }
        List<String> toMail = stored.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        long ceiling = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < ceiling && !(all(toMail, ".report.", addresses) && all(toMail, ".overdue-notice.", addresses))) {
            Thread.sleep(1000);
        }
        if (!(all(toMail, ".report.", addresses) && all(toMail, ".overdue-notice.", addresses))) {
            System.out.println("two replicas: mail still missing after 3 minutes\n" + diagnosis(db));
        }
        Thread.sleep(3000); // a second copy would arrive now
        int interrupted = 0;
        Set<String> interruptedDeliveries = interrupted(db);
        for (String id : toMail) {
            for (String kind : List.of("REPORT", "OVERDUE_NOTICE")) {
                Map<String, Integer> got = counts(id, kind.equals("REPORT") ? ".report." : ".overdue-notice.");
                for (String address : addresses) {
                    int n = got.getOrDefault(address, 0);
                    if (interruptedDeliveries.contains(id + " " + kind + " " + address)) {
                        interrupted++;
                        assertTrue(n == 1 || n == 2, address + " got " + n + " of " + kind + " " + id + " (interrupted)");
                    } else {
                        assertEquals(1, n, address + " got " + n + " of " + kind + " " + id + ": " + state(db, id));
                    }
                }
            }
        }
        // Each signed report marked overdue exactly once, and headquarters told once (one audit line, one notice each).
        Map<String, Integer> overdue = audited(db, "incident-report.overdue");
        for (String id : toMail) {
            assertEquals(1, overdue.getOrDefault("tenant/riverbend/incident-reports/" + id, 0), "overdue marks of " + id);
        }

        // The purge of tonight ran once for riverbend although each instance (and the restarted one) looked.
        // The restarted instance looks within a minute of its start (the timer fires at each full minute).
        String night = LocalDate.now().toString();
        List<String> looks = new ArrayList<>();
        long lookedBy = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (purgeLooks(night, looks, "before") < 1 && System.nanoTime() < lookedBy) {
            Thread.sleep(1000);
        }
        long purgedHere = purgeLooks(night, looks, "here");
        long foundPurged = purgeLooks(night, looks, "before");
        assertEquals(1, purgedHere, "one look purged riverbend tonight: " + looks);
        assertTrue(foundPurged >= 1, "another look found tonight's purge done: " + looks);
        assertEquals(1, audited(db, "retention.purge").values().stream().mapToInt(Integer::intValue).sum(),
                "one retention.purge audit line for riverbend");

        System.out.println("two replicas: " + created.size() + " filed, " + signed.size() + " answered as signed, " + toMail.size()
                + " signed and mailed, " + signedAtKill + " signed before the kill, " + interrupted + " interrupted send(s), "
                + looks.size() + " purge looks tonight, wall time " + (System.nanoTime() - began) / 1_000_000_000 + " s");
    }

    /** Fills {@code looks} with both logs' lines about tonight's purge; answers how many purged riverbend "here" or "before". */
    static long purgeLooks(String night, List<String> looks, String where) throws IOException {
        looks.clear();
        for (int i = 0; i < 2; i++) {
            for (String line : Files.readAllLines(log(i))) {
                if (line.contains("retention purge, night " + night + ":")) {
                    looks.add(line);
                }
            }
        }
        return looks.stream().filter(l -> l.matches(".*purged " + where + " \\[[^\\]]*riverbend.*")).count();
    }

    /** Moves the deadline of every signed riverbend report not yet overdue into the past, behind the application's back. */
    static void pastDeadlines(TestDatabase db) throws Exception {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update incident_report set deadline_at = now() - interval '1 second' where tenant_id = 'riverbend' "
                    + "and deadline_at > now() and overdue_at is null");
        }
    }

    /** After the kill a lost request is expected; before it, nothing but the right answer. */
    static boolean lost(HttpResponse<String> response, AtomicBoolean killed) {
        return killed.get() && response.statusCode() == 502;
    }

    static void suspensionReachesBoth(String[] bases, String token) throws Exception {
        HttpResponse<String> suspended = operator(bases[1], "POST", "admin/tenants/lakeview-law/suspend");
        assertEquals(200, suspended.statusCode(), suspended.body());
        long at = System.nanoTime();
        long[] refusedAfter = {-1, -1};
        // The registry keeps its list 15 s: a request sent after that must be refused by each instance.
        while ((refusedAfter[0] < 0 || refusedAfter[1] < 0) && System.nanoTime() - at < Duration.ofSeconds(16).toNanos()) {
            for (int i = 0; i < 2; i++) {
                if (refusedAfter[i] < 0 && CrashRecoveryIT.send(bases[i], token, "GET", "me", null).statusCode() == 403) {
                    refusedAfter[i] = (System.nanoTime() - at) / 1_000_000;
                }
            }
            Thread.sleep(250);
        }
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> me = CrashRecoveryIT.send(bases[i], token, "GET", "me", null);
            ServicePointDeployment.assertProblem(me, 403, "tenant-suspended");
        }
        System.out.println("two replicas: suspended through instance 1; refused by instance 0 after " + refusedAfter[0]
                + " ms, by instance 1 after " + refusedAfter[1] + " ms (-1: at the check after 16 s)");
    }

    /** Every incident report of riverbend and whether it is signed. */
    static Map<String, Boolean> reports(TestDatabase db) throws Exception {
        Map<String, Boolean> reports = new HashMap<>();
        for (String[] row : riverbend(db, "select id, case when submitted_at is null then 'draft' else 'signed' end from incident_report")) {
            reports.put(row[0], row[1].equals("signed"));
        }
        return reports;
    }

    /** The rows of a query as the application role bound to riverbend (row-level security applies), as text. */
    static List<String[]> riverbend(TestDatabase db, String sql, String... parameters) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = db.app().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("select set_config('app.tenant_id', 'riverbend', false)");
            }
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    p.setString(i + 1, parameters[i]);
                }
                try (ResultSet r = p.executeQuery()) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        String[] row = new String[n];
                        for (int i = 0; i < n; i++) {
                            row[i] = r.getString(i + 1);
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    /** The outbox, the database's sessions and the instances' threads that run application code, for a failure. */
    static String diagnosis(TestDatabase db) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of("select kind, status, attempts, count(*), min(next_attempt_at), max(next_attempt_at), now() "
                            + "from incident_delivery group by 1, 2, 3 order by 1, 2, 3",
                    "select pid, usename, state, wait_event_type, wait_event, xact_start, left(query, 160) from pg_stat_activity "
                            + "where datname = current_database() and pid <> pg_backend_pid()")) {
                try (ResultSet r = s.executeQuery(sql)) {
                    int n = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        for (int i = 1; i <= n; i++) {
                            out.append(r.getString(i)).append(i < n ? " | " : "\n");
                        }
                    }
                }
            }
        }
        for (Process p : instances) {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(p.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            for (String thread : dump.split("\n\n")) {
                if (thread.contains("org.servicepoint")) {
                    out.append("--- ").append(p.pid()).append(' ').append(thread, 0, Math.min(thread.length(), 2500)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** What the database holds of one report and its deliveries, for a failure message. */
    static String state(TestDatabase db, String report) throws Exception {
        StringBuilder state = new StringBuilder();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select submitted_at, deadline_at, overdue_at, distributed_at, now() from incident_report "
                    + "where id = '" + report + "'")) {
                while (r.next()) {
                    state.append("signed ").append(r.getString(1)).append(", deadline ").append(r.getString(2)).append(", overdue ")
                            .append(r.getString(3)).append(", distributed ").append(r.getString(4)).append(", now ").append(r.getString(5));
                }
            }
            try (ResultSet r = s.executeQuery("select kind, recipient_position, email, status, attempts, interrupted from incident_delivery "
                    + "where report_id = '" + report + "' order by kind, recipient_position")) {
                while (r.next()) {
                    state.append("\n  ").append(r.getString(1)).append(' ').append(r.getString(2)).append(' ').append(r.getString(3))
                            .append(' ').append(r.getString(4)).append(" tries ").append(r.getString(5)).append(" interrupted ")
                            .append(r.getString(6));
                }
            }
        }
        return state.toString();
    }

    /** Deliveries of riverbend that a kill cut off ("report-id KIND address"). */
    static Set<String> interrupted(TestDatabase db) throws Exception {
        Set<String> cut = new java.util.HashSet<>();
        for (String[] row : riverbend(db, "select report_id, kind, email from incident_delivery where interrupted > 0")) {
            cut.add(row[0] + " " + row[1] + " " + row[2]);
        }
        return cut;
    }

    /** Successful audit lines of riverbend with this action, per target. */
    static Map<String, Integer> audited(TestDatabase db, String action) throws Exception {
        Map<String, Integer> targets = new HashMap<>();
        for (String[] row : riverbend(db, "select target from audit_event where action = ? and outcome = 'SUCCESS'", action)) {
            targets.merge(row[0], 1, Integer::sum);
        }
        return targets;
    }

    /** Messages received for one report of one kind ({@code .report.} or {@code .overdue-notice.}), per address. */
    static Map<String, Integer> counts(String reportId, String kind) {
        Map<String, Integer> counts = new HashMap<>();
        TestMail.messageIdsByAddress().forEach((address, ids) -> {
            for (String id : ids) {
                if (id.contains(reportId + kind)) {
                    counts.merge(address, 1, Integer::sum);
                }
            }
        });
        return counts;
    }

    static boolean all(List<String> reports, String kind, Set<String> addresses) {
        for (String id : reports) {
            if (!counts(id, kind).keySet().containsAll(addresses)) {
                return false;
            }
        }
        return true;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
    }

    /** Waits for the condition (checked every half second); a desk that failed meanwhile fails the test at once. */
    static void waitFor(PostgresRestartIT.Condition condition, Duration within, List<Future<?>> desks) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (!condition.met()) {
            for (Future<?> f : desks) {
                if (f.isDone()) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        throw new AssertionError("a desk got a wrong answer: " + e.getCause() + tails(), e.getCause());
                    }
                    throw new AssertionError("a desk stopped early");
                }
            }
            assertTrue(System.nanoTime() < until, "not within " + within + tails());
            Thread.sleep(500);
        }
    }
}
