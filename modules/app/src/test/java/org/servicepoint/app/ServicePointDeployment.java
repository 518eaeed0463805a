package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicepoint.platform.control.OperatorKey;
import org.servicepoint.localservices.KeycloakServer;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * The real WAR from the build, in Payara Micro, on a real PostgreSQL, with the demo tenants applied at
 * start-up, shared by every in-container test class of this module (one per context) and the helpers they share.
 * Arquillian would start one Payara Micro per class; {@link OneDeployment} deploys this WAR once for the whole run
 * instead, so a failing context is found by its class name without paying for another start.
 */
@ExtendWith(ArquillianExtension.class)
abstract class ServicePointDeployment {

    static final String OPERATOR_KEY = "it-" + UUID.randomUUID();
    static final String DEMO_PASSWORD = "demo-" + UUID.randomUUID().toString().substring(0, 8);
    /** Where the application listens; the build reserves a free port (client side only). */
    static final String APP_URL = "http://localhost:" + System.getProperty("servicepoint.it.port", "28080");

    /** The run's database, on the client side (the robustness suite counts rows in it); a String, as the container has no TestDatabase. */
    static String databaseUrl;

    @ArquillianResource
    URL base;

    @Deployment
    static WebArchive deployment() {
        TestDatabase db = TestDatabase.empty();
        databaseUrl = db.url();
        int smtpPort = TestMail.start();
        // One Keycloak for the whole run; the application provisions the demo realms in it when it starts.
        KeycloakServer keycloak = KeycloakServer.sharedForTests();
        String config = String.join("\n",
                "servicepoint.keycloak.url=" + keycloak.url(),
                "servicepoint.keycloak.admin.client-id=" + keycloak.provisioningClient().clientId(),
                "servicepoint.keycloak.admin.client-secret=" + keycloak.provisioningClient().secret(),
                "servicepoint.keycloak.test-client=true",
                "servicepoint.demo.password=" + DEMO_PASSWORD,
                "servicepoint.public-url=" + APP_URL,
                "servicepoint.idle-lock.override-seconds=6",
                "servicepoint.confidentiality.master-key=" + java.util.Base64.getEncoder().encodeToString(
                        java.security.SecureRandom.getSeed(32)),
                "servicepoint.db.url=" + db.url(),
                "servicepoint.db.user=" + TestDatabase.APP,
                "servicepoint.db.password=unused-trust",
                "servicepoint.db.migration.user=" + TestDatabase.OWNER,
                "servicepoint.db.migrate=true",
                "servicepoint.operator.key-sha256=" + OperatorKey.sha256Hex(OPERATOR_KEY),
                "servicepoint.tenants.dir=" + tenantsDir(),
                "servicepoint.mail.host=127.0.0.1",
                "servicepoint.mail.port=" + smtpPort,
                "servicepoint.mail.starttls=false",
                "servicepoint.mail.from=servicepoint@riverbend.example",
                "servicepoint.mail.poll-seconds=1",
                "servicepoint.mail.first-retry-seconds=1",
                // Every public page of the run is posted from this one address: room for each test's own cards.
                "servicepoint.public-pages.per-address=40",
                "servicepoint.callbacks.watch-seconds=1",
                "");
        // Named ROOT.war so it is served at "/", as in production.
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File(System.getProperty("servicepoint.war")))
                .as(WebArchive.class);
        // The WAR's own defaults stay in front (later keys win), so its settings are the ones tested.
        String defaults;
        try (var in = war.get("WEB-INF/classes/META-INF/microprofile-config.properties").getAsset().openStream()) {
            defaults = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return war.addClasses(ServicePointDeployment.class, TenancyIT.class, TenantAdminIT.class)
                .addAsResource(new StringAsset(defaults + "\n" + config), "META-INF/microprofile-config.properties");
    }

    static String tenantsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("tenants"))) {
            dir = dir.getParent();
        }
        return dir == null ? "none" : dir.resolve("tenants").toString();
    }

    // ---- over HTTP, as a client ----

    static final HttpClient HTTP = HttpClient.newHttpClient();

    HttpResponse<String> call(String method, String path, String key, String body, String accept) throws Exception {
        URI uri = base.toURI().resolve(path.startsWith("/health") ? path : "api/" + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", accept);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("X-Operator-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> operator(String method, String path, String body) throws Exception {
        return call(method, path, OPERATOR_KEY, body, "application/json");
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "content type of " + response.body());
        assertTrue(response.body().contains("\"type\":\"urn:servicepoint:problem:" + type + "\""), response.body());
        assertFalse(response.body().contains("Exception"), "a stack trace leaked: " + response.body());
    }

    static String token(String realm, String user) {
        return KeycloakServer.sharedForTests().tokens().accessToken(realm, user, DEMO_PASSWORD);
    }

    HttpResponse<String> staff(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A theft at Pine Hollow, filed by sam with every required answer and the call to headquarters, still a draft. */
    String theftDraft(String sam, String description) throws Exception {
        HttpResponse<String> draft = staffSend(sam, "POST", "tenants/riverbend/incident-reports", "{\"category\":\"theft\","
                + "\"answers\":{\"location\":\"Lobby\",\"description\":" + json(description) + ",\"actionTaken\":\"Called HQ\","
                + "\"emergencyServicesCalled\":false,\"itemsTaken\":\"A laptop from the study room\"}}");
        assertEquals(201, draft.statusCode(), draft.body());
        String id = idIn(draft.body());
        HttpResponse<String> call = staffSend(sam, "POST", "tenants/riverbend/incident-reports/" + id + "/verbal-report",
                "{\"calledTo\":\"Branch services coordinator\",\"calledAt\":\"" + java.time.OffsetDateTime.now().minusMinutes(5)
                        .withNano(0) + "\"}");
        assertEquals(200, call.statusCode(), call.body());
        return id;
    }

    static long versionIn(String body) {
        var m = java.util.regex.Pattern.compile("\"version\":(\\d+)").matcher(body);
        long version = -1;
        while (m.find()) {
            version = Long.parseLong(m.group(1));
        }
        return version;
    }

    HttpResponse<String> staffSend(String token, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    static String idIn(String body) {
        var m = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
        assertTrue(m.find(), "no id in " + body);
        return m.group(1);
    }

    static String json(String text) {
        return quote(text);
    }

    String addStaff(String token, String tagName, String username, String position, String employment) throws Exception {
        return addStaff(token, tagName, username, position, employment, "PINE-HOLLOW");
    }

    String addStaff(String token, String tagName, String username, String position, String employment, String branch)
            throws Exception {
        HttpResponse<String> made = staffSend(token, "POST", "tenants/riverbend/staff", "{\"tagName\":" + json(tagName)
                + (username == null ? "" : ",\"username\":" + json(username)) + ",\"position\":" + json(position)
                + ",\"branch\":" + json(branch) + ",\"employmentType\":" + json(employment) + ",\"startsOn\":\"2020-01-01\"}");
        assertEquals(201, made.statusCode(), made.body());
        return idIn(made.body());
    }

    HttpResponse<String> allDayShift(String token, String staffId) throws Exception {
        return allDayShift(token, staffId, "PINE-HOLLOW");
    }

    HttpResponse<String> allDayShift(String token, String staffId, String branch) throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago")).toString();
        return staffSend(token, "POST", "tenants/riverbend/shifts", "{\"staffMemberId\":\"" + staffId + "\",\"branch\":" + json(branch) + ","
                + "\"servicePoint\":\"circulation\",\"date\":\"" + today + "\",\"start\":\"00:00\",\"end\":\"00:00\",\"overnight\":true}");
    }

    /** Puts someone with a username on the roster once (as the tenant admin); tests share one deployment. */
    String onRoster(String tagName, String username, String position, String branch) throws Exception {
        String dee = token("riverbend", "dee");
        HttpResponse<String> all = staff(dee, "tenants/riverbend/staff?includeEnded=true");
        var m = java.util.regex.Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"[^}]*\"username\":\"" + username + "\"").matcher(all.body());
        return m.find() ? m.group(1) : addStaff(dee, tagName, username, position, "permanent", branch);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + "\"";
    }

    // ---- content behind the names (issue 16): what was provisioned, what the periods are, which desk is uncovered ----

    /** The first flat JSON object in the body that holds every one of the pairs, or "" (field order is the server's). */
    static String objectWith(String body, String... pairs) {
        var objects = java.util.regex.Pattern.compile("\\{[^{}]*}").matcher(body);
        while (objects.find()) {
            String object = objects.group();
            if (java.util.Arrays.stream(pairs).allMatch(object::contains)) {
                return object;
            }
        }
        return "";
    }
}
