package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.localservices.KeycloakServer;
import org.servicepoint.platform.control.OperatorKey;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * The application process is killed (SIGKILL, no shutdown of any kind) while staff file and sign incident reports
 * and the worker mails them; then it is started again on the same database. The kill is timed: a relay in front of
 * the mail server withholds the server's answer to one message it has taken in full, so the worker is caught holding
 * a claimed delivery that the server has and the database does not record as sent. The test reads the claimed rows
 * from the database after the kill and fails when there were none. Every report that was answered 201 must exist,
 * every signed one must reach each of its recipients, and no recipient may get a report twice, except for a send the
 * kill cut off: that one is flagged "interrupted" in the delivery trail and repeats the same Message-ID (see
 * docs/decisions/0008). Then, on the same database, a patron's mail from a follow-up is caught in flight by a second
 * kill, with another queued behind it: the queued one arrives once, the cut-off one again only under its Message-ID.
 *
 * <p>Not an Arquillian test: Payara Micro runs as a child process here, so that it can be killed.
 */
class CrashRecoveryIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    static Process app;
    static Path log;

    @AfterAll
    static void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Process start(TestDatabase db, int port, int smtpPort) throws Exception {
        return start(db.url(), port, smtpPort);
    }

    /** Payara Micro with the WAR as a child process on this database (migrated at start), ready when this returns. */
    static Process start(String dbUrl, int port, int smtpPort) throws Exception {
        log = Files.createTempFile("crash-recovery-app", ".log");
        return start(dbUrl, port, smtpPort, log, Map.of());
    }

    /** The same, logging to {@code logFile}, with {@code settings} (environment variables) over the defaults here. */
    static Process start(String dbUrl, int port, int smtpPort, Path logFile, Map<String, String> settings) throws Exception {
        KeycloakServer keycloak = KeycloakServer.sharedForTests();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", System.getProperty("payara.microJar"), "--deploy", System.getProperty("servicepoint.war"),
                "--contextroot", "/", "--port", String.valueOf(port), "--nocluster");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.put("SERVICEPOINT_DB_URL", dbUrl);
        env.put("SERVICEPOINT_DB_USER", TestDatabase.APP);
        env.put("SERVICEPOINT_DB_PASSWORD", "unused-trust");
        env.put("SERVICEPOINT_DB_MIGRATION_USER", TestDatabase.OWNER);
        env.put("SERVICEPOINT_DB_MIGRATE", "true");
        env.put("SERVICEPOINT_OPERATOR_KEY_SHA256", OperatorKey.sha256Hex("crash-" + UUID.randomUUID()));
        env.put("SERVICEPOINT_PUBLIC_URL", "http://localhost:" + port);
        env.put("SERVICEPOINT_KEYCLOAK_URL", keycloak.url());
        env.put("SERVICEPOINT_KEYCLOAK_ADMIN_CLIENT_ID", keycloak.provisioningClient().clientId());
        env.put("SERVICEPOINT_KEYCLOAK_ADMIN_CLIENT_SECRET", keycloak.provisioningClient().secret());
        env.put("SERVICEPOINT_KEYCLOAK_TEST_CLIENT", "true");
        env.put("SERVICEPOINT_DEMO_PASSWORD", ServicePointIT.DEMO_PASSWORD);
        env.put("SERVICEPOINT_CONFIDENTIALITY_MASTER_KEY", MASTER_KEY);
        env.put("SERVICEPOINT_TENANTS_DIR", ServicePointIT.tenantsDir());
        env.put("SERVICEPOINT_MAIL_HOST", "127.0.0.1");
        env.put("SERVICEPOINT_MAIL_PORT", String.valueOf(smtpPort));
        env.put("SERVICEPOINT_MAIL_FROM", "servicepoint@riverbend.example");
        // The test's mail server speaks plain SMTP on loopback: the documented exception to "STARTTLS required".
        env.put("SERVICEPOINT_MAIL_STARTTLS", "false");
        env.put("SERVICEPOINT_MAIL_POLL_SECONDS", "1");
        env.put("SERVICEPOINT_MAIL_FIRST_RETRY_SECONDS", "1");
        env.put("SERVICEPOINT_MAIL_TIMEOUT_SECONDS", "5");
        env.put("SERVICEPOINT_MAIL_CLAIM_SECONDS", "20");
        env.putAll(settings);
        Process process = builder.start();
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < until && process.isAlive()) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the application did not become ready:\n" + tail(logFile));
    }

    static final String MASTER_KEY = java.util.Base64.getEncoder().encodeToString(java.security.SecureRandom.getSeed(32));

    static String tail() throws IOException {
        return tail(log);
    }

    static String tail(Path logFile) throws IOException {
        List<String> lines = Files.readAllLines(logFile);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /**
     * Puts the three at riverbend's headquarters who receive its reports on the roster, named and addressed with
     * {@code tag} so each run has its own; answers their addresses.
     */
    static Set<String> headquartersRecipients(String base, String dee, String tag) throws Exception {
        String[][] recipients = {{"executive-director", "ed"}, {"business-manager", "bm"}, {"branch-services-coordinator", "bsc"}};
        Set<String> addresses = new java.util.HashSet<>();
        for (String[] r : recipients) {
            String address = r[1] + "." + tag + "@riverbend.example";
            onRosterAtHeadquarters(base, dee, r[0], r[1] + " " + tag, address);
            addresses.add(address);
        }
        return Set.copyOf(addresses);
    }

    /** Someone at riverbend's headquarters on the roster, with a roster address or ({@code email} null) none. */
    static void onRosterAtHeadquarters(String base, String dee, String position, String tagName, String email) throws Exception {
        HttpResponse<String> added = send(base, dee, "POST", "tenants/riverbend/staff", "{\"tagName\":\"" + tagName
                + "\",\"position\":\"" + position + "\",\"branch\":\"HQ\",\"employmentType\":\"permanent\",\"startsOn\":\"2020-01-01\""
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}");
        assertEquals(201, added.statusCode(), added.body());
    }

    static HttpResponse<String> send(String base, String token, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/" + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        assertTrue(m.find(), "nothing like " + pattern + " in " + body);
        return m.group(1);
    }

    static long lastVersion(String body) {
        Matcher m = VERSION.matcher(body);
        long v = -1;
        while (m.find()) {
            v = Long.parseLong(m.group(1));
        }
        return v;
    }

    /** A delivery that was claimed and not recorded as sent when the process died (read from the database after the kill). */
    record InFlight(String id, String reportId, String email, String messageId) {
    }

    /** Deliveries of riverbend claimed for a send and not recorded as done, as the database holds them now. */
    static List<InFlight> claimedNotSent(TestDatabase db) throws Exception {
        try (Connection c = db.app().getConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', 'riverbend', false)");
            List<InFlight> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select id, report_id, email, message_id from incident_delivery where status = 'SENDING'")) {
                while (r.next()) {
                    rows.add(new InFlight(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                }
            }
            return rows;
        }
    }

    @Test
    void after_kill_9_mid_send_every_answered_report_exists_and_each_recipient_gets_each_signed_report_once() throws Exception {
        TestDatabase db = TestDatabase.empty();
        int smtpPort = TestMail.start();
        HoldingSmtpRelay relay = new HoldingSmtpRelay(smtpPort);
        int port = freePort();
        String base = "http://localhost:" + port;
        app = start(db, port, relay.port());

        KeycloakServer keycloak = KeycloakServer.sharedForTests();
        String dee = keycloak.tokens().accessToken("riverbend", "dee", ServicePointIT.DEMO_PASSWORD);
        String sam = keycloak.tokens().accessToken("riverbend", "sam", ServicePointIT.DEMO_PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Set<String> addresses = headquartersRecipients(base, dee, tag);

        // Four desks file and sign theft reports as fast as they can; the process is killed in the middle of it. Until the
        // kill every answer must be the expected one; after it, only a lost connection is expected. Whatever a desk
        // finds wrong ends its future exceptionally, and the test reads every future.
        Set<String> created = ConcurrentHashMap.newKeySet();
        Set<String> signed = ConcurrentHashMap.newKeySet();
        AtomicBoolean filing = new AtomicBoolean(true);
        AtomicBoolean killed = new AtomicBoolean(false);
        ExecutorService desks = Executors.newFixedThreadPool(4);
        List<Future<?>> deskWork = new ArrayList<>();
        String desk = sam;
        for (int i = 0; i < 4; i++) {
            deskWork.add(desks.submit(() -> {
                while (filing.get()) {
                    try {
                        HttpResponse<String> draft = send(base, desk, "POST", "tenants/riverbend/incident-reports",
                                "{\"category\":\"theft\",\"answers\":{\"location\":\"Lobby\",\"description\":\"Bag taken\","
                                        + "\"actionTaken\":\"Called HQ\",\"emergencyServicesCalled\":false,\"itemsTaken\":\"A bag\"}}");
                        assertEquals(201, draft.statusCode(), draft.body());
                        String id = first(ID, draft.body());
                        created.add(id);
                        HttpResponse<String> call = send(base, desk, "POST", "tenants/riverbend/incident-reports/" + id + "/verbal-report",
                                "{\"calledTo\":\"HQ duty desk\",\"calledAt\":\"" + java.time.OffsetDateTime.now().minusMinutes(1).withNano(0)
                                        + "\"}");
                        assertEquals(200, call.statusCode(), call.body());
                        HttpResponse<String> submit = send(base, desk, "POST", "tenants/riverbend/incident-reports/" + id + "/submit",
                                "{\"version\":" + lastVersion(call.body()) + ",\"confirm\":true}");
                        assertEquals(200, submit.statusCode(), submit.body());
                        signed.add(id);
                    } catch (IOException connectionLost) {
                        if (!killed.get()) {
                            throw connectionLost;
                        }
                        Thread.sleep(50);
                    }
                }
                return null;
            }));
        }
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (signed.size() < 15 && System.nanoTime() < until && deskWork.stream().noneMatch(Future::isDone)) {
            Thread.sleep(100);
        }
        // The next message the server takes in full gets no answer: the worker holds its claim and waits. Kill it then.
        relay.holdNextMessage();
        boolean held = relay.awaitHeld(60);
        killed.set(true);
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
        relay.release();
        Thread.sleep(1000);
        filing.set(false);
        desks.shutdown();
        assertTrue(desks.awaitTermination(60, TimeUnit.SECONDS));
        for (Future<?> f : deskWork) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new AssertionError("a desk failed before the kill: " + e.getCause() + "\n" + tail(), e.getCause());
            }
        }
        assertTrue(held, "no send was in flight to hold within 60 s\n" + tail());
        List<InFlight> inFlight = claimedNotSent(db);
        System.out.println("crash recovery: " + inFlight.size() + " deliver" + (inFlight.size() == 1 ? "y was" : "ies were")
                + " claimed and not recorded as sent at the kill: " + inFlight);
        assertFalse(inFlight.isEmpty(), "the kill found no delivery in flight, so it proved nothing");
        assertTrue(signed.size() >= 10, "too few reports were signed before the kill: " + signed.size() + "\n" + tail());
        // The held message is at the server, once, and not recorded as sent: a send cut off after the server took it.
        List<String> atServerBeforeRestart = inFlight.stream().map(InFlight::messageId).filter(m -> TestMail.withMessageId(m) > 0).toList();
        assertEquals(1, atServerBeforeRestart.size(), "exactly the held message is at the server: " + inFlight);
        String repeated = atServerBeforeRestart.get(0);
        assertEquals(1, TestMail.withMessageId(repeated));
        int mailedBeforeKill = TestMail.messageCount();

        app = start(db, port, relay.port());
        sam = keycloak.tokens().accessToken("riverbend", "sam", ServicePointIT.DEMO_PASSWORD);
        dee = keycloak.tokens().accessToken("riverbend", "dee", ServicePointIT.DEMO_PASSWORD);

        // Every report answered 201 is there; every one answered as signed is signed. Reports whose signing was under
        // way at the kill may be signed too: every signed one must be delivered.
        List<String> toDeliver = new ArrayList<>();
        for (String id : created) {
            HttpResponse<String> report = send(base, dee, "GET", "tenants/riverbend/incident-reports/" + id, null);
            assertEquals(200, report.statusCode(), id + ": " + report.body());
            boolean isSigned = report.body().contains("\"readyForDistribution\":true");
            if (signed.contains(id)) {
                assertTrue(isSigned, id + " was answered as signed: " + report.body());
            }
            if (isSigned) {
                toDeliver.add(id);
            }
        }

        // The worker finishes what was queued, including the claims the kill left behind (they run out after 20 s here).
        long deliveredBy = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deliveredBy && !(allDelivered(toDeliver, addresses) && TestMail.withMessageId(repeated) == 2)) {
            Thread.sleep(1000);
        }
        Thread.sleep(3000);
        Set<String> inFlightIds = inFlight.stream().map(InFlight::id).collect(java.util.stream.Collectors.toSet());
        int interrupted = 0;
        for (String id : toDeliver) {
            Map<String, Integer> got = TestMail.countsFor(id);
            HttpResponse<String> trail = send(base, dee, "GET", "tenants/riverbend/incident-reports/" + id + "/deliveries", null);
            for (String address : addresses) {
                int n = got.getOrDefault(address, 0);
                int at = trail.body().indexOf("\"email\":\"" + address + "\"");
                assertTrue(at >= 0, address + " has no delivery for " + id + ": " + trail.body());
                String delivery = trail.body().substring(trail.body().lastIndexOf('{', at), trail.body().indexOf('}', at) + 1);
                assertTrue(delivery.contains("\"status\":\"sent\""), delivery);
                String deliveryId = first(ID, delivery);
                if (inFlightIds.contains(deliveryId)) {
                    assertTrue(delivery.contains("\"interrupted\":true"), "cut off by the kill, so flagged: " + delivery);
                }
                if (delivery.contains("\"interrupted\":true")) {
                    interrupted++;
                    assertTrue(inFlightIds.contains(deliveryId), "flagged interrupted without being in flight: " + delivery);
                    assertTrue(n == 1 || n == 2, address + " got " + n + " copies of " + id + " (interrupted): " + delivery);
                } else {
                    assertEquals(1, n, address + " got " + n + " copies of " + id + ": " + delivery);
                }
            }
        }
        assertEquals(inFlight.size(), interrupted, "every delivery in flight at the kill, and only those, is flagged interrupted");
        // The message the server had taken before the kill came again, under the same Message-ID.
        assertEquals(2, TestMail.withMessageId(repeated), "the repeated send of " + repeated + " carries the same Message-ID");
        System.out.println("crash recovery: " + created.size() + " filed, " + signed.size() + " answered as signed, "
                + toDeliver.size() + " delivered, " + mailedBeforeKill + " mails before the kill, " + inFlight.size()
                + " in flight at the kill, " + interrupted + " interrupted send(s), " + repeated + " received twice");

        // On the same database and server start: patrons' mail from follow-ups goes through the same outbox.
        patronMailAcrossKill(db, base, relay, port);
    }

    /**
     * Two email updates to patrons (issue 13, "a follow-up mail sent once across a kill -9"): the kill catches the first
     * in flight (the server has it, the outbox does not know), the second waits behind it, committed and not yet sent.
     * After the restart the second arrives exactly once; the first arrives a second time only under the same Message-ID
     * and is flagged interrupted (decision 0008); neither leaves the patron's address readable in the outbox.
     */
    static void patronMailAcrossKill(TestDatabase db, String base, HoldingSmtpRelay relay, int port) throws Exception {
        KeycloakServer keycloak = KeycloakServer.sharedForTests();
        String sam = keycloak.tokens().accessToken("riverbend", "sam", ServicePointIT.DEMO_PASSWORD);
        String dee = keycloak.tokens().accessToken("riverbend", "dee", ServicePointIT.DEMO_PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = "first." + tag + "@patrons.example";
        String second = "second." + tag + "@patrons.example";
        String[] complaints = new String[2];
        String[] addresses = {first, second};
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> made = send(base, sam, "POST", "tenants/riverbend/complaints", "{\"branch\":\"PINE-HOLLOW\","
                    + "\"channel\":\"phone\",\"about\":\"No quiet room\",\"contact\":{\"email\":\"" + addresses[i] + "\",\"language\":\"en\"}}");
            assertEquals(201, made.statusCode(), made.body());
            complaints[i] = first(ID, made.body());
        }
        relay.holdNextMessageContaining(".patron-mail.");
        String[] updates = new String[2];
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> update = send(base, dee, "POST", "tenants/riverbend/matters/complaint/" + complaints[i] + "/updates",
                    "{\"channel\":\"email\",\"text\":\"A quiet room is yours on Tuesdays.\",\"key\":\"crash-" + tag + "-" + i + "\"}");
            assertEquals(201, update.statusCode(), update.body());
            updates[i] = first(ID, update.body());
            if (i == 0) {
                assertTrue(relay.awaitHeld(60), "the first patron mail was not sent within 60 s\n" + tail());
            }
        }
        List<InFlight> inFlight = claimedNotSent(db);
        app.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
        relay.release();
        assertEquals(1, inFlight.size(), "exactly the held patron mail is in flight: " + inFlight);
        String held = inFlight.get(0).messageId();
        assertTrue(held.contains(".patron-mail.") && inFlight.get(0).email() == null, inFlight.toString());
        assertEquals(List.of(held), TestMail.messageIdsTo(first));
        assertEquals(List.of(), TestMail.messageIdsTo(second));

        app = start(db, port, relay.port());
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < until && (TestMail.messageIdsTo(first).size() < 2 || TestMail.messageIdsTo(second).isEmpty())) {
            Thread.sleep(500);
        }
        Thread.sleep(3000);
        assertEquals(List.of(held, held), TestMail.messageIdsTo(first), "the cut-off send repeats under its own Message-ID only");
        assertEquals(1, TestMail.messageIdsTo(second).size(), "the mail that waited arrives once: " + TestMail.messageIdsTo(second));
        try (Connection c = db.app().getConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', 'riverbend', false)");
            for (int i = 0; i < 2; i++) {
                try (ResultSet r = s.executeQuery("select status, interrupted, email is null and sealed_email is null and sealed_body is null "
                        + "from incident_delivery where mail_key = 'patron-update:" + updates[i] + "'")) {
                    assertTrue(r.next(), "no outbox row for update " + updates[i]);
                    assertEquals("SENT", r.getString(1));
                    assertEquals(i == 0, r.getInt(2) > 0, "interrupted only where the kill cut a send off");
                    assertTrue(r.getBoolean(3), "a sent patron mail keeps no readable address or text");
                    assertFalse(r.next());
                }
            }
        }
        dee = keycloak.tokens().accessToken("riverbend", "dee", ServicePointIT.DEMO_PASSWORD);
        HttpResponse<String> history = send(base, dee, "GET", "tenants/riverbend/matters/complaint/" + complaints[0] + "/history", null);
        assertEquals(200, history.statusCode(), history.body());
        assertTrue(history.body().contains("\"status\":\"sent\""), history.body());
        System.out.println("crash recovery: patron mail " + held + " in flight at the kill arrived twice under its Message-ID, "
                + "the one queued behind it once");
    }

    static boolean allDelivered(List<String> reports, Set<String> addresses) throws Exception {
        for (String id : reports) {
            if (!TestMail.countsFor(id).keySet().containsAll(addresses)) {
                return false;
            }
        }
        return true;
    }
}
