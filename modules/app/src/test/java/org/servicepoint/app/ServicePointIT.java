package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.OperatorKey;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.AuditEvent;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.localservices.KeycloakServer;
import org.servicepoint.platform.testing.TestDatabase;
import org.servicepoint.tenancy.control.Onboarding;
import org.servicepoint.tenancy.control.TenantDocuments;

/**
 * The real WAR from the build, in Payara Micro, on a real PostgreSQL, with the demo tenants applied at
 * start-up. In-container tests check the walls under JTA; client tests drive the HTTP API as an operator.
 * One class on purpose: every Arquillian class starts a Payara Micro of its own.
 */
@ExtendWith(ArquillianExtension.class)
class ServicePointIT {

    static final String OPERATOR_KEY = "it-" + UUID.randomUUID();
    static final String DEMO_PASSWORD = "demo-" + UUID.randomUUID().toString().substring(0, 8);
    /** Where the application listens; the build reserves a free port (client side only). */
    static final String APP_URL = "http://localhost:" + System.getProperty("servicepoint.it.port", "28080");

    /** The run's database, on the client side (the robustness suite counts rows in it); a String, as the container has no TestDatabase. */
    static String databaseUrl;

    @ArquillianResource
    URL base;

    @Inject
    Onboarding onboarding;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    AuditLog auditLog;

    @Inject
    UserTransaction transaction;

    @PersistenceContext(unitName = "tenancy")
    EntityManager em;

    @PersistenceContext(unitName = "platform")
    EntityManager platformEm;

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
        return war.addClass(ServicePointIT.class)
                .addAsResource(new StringAsset(defaults + "\n" + config), "META-INF/microprofile-config.properties");
    }

    static String tenantsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("tenants"))) {
            dir = dir.getParent();
        }
        return dir == null ? "none" : dir.resolve("tenants").toString();
    }

    // ---- in the container ----

    @Test
    void the_demo_tenants_were_applied_at_start_and_applying_again_changes_nothing() {
        var specs = TenantDocuments.readAll(TenantDocuments.folder(Path.of(tenantsDir())));
        assertEquals(3, specs.size());
        var plan = onboarding.plan(specs);
        assertFalse(plan.changesAnything(), plan.render());
    }

    @Test
    void native_sql_under_jta_sees_only_the_bound_tenant() throws Exception {
        transaction.begin();
        try {
            tenantDatabase.bind(em, TenantId.of("riverbend"));
            // Native SQL skips EclipseLink's filter entirely: only row-level security is left.
            List<?> tenants = em.createNativeQuery("select distinct tenant_id from branch").getResultList();
            assertEquals(List.of("riverbend"), tenants);
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void a_transaction_bound_to_no_tenant_sees_no_rows() throws Exception {
        transaction.begin();
        try {
            List<?> rows = em.createNativeQuery("select id from branch").getResultList();
            assertTrue(rows.isEmpty(), "rows visible without a tenant: " + rows.size());
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void inserting_for_another_tenant_is_refused_by_the_database_under_jta() throws Exception {
        transaction.begin();
        try {
            tenantDatabase.bind(em, TenantId.of("riverbend"));
            Exception refused = assertThrows(Exception.class, () -> em.createNativeQuery(
                            "insert into branch (id, tenant_id, code, name, headquarters, created_at, updated_at) "
                                    + "values (gen_random_uuid(), 'lakeview-law', 'SNEAK', 'x', false, now(), now())")
                    .executeUpdate());
            assertTrue(String.valueOf(rootCause(refused).getMessage()).contains("row-level security"), refused.toString());
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void a_second_persistence_unit_in_the_same_transaction_reads_the_same_tenant() throws Exception {
        // Regression: reads of the unit bound second once went to a connection without app.tenant_id.
        transaction.begin();
        try {
            tenantDatabase.bind(em, TenantId.of("riverbend"));
            tenantDatabase.bind(platformEm, TenantId.of("riverbend"));
            long lines = platformEm.createQuery("select count(a) from AuditEvent a", Long.class).getSingleResult();
            assertTrue(lines > 0, "the platform unit saw no audit line of riverbend");
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void tenant_data_is_refused_outside_a_transaction() {
        assertThrows(IllegalStateException.class, () -> tenantDatabase.bind(em, TenantId.of("riverbend")));
    }

    @Test
    void onboarding_was_audited_per_tenant() {
        List<AuditEvent> events = auditLog.recent(TenantId.of("lakeview-law"), 50);
        assertTrue(events.stream().anyMatch(e -> e.action().equals("tenant.create") && e.actor().equals("system:system")),
                "no tenant.create line");
        assertTrue(events.stream().allMatch(e -> "lakeview-law".equals(e.tenantId())));
    }

    static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
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

    @Test
    @RunAsClient
    void ready_means_the_database_answers() throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(new URI(base.getProtocol(), null, base.getHost(),
                base.getPort(), "/health/ready", null, null)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertTrue(ready.body().contains("\"rowLevelSecurity\":\"enforced\""), ready.body());
    }

    @Test
    @RunAsClient
    void the_operator_lists_the_demo_tenants_with_their_branches() throws Exception {
        HttpResponse<String> list = operator("GET", "admin/tenants", null);
        assertEquals(200, list.statusCode(), list.body());
        for (String slug : List.of("riverbend", "lakeview-law", "hollis-college")) {
            assertTrue(list.body().contains("\"slug\":\"" + slug + "\""), list.body());
        }
        HttpResponse<String> branches = operator("GET", "admin/tenants/riverbend/branches", null);
        assertEquals(200, branches.statusCode());
        assertTrue(branches.body().contains("\"code\":\"HQ\""), branches.body());
        assertTrue(branches.body().contains("\"servicePoints\":[{"), "desks missing: " + branches.body());
        assertTrue(list.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    @RunAsClient
    void no_key_or_a_wrong_key_is_refused() throws Exception {
        assertProblem(call("GET", "admin/tenants", null, null, "application/json"), 401, "unauthenticated");
        HttpResponse<String> wrongKey = call("GET", "admin/tenants", "not-the-key", null, "application/json");
        assertProblem(wrongKey, 401, "unauthenticated");
        String requestId = wrongKey.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(wrongKey.body().contains("\"requestId\":\"" + requestId + "\""), wrongKey.body());
        assertProblem(call("POST", "admin/onboarding/apply", "not-the-key", "{\"files\":[]}", "application/json"), 401, "unauthenticated");
    }

    @Test
    @RunAsClient
    void one_tenants_branch_cannot_be_reached_through_another_tenant() throws Exception {
        assertEquals(200, operator("GET", "admin/tenants/riverbend/branches/HQ", null).statusCode());
        assertProblem(operator("GET", "admin/tenants/lakeview-law/branches/HQ", null), 404, "not-found");
        String hq = operator("GET", "admin/tenants/riverbend/branches/HQ", null).body();
        assertProblem(operator("PUT", "admin/tenants/lakeview-law/branches/HQ", hq), 404, "not-found");
        assertProblem(operator("GET", "admin/tenants/no-such-library/branches", null), 404, "not-found");
    }

    @Test
    @RunAsClient
    void bad_input_is_refused_with_a_problem_and_nothing_is_stored() throws Exception {
        String badHours = "{\"code\":\"BAD\",\"name\":\"Bad\",\"servicePoints\":[{\"code\":\"circulation\",\"name\":\"Desk\"}],"
                + "\"openingHours\":{\"monday\":[\"17:00-09:00\"]}}";
        HttpResponse<String> refused = operator("POST", "admin/tenants/riverbend/branches", badHours);
        assertProblem(refused, 400, "invalid-input");
        assertTrue(refused.body().contains("openingHours.monday"), refused.body());
        assertProblem(operator("GET", "admin/tenants/riverbend/branches/BAD", null), 404, "not-found");

        assertProblem(operator("POST", "admin/tenants/riverbend/branches", "{not json"), 400, "invalid-input");
        assertProblem(operator("POST", "admin/tenants/riverbend/branches", "{\"code\":\"X1\",\"colour\":\"red\"}"), 400, "invalid-input");
        assertProblem(operator("POST", "admin/onboarding/plan", "{\"files\":[]}"), 400, "invalid-input");
        assertProblem(operator("POST", "admin/onboarding/plan", "[1,2"), 400, "unreadable-body");
        String hq = operator("GET", "admin/tenants/riverbend/branches/HQ", null).body();
        assertProblem(operator("PUT", "admin/tenants/riverbend/branches/PINE-HOLLOW", hq), 400, "invalid-input");
        assertProblem(operator("POST", "admin/tenants/riverbend/branches", hq.replace("\"code\":\"HQ\"", "\"code\":\"HQ2\"")),
                409, "conflict");
        assertProblem(operator("GET", "admin/nothing-here", null), 404, "not-found");
    }

    @Test
    @RunAsClient
    void a_broken_tenant_file_is_refused_with_file_line_and_field_and_changes_nothing() throws Exception {
        String before = operator("GET", "admin/tenants/lakeview-law", null).body();
        String yaml = Files.readString(Path.of(tenantsDir(), "lakeview-law", "tenant.yaml"))
                .replaceFirst("(?m)^name: .*$", "name: Renamed Law Library")
                .replaceFirst("code: circulation", "code: Circulation");
        int line = lineOf(yaml, "code: Circulation");
        String body = "{\"files\":[{\"path\":\"tenants/lakeview-law/tenant.yaml\",\"content\":" + quote(yaml) + "}]}";
        HttpResponse<String> refused = operator("POST", "admin/onboarding/apply", body);
        assertProblem(refused, 400, "invalid-input");
        assertTrue(refused.body().contains("\"at\":\"tenants/lakeview-law/tenant.yaml:" + line + "\""), refused.body());
        assertTrue(refused.body().contains("servicePoints[0].code"), refused.body());
        assertEquals(before, operator("GET", "admin/tenants/lakeview-law", null).body());
    }

    @Test
    @RunAsClient
    void plan_names_each_change_apply_makes_it_and_a_second_apply_changes_nothing() throws Exception {
        String yaml = Files.readString(Path.of(tenantsDir(), "hollis-college", "tenant.yaml"))
                .replaceFirst("(?m)^name: .*$", "name: Hollis College Library Services");
        String body = "{\"files\":[{\"path\":\"tenants/hollis-college/tenant.yaml\",\"content\":" + quote(yaml) + "}]}";
        HttpResponse<String> plan = call("POST", "admin/onboarding/plan", OPERATOR_KEY, body, "text/plain");
        assertEquals(200, plan.statusCode(), plan.body());
        assertTrue(plan.body().contains("tenant hollis-college: update"), plan.body());
        assertTrue(plan.body().contains("-> \"Hollis College Library Services\""), plan.body());
        assertEquals(200, operator("POST", "admin/onboarding/apply", body).statusCode());
        HttpResponse<String> again = call("POST", "admin/onboarding/apply", OPERATOR_KEY, body, "text/plain");
        assertTrue(again.body().contains("(no change)"), again.body());
        assertTrue(operator("GET", "admin/tenants/hollis-college", null).body().contains("Hollis College Library Services"));
    }

    @Test
    @RunAsClient
    void a_branch_can_be_added_and_replacing_it_with_the_same_document_is_a_no_op() throws Exception {
        String branch = "{\"code\":\"BOOKMOBILE\",\"name\":\"Bookmobile\",\"servicePoints\":[{\"code\":\"van\",\"name\":\"Van desk\"}],"
                + "\"openingHours\":{\"tuesday\":[\"10:00-12:00\",\"13:00-16:00\"]},"
                + "\"closures\":[{\"date\":\"2026-12-25\",\"reason\":\"Christmas Day\"}]}";
        HttpResponse<String> created = operator("POST", "admin/tenants/riverbend/branches", branch);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/branches/BOOKMOBILE"));
        HttpResponse<String> replaced = operator("PUT", "admin/tenants/riverbend/branches/BOOKMOBILE", branch);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(created.body(), replaced.body());
        assertProblem(operator("POST", "admin/tenants/riverbend/branches", branch), 409, "conflict");
    }

    // ---- single sign-on: real tokens from the realms the application provisioned ----

    static String token(String realm, String user) {
        return KeycloakServer.sharedForTests().tokens().accessToken(realm, user, DEMO_PASSWORD);
    }

    HttpResponse<String> staff(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @RunAsClient
    void a_staff_member_sees_themselves_by_tag_name_position_and_branch() throws Exception {
        HttpResponse<String> me = staff(token("riverbend", "rosa"), "me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"tagName\":\"Rosa\""), me.body());
        assertTrue(me.body().contains("\"positionName\":\"Branch manager\""), me.body());
        assertTrue(me.body().contains("\"branchName\":\"Pine Hollow"), me.body());
        assertTrue(me.body().contains("\"slug\":\"riverbend\""), me.body());
        assertEquals("no-store", me.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    @RunAsClient
    void every_demo_library_system_got_its_realm_and_users() throws Exception {
        for (String[] login : new String[][] {{"riverbend", "dee"}, {"lakeview-law", "morgan"}, {"hollis-college", "jody"}}) {
            HttpResponse<String> me = staff(token(login[0], login[1]), "me");
            assertEquals(200, me.statusCode(), login[0] + ": " + me.body());
        }
        assertEveryDemoUserOfEveryRealmSignsInWithTheRolesOfItsTenantFile();
    }

    @Test
    @RunAsClient
    void the_same_username_in_two_realms_is_two_people_in_two_library_systems() throws Exception {
        String riverbendSam = staff(token("riverbend", "sam"), "me").body();
        String lakeviewSam = staff(token("lakeview-law", "sam"), "me").body();
        assertTrue(riverbendSam.contains("\"tagName\":\"Sam\"") && riverbendSam.contains("\"slug\":\"riverbend\""), riverbendSam);
        assertTrue(lakeviewSam.contains("\"tagName\":\"Sam L.\"") && lakeviewSam.contains("\"slug\":\"lakeview-law\""), lakeviewSam);
    }

    @Test
    @RunAsClient
    void a_token_of_one_library_system_opens_nothing_of_another() throws Exception {
        String riverbend = token("riverbend", "sam");
        assertEquals(200, staff(riverbend, "tenants/riverbend/branches").statusCode());
        assertProblem(staff(riverbend, "tenants/lakeview-law/branches"), 404, "not-found");
        assertProblem(staff(riverbend, "tenants/lakeview-law/branches/LAW"), 404, "not-found");
        // Same answer as for a library system that does not exist: nothing is revealed.
        String unknown = staff(riverbend, "tenants/no-such-library/branches").body();
        String other = staff(riverbend, "tenants/lakeview-law/branches").body();
        assertEquals(unknown.replaceAll("\"requestId\":\"[^\"]+\"", "").replace("no-such-library", "X"),
                other.replaceAll("\"requestId\":\"[^\"]+\"", "").replace("lakeview-law", "X"));
    }

    @Test
    @RunAsClient
    void a_staff_token_is_no_operator_key() throws Exception {
        assertProblem(staff(token("lakeview-law", "morgan"), "admin/tenants"), 403, "forbidden");
    }

    @Test
    @RunAsClient
    void tampered_or_foreign_tokens_are_refused() throws Exception {
        String good = token("riverbend", "sam");
        String[] parts = good.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"preferred_username\":\"sam\"", "\"preferred_username\":\"dee\"");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertProblem(staff(tampered, "me"), 401, "unauthenticated");
        assertProblem(staff("garbage", "me"), 401, "unauthenticated");
        // A token of Keycloak's own master realm is from no library system.
        assertProblem(staff(KeycloakServer.sharedForTests().tokens().adminToken(), "me"), 401, "unauthenticated");
        assertEquals(200, staff(good, "me").statusCode());
        assertProblem(call("GET", "me", null, null, "application/json"), 401, "unauthenticated");
    }

    @Test
    @RunAsClient
    void the_web_app_learns_where_to_sign_in() throws Exception {
        HttpResponse<String> signIn = call("GET", "public/tenants/lakeview-law/sign-in", null, null, "application/json");
        assertEquals(200, signIn.statusCode(), signIn.body());
        assertTrue(signIn.body().contains("\"authority\":\"" + KeycloakServer.sharedForTests().url() + "/realms/lakeview-law\""),
                signIn.body());
        assertTrue(signIn.body().contains("\"clientId\":\"servicepoint-web\""), signIn.body());
        // The staff app's language and clock before anyone signs in: the library system's own.
        assertTrue(signIn.body().contains("\"locale\":\"en-US\""), signIn.body());
        assertTrue(signIn.body().contains("\"timeZone\":\"America/New_York\""), signIn.body());
        assertProblem(call("GET", "public/tenants/no-such-library/sign-in", null, null, "application/json"), 404, "not-found");
    }

    @Test
    @RunAsClient
    void in_a_browser_a_staff_member_signs_in_is_locked_out_when_idle_and_signs_out() throws Exception {
        // Real Chromium, the real staff web app, Keycloak's real login page (modules/web/src/test/browser).
        browser("staff-login.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "rosa", "PASSWORD", DEMO_PASSWORD,
                "EXPECT_TAG_NAME", "Rosa", "IDLE_SECONDS", "6", "OTHER_TENANT", "lakeview-law"));
    }

    @Test
    @RunAsClient
    void in_a_browser_the_desk_sees_who_is_in_charge_escalates_in_two_clicks_and_prints_name_tags() throws Exception {
        String director = token("riverbend", "dee");
        String bea = addStaff(director, "Bea", null, "branch-services-coordinator", "permanent", "HQ");
        addStaff(director, "José Ñúñez", null, "library-assistant", "permanent", "HQ");
        assertEquals(201, allDayShift(director, bea, "HQ").statusCode());
        browser("staffing-screens.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "dee", "PASSWORD", DEMO_PASSWORD,
                "EXPECT_IN_CHARGE", "Bea", "EXPECT_ROSTER_NAME", "José Ñúñez", "EXPECT_DECIDES", "Bea"));
    }

    @Test
    @RunAsClient
    void in_a_browser_the_desk_files_and_signs_a_report_by_keyboard_and_headquarters_finds_it_in_its_list() throws Exception {
        // Sam (library assistant, Pine Hollow) files an "Angry patron" report: the call to headquarters, no countersignature.
        browser("incident-screens.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "sam", "PASSWORD", DEMO_PASSWORD,
                "HQ_USERNAME", "dee", "CATEGORY", "Angry patron"));
    }

    @Test
    @RunAsClient
    void in_a_browser_a_person_in_charge_bans_a_card_and_the_desk_is_told_banned_until_the_end_or_not_banned() throws Exception {
        // Rosa (person in charge, Pine Hollow) bans a fresh card there; Sam (desk, Pine Hollow) looks it up and another card.
        browser("ban-screens.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "rosa", "PASSWORD", DEMO_PASSWORD,
                "DESK_USERNAME", "sam"));
    }

    /** Runs one of the web module's browser scripts against this deployment and fails with its output. */
    void browser(String script, java.util.Map<String, String> settings) throws Exception {
        Path dir = Path.of(System.getProperty("servicepoint.browser-test")).toAbsolutePath().normalize().getParent();
        Path log = Files.createTempFile("browser", ".log");
        ProcessBuilder browser = new ProcessBuilder("node", dir.resolve(script).toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        browser.environment().putAll(settings);
        browser.environment().put("BASE_URL", APP_URL);
        browser.environment().put("CHROMIUM", chromium());
        Process run = browser.start();
        boolean finished = run.waitFor(4, java.util.concurrent.TimeUnit.MINUTES);
        if (!finished) {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertTrue(finished, script + " did not finish in 4 minutes:\n" + output);
        assertEquals(0, run.exitValue(), output);
    }

    // ---- incident reports: filing, signing, same-day mail through the outbox, headquarters' view ----

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

    String staffWithEmail(String token, String tagName, String position, String email) throws Exception {
        HttpResponse<String> made = staffSend(token, "POST", "tenants/riverbend/staff", "{\"tagName\":" + json(tagName)
                + ",\"position\":" + json(position) + ",\"branch\":\"HQ\",\"employmentType\":\"permanent\","
                + "\"startsOn\":\"2020-01-01\",\"email\":" + json(email) + "}");
        assertEquals(201, made.statusCode(), made.body());
        return idIn(made.body());
    }

    @Test
    @RunAsClient
    void a_signed_report_is_mailed_once_to_each_recipient_the_roster_names_and_headquarters_sees_it() throws Exception {
        String dee = token("riverbend", "dee");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        staffWithEmail(dee, "Dee " + suffix, "executive-director", "dee." + suffix + "@riverbend.example");
        staffWithEmail(dee, "Bo " + suffix, "business-manager", "bo." + suffix + "@riverbend.example");
        staffWithEmail(dee, "Cy " + suffix, "branch-services-coordinator", "cy." + suffix + "@riverbend.example");
        String sam = token("riverbend", "sam");
        String id = theftDraft(sam, "A laptop went missing: 5 < 6 & 7 > 3");
        HttpResponse<String> read = staff(sam, "tenants/riverbend/incident-reports/" + id);
        // Lone angle brackets are text and kept as typed; the screens show them as text.
        assertTrue(read.body().contains("5 < 6 & 7 > 3"), read.body());
        HttpResponse<String> signed = staffSend(sam, "POST", "tenants/riverbend/incident-reports/" + id + "/submit",
                "{\"version\":" + versionIn(read.body()) + ",\"confirm\":true}");
        assertEquals(200, signed.statusCode(), signed.body());

        java.util.Set<String> mine = java.util.Set.of("bo." + suffix + "@riverbend.example", "cy." + suffix + "@riverbend.example",
                "dee." + suffix + "@riverbend.example");
        long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!TestMail.countsFor(id).keySet().containsAll(mine) && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        Thread.sleep(2500); // a few more passes of the worker: nothing may arrive twice
        java.util.Map<String, Integer> got = TestMail.countsFor(id);
        for (String address : mine) {
            assertEquals(1, got.getOrDefault(address, 0), address + " in " + got);
        }
        // Everyone else the rules name has no address on the roster: those deliveries fail visibly, nothing is guessed.
        HttpResponse<String> trail = staff(dee, "tenants/riverbend/incident-reports/" + id + "/deliveries");
        assertEquals(200, trail.statusCode(), trail.body());
        for (String address : mine) {
            assertTrue(trail.body().contains(address), trail.body());
        }
        assertEquals(got.size(), trail.body().split("\"status\":\"sent\"", -1).length - 1, trail.body());

        HttpResponse<String> list = staff(dee, "tenants/riverbend/incident-reports?branch=PINE-HOLLOW&category=theft");
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains(id) && list.body().contains("\"deadline\""), list.body());
        HttpResponse<String> counts = staff(dee, "tenants/riverbend/incident-reports/counts");
        assertEquals(200, counts.statusCode(), counts.body());
        assertTrue(counts.body().contains("\"PINE-HOLLOW\""), counts.body());
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/tenants/riverbend/incident-reports/export.csv"))
                .header("Authorization", "Bearer " + dee).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.body().contains(id), csv.body());
        HttpResponse<String> bad = staff(dee, "tenants/riverbend/incident-reports?overdue=maybe");
        assertProblem(bad, 400, "invalid-input");
        // The desk does not get the addresses of the trail.
        HttpResponse<String> deskTrail = staff(sam, "tenants/riverbend/incident-reports/" + id + "/deliveries");
        assertEquals(200, deskTrail.statusCode(), deskTrail.body());
        assertFalse(deskTrail.body().contains("@riverbend.example"), deskTrail.body());
        HttpResponse<String> verification = staff(dee, "tenants/riverbend/incident-reports/" + id + "/verification");
        assertTrue(verification.body().contains("\"intact\":true"), verification.body());
        // What each may do next, as the screens are told: a theft needs no countersignature.
        assertTrue(staff(sam, "tenants/riverbend/incident-reports/" + id).body().contains("\"actions\":[\"add-addendum\"]"));
        String rosa = token("riverbend", "rosa");
        assertTrue(staff(rosa, "tenants/riverbend/incident-reports/" + id).body().contains("\"actions\":[\"add-addendum\"]"));
        assertTrue(staff(dee, "tenants/riverbend/incident-reports/" + id).body()
                .contains("\"actions\":[\"add-addendum\",\"acknowledge\",\"retry-deliveries\"]"));
    }

    @Test
    @RunAsClient
    void a_report_undelivered_at_its_deadline_is_overdue_heads_the_list_and_headquarters_is_told() throws Exception {
        String priya = token("hollis-college", "priya");
        // A deadline of 00:00 on the day of the incident has always passed by the time anyone signs; nobody holds the
        // head of public services position, so that delivery fails and the report cannot be delivered in time.
        String form = String.join("\n", "deliveryDeadline: {daysAfterIncident: 0, time: \"00:00\"}",
                "fields: [{key: location, label: Where, type: text, required: true}]",
                "categories:", "  - code: vandalism", "    recipients: [head-of-public-services, library-director]", "");
        HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/tenants/hollis-college/incident-forms"))
                .POST(HttpRequest.BodyPublishers.ofString(form)).header("Content-Type", "application/yaml")
                .header("Authorization", "Bearer " + priya).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(published.statusCode() == 201 || published.statusCode() == 200, published.body());
        HttpResponse<String> director = staffSend(priya, "POST", "tenants/hollis-college/staff", "{\"tagName\":\"Priya\","
                + "\"username\":\"priya\",\"position\":\"library-director\",\"branch\":\"MAIN\",\"employmentType\":\"permanent\","
                + "\"startsOn\":\"2020-01-01\",\"email\":\"priya@hollis.example\"}");
        assertTrue(director.statusCode() == 201 || director.statusCode() == 409, director.body());

        String jody = token("hollis-college", "jody");
        HttpResponse<String> draft = staffSend(jody, "POST", "tenants/hollis-college/incident-reports",
                "{\"category\":\"vandalism\",\"answers\":{\"location\":\"Study carrels\"}}");
        assertEquals(201, draft.statusCode(), draft.body());
        String id = idIn(draft.body());
        HttpResponse<String> signed = staffSend(jody, "POST", "tenants/hollis-college/incident-reports/" + id + "/submit",
                "{\"version\":" + versionIn(draft.body()) + ",\"confirm\":true}");
        assertEquals(200, signed.statusCode(), signed.body());

        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        HttpResponse<String> overdue = staff(priya, "tenants/hollis-college/incident-reports?overdue=true");
        while (!overdue.body().contains(id) && System.nanoTime() < until) {
            Thread.sleep(500);
            overdue = staff(priya, "tenants/hollis-college/incident-reports?overdue=true");
        }
        assertTrue(overdue.body().contains(id), overdue.body());
        HttpResponse<String> all = staff(priya, "tenants/hollis-college/incident-reports");
        assertEquals(id, idIn(all.body()), "an overdue report heads the list: " + all.body());
        assertTrue(staff(priya, "tenants/hollis-college/incident-reports/counts").body().matches("(?s).*\"overdue\":[1-9].*"));
        HttpResponse<String> notices = staff(priya, "tenants/hollis-college/duty/notices");
        assertTrue(notices.body().contains("overdue"), notices.body());
        HttpResponse<String> trail = staff(priya, "tenants/hollis-college/incident-reports/" + id + "/deliveries");
        assertTrue(trail.body().contains("\"status\":\"failed\"") && trail.body().contains("overdue-notice"), trail.body());
        long mailed = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (TestMail.countsFor(id).getOrDefault("priya@hollis.example", 0) < 2 && System.nanoTime() < mailed) {
            Thread.sleep(250);
        }
        // The report itself and the overdue notice, once each.
        assertEquals(2, TestMail.countsFor(id).getOrDefault("priya@hollis.example", 0), TestMail.countsFor(id).toString());

        // Headquarters puts the missing person on the roster and sends the failed mail again: it arrives, once. The desk may not.
        assertEquals(403, staffSend(jody, "POST", "tenants/hollis-college/incident-reports/" + id + "/deliveries/retry", "{}").statusCode());
        HttpResponse<String> head = staffSend(priya, "POST", "tenants/hollis-college/staff", "{\"tagName\":\"Hana\","
                + "\"position\":\"head-of-public-services\",\"branch\":\"MAIN\",\"employmentType\":\"permanent\","
                + "\"startsOn\":\"2020-01-01\",\"email\":\"hana@hollis.example\"}");
        assertEquals(201, head.statusCode(), head.body());
        HttpResponse<String> retried = staffSend(priya, "POST", "tenants/hollis-college/incident-reports/" + id + "/deliveries/retry", "{}");
        assertEquals(200, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("hana@hollis.example"), retried.body());
        long resent = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (TestMail.countsFor(id).getOrDefault("hana@hollis.example", 0) < 1 && System.nanoTime() < resent) {
            Thread.sleep(250);
        }
        Thread.sleep(2500); // a few more passes of the worker: nothing may arrive twice
        assertEquals(1, TestMail.countsFor(id).getOrDefault("hana@hollis.example", 0), TestMail.countsFor(id).toString());
        assertEquals(2, TestMail.countsFor(id).getOrDefault("priya@hollis.example", 0), TestMail.countsFor(id).toString());
        HttpResponse<String> delivered = staff(priya, "tenants/hollis-college/incident-reports/" + id);
        assertTrue(delivered.body().contains("\"distributedAt\":\""), delivered.body());
    }

    @Test
    @RunAsClient
    void bad_incident_input_is_refused_with_a_problem_and_nothing_is_stored() throws Exception {
        String sam = token("riverbend", "sam");
        String before = staff(sam, "tenants/riverbend/incident-reports?limit=500").body();
        String[] bodies = {
                "{\"category\":\"theft\",\"answers\":{\"estimatedValue\":\"a lot\"}}",
                "{\"category\":\"theft\",\"answers\":{\"noSuchField\":\"x\"}}",
                "{\"category\":\"theft\",\"answers\":{\"location\":\"" + "x".repeat(5000) + "\"}}",
                "{\"category\":\"theft\",\"answers\":{\"emergencyServicesCalled\":\"yes\"}}",
                "{\"category\":\"theft\",\"answers\":{\"location\":\"<b>Lobby</b>\"}}",
                "{\"category\":\"theft\",\"answers\":{\"description\":\"<img src=x onerror=alert(1)>\"}}",
                "{\"category\":\"no-such-category\"}",
                "{\"category\":\"theft\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}",
                "{\"category\":\"theft\",\"colour\":\"red\"}",
                "not json"};
        for (String body : bodies) {
            HttpResponse<String> refused = staffSend(sam, "POST", "tenants/riverbend/incident-reports", body);
            assertEquals(400, refused.statusCode(), body + " → " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), refused.body());
        }
        assertEquals(before, staff(sam, "tenants/riverbend/incident-reports?limit=500").body());

        String id = theftDraft(sam, "Missing answers follow");
        HttpResponse<String> blank = staffSend(sam, "PUT", "tenants/riverbend/incident-reports/" + id + "/answers",
                "{\"answers\":{\"location\":\"Lobby\"}}");
        assertEquals(200, blank.statusCode(), blank.body());
        HttpResponse<String> unsigned = staffSend(sam, "POST", "tenants/riverbend/incident-reports/" + id + "/submit",
                "{\"version\":" + versionIn(blank.body()) + ",\"confirm\":true}");
        assertProblem(unsigned, 400, "invalid-input");
        assertTrue(staff(sam, "tenants/riverbend/incident-reports/" + id).body().contains("\"status\":\"draft\""));
        assertEquals(404, staff(sam, "tenants/riverbend/incident-forms/versions/999").statusCode());
    }

    @Test
    @RunAsClient
    void another_library_systems_reports_and_forms_are_invisible_and_unreachable() throws Exception {
        String sam = token("riverbend", "sam");
        String id = theftDraft(sam, "Only Riverbend may see this");
        String lakeview = token("lakeview-law", "sam");
        assertEquals(404, staff(lakeview, "tenants/riverbend/incident-reports/" + id).statusCode());
        assertEquals(404, staff(lakeview, "tenants/riverbend/incident-reports").statusCode());
        assertEquals(404, staff(lakeview, "tenants/riverbend/incident-forms").statusCode());
        assertEquals(404, staff(lakeview, "tenants/lakeview-law/incident-reports/" + id).statusCode());
        assertEquals(404, staff(lakeview, "tenants/lakeview-law/incident-reports/" + id + "/deliveries").statusCode());
        assertEquals(404, staffSend(lakeview, "POST", "tenants/lakeview-law/incident-reports/" + id + "/submit",
                "{\"version\":0,\"confirm\":true}").statusCode());
        assertFalse(staff(lakeview, "tenants/lakeview-law/incident-reports").body().contains(id));
        String rosa = token("riverbend", "rosa");
        // Rosa is in charge at Pine Hollow: she sees it; kit (a volunteer) does not.
        assertEquals(200, staff(rosa, "tenants/riverbend/incident-reports/" + id).statusCode());
        assertEquals(404, staff(token("riverbend", "kit"), "tenants/riverbend/incident-reports/" + id).statusCode());
    }

    // ---- confidentiality: patron references, disclosure requests, retention, the audit chain ----

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

    @Test
    @RunAsClient
    void a_patron_reference_is_found_by_card_and_revealed_only_to_a_person_in_charge() throws Exception {
        String desk = token("riverbend", "sam");
        HttpResponse<String> made = staffSend(desk, "POST", "patron-references",
                "{\"cardNumber\":\"2900 1234 5678\",\"displayName\":\"Pat Example\"}");
        assertEquals(201, made.statusCode(), made.body());
        String id = idIn(made.body());
        HttpResponse<String> again = staffSend(desk, "POST", "patron-references", "{\"cardNumber\":\"2900-1234-5678\"}");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(id, idIn(again.body()));
        HttpResponse<String> found = staffSend(desk, "POST", "patron-references/lookup", "{\"cardNumber\":\"290012345678\"}");
        assertEquals(id, idIn(found.body()));
        assertProblem(staffSend(desk, "POST", "patron-references/lookup", "{\"cardNumber\":\"11112222\"}"), 404, "not-found");
        HttpResponse<String> bad = staffSend(desk, "POST", "patron-references", "{\"cardNumber\":\"12<script>\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertFalse(bad.body().contains("<script>"), bad.body());

        assertEquals(403, staff(desk, "patron-references/" + id).statusCode());
        HttpResponse<String> revealed = staff(token("riverbend", "rosa"), "patron-references/" + id);
        assertEquals(200, revealed.statusCode(), revealed.body());
        assertTrue(revealed.body().contains("5678") && revealed.body().contains("Pat Example"), revealed.body());
        assertFalse(revealed.body().contains("290012345678"), "the full card number came back: " + revealed.body());

        String otherLibrary = token("lakeview-law", "morgan");
        assertProblem(staffSend(otherLibrary, "POST", "patron-references/lookup", "{\"cardNumber\":\"290012345678\"}"), 404, "not-found");
        assertProblem(staff(otherLibrary, "patron-references/" + id), 404, "not-found");
    }

    @Test
    @RunAsClient
    void a_police_request_is_logged_at_the_desk_and_decided_only_by_a_person_in_charge() throws Exception {
        onRoster("Dee", "dee", "executive-director", "HQ");
        String desk = token("riverbend", "sam");
        HttpResponse<String> logged = staffSend(desk, "POST", "disclosure-requests",
                "{\"requesterName\":\"Officer Lee\",\"requesterOrganisation\":\"County police\",\"authority\":\"none-stated\","
                        + "\"requestText\":\"Who borrowed the atlas last week\"}");
        assertEquals(201, logged.statusCode(), logged.body());
        String id = idIn(logged.body());
        assertTrue(logged.body().contains("\"view\":\"summary\""), logged.body());
        assertProblem(staff(token("riverbend", "kit"), "disclosure-requests/" + id), 404, "not-found");
        HttpResponse<String> full = staff(token("riverbend", "dee"), "disclosure-requests/" + id);
        assertTrue(full.body().contains("Who borrowed the atlas"), full.body());
        assertEquals(403, staffSend(desk, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"refuse\",\"reason\":\"no order\"}").statusCode());
        String inCharge = token("riverbend", "dee");
        assertEquals(400, staffSend(inCharge, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"disclose\",\"reason\":\"asked nicely\"}").statusCode());
        HttpResponse<String> decided = staffSend(inCharge, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"refuse\",\"reason\":\"No court order was shown\"}");
        assertEquals(200, decided.statusCode(), decided.body());
        assertProblem(staffSend(inCharge, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"refuse\",\"reason\":\"again\"}"), 409, "conflict");
        assertProblem(staff(token("lakeview-law", "morgan"), "disclosure-requests/" + id), 404, "not-found");
    }

    @Test
    @RunAsClient
    void retention_periods_belong_to_the_tenant_admin_and_the_audit_chain_verifies() throws Exception {
        assertRetentionPeriodsAreTheTenantAdminsToChange();
        assertEquals(403, staff(token("riverbend", "sam"), "retention").statusCode());
        HttpResponse<String> chain = staff(token("riverbend", "dee"), "tenants/riverbend/audit/verification");
        assertEquals(200, chain.statusCode(), chain.body());
        assertTrue(chain.body().contains("\"intact\":true"), chain.body());
        assertProblem(staff(token("riverbend", "dee"), "tenants/lakeview-law/audit/verification"), 404, "not-found");
        HttpResponse<String> asOperator = operator("GET", "admin/audit/tenants/lakeview-law/verification", null);
        assertTrue(asOperator.body().contains("\"intact\":true"), asOperator.body());
    }

    // ---- staffing: roster, shifts, coverage, who is in charge, escalation ----

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

    @Test
    @RunAsClient
    void a_volunteer_escalates_and_the_rules_pick_who_decides_and_tell_the_absent_branch_manager() throws Exception {
        String manager = token("riverbend", "rosa");
        String ann = addStaff(manager, "Ann", null, "assistant-librarian", "permanent");
        String val = addStaff(manager, "Val", "kit", "volunteer", "volunteer");
        // A branch manager receives incident reports: headquarters or a tenant admin puts one on the roster.
        addStaff(token("riverbend", "dee"), "Rosa", "rosa", "branch-manager", "permanent");
        assertEquals(201, allDayShift(manager, ann).statusCode());
        assertEquals(201, allDayShift(manager, val).statusCode());
        assertProblem(allDayShift(manager, ann), 409, "conflict");
        assertEquals(403, allDayShift(token("riverbend", "sam"), ann).statusCode());

        HttpResponse<String> inCharge = staff(token("riverbend", "sam"), "tenants/riverbend/duty/in-charge?branch=PINE-HOLLOW");
        assertEquals(200, inCharge.statusCode(), inCharge.body());
        assertTrue(inCharge.body().contains("\"tagName\":\"Ann\""), inCharge.body() + "\nschedule: "
                + staff(manager, "tenants/riverbend/schedule?branch=PINE-HOLLOW").body() + "\nstaff: " + staff(manager, "tenants/riverbend/staff").body());

        // Two clicks at the desk: "Escalate", then the situation. The branch is the caller's own.
        HttpResponse<String> escalated = staffSend(token("riverbend", "kit"), "POST", "tenants/riverbend/escalations",
                "{\"situation\":\"difficult-situation\",\"note\":\"Shouting at the desk\"}");
        assertEquals(201, escalated.statusCode(), escalated.body());
        assertTrue(escalated.body().contains("\"decidesTagName\":\"Ann\""), escalated.body());
        assertTrue(escalated.body().contains("in your absence"), escalated.body());
        HttpResponse<String> notices = staff(manager, "tenants/riverbend/duty/notices");
        assertTrue(notices.body().contains("in your absence"), notices.body());
        assertTrue(staff(manager, "tenants/riverbend/escalations?branch=PINE-HOLLOW").body().contains("Shouting at the desk"));
        // Desk staff see only what they reported themselves: notes may describe patrons.
        assertFalse(staff(token("riverbend", "sam"), "tenants/riverbend/escalations").body().contains("Shouting at the desk"));
        assertProblem(staff(token("riverbend", "sam"), "tenants/riverbend/escalations/" + idIn(escalated.body())), 404, "not-found");
        assertEquals(200, staff(token("riverbend", "kit"), "tenants/riverbend/escalations/" + idIn(escalated.body())).statusCode());

        HttpResponse<String> coverage = staff(manager, "tenants/riverbend/coverage?branch=PINE-HOLLOW&days=2");
        assertEquals(200, coverage.statusCode(), coverage.body());
        assertCoverageNamesTheUncoveredDeskAndNotTheCoveredOne(manager);
        assertProblem(staff(manager, "tenants/riverbend/coverage?branch=PINE-HOLLOW&days=99"), 400, "invalid-input");
        assertEquals(200, staff(manager, "tenants/riverbend/schedule?branch=PINE-HOLLOW").statusCode());
    }

    @Test
    @RunAsClient
    void the_roster_prints_name_tags_imports_all_or_nothing_and_stays_in_its_library_system() throws Exception {
        String admin = token("riverbend", "dee");
        addStaff(admin, "Zoë Ñúñez", null, "library-assistant", "permanent");
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/tenants/riverbend/staff/name-tags.pdf"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5).startsWith("%PDF"), "not a PDF");

        String before = staff(admin, "tenants/riverbend/staff").body();
        String csv = "tag_name,username,position,branch,employment_type,starts_on,ends_on\r\n"
                + "Ines,,library-assistant,PINE-HOLLOW,permanent,2024-01-01,\r\n"
                + "Bad Row,,no-such-position,PINE-HOLLOW,permanent,2024-01-01,\r\n";
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/tenants/riverbend/staff/import"))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + admin).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("row"), refused.body());
        assertEquals(before, staff(admin, "tenants/riverbend/staff").body());

        String lakeview = token("lakeview-law", "morgan");
        assertProblem(staff(lakeview, "tenants/riverbend/staff"), 404, "not-found");
        assertFalse(staff(lakeview, "tenants/lakeview-law/staff").body().contains("Zoë"));
    }

    // ---- branch scope: a person in charge acts within their own branch; headquarters across all ----

    /** Puts someone with a username on the roster once (as the tenant admin); tests share one deployment. */
    String onRoster(String tagName, String username, String position, String branch) throws Exception {
        String dee = token("riverbend", "dee");
        HttpResponse<String> all = staff(dee, "tenants/riverbend/staff?includeEnded=true");
        var m = java.util.regex.Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"[^}]*\"username\":\"" + username + "\"").matcher(all.body());
        return m.find() ? m.group(1) : addStaff(dee, tagName, username, position, "permanent", branch);
    }

    @Test
    @RunAsClient
    void a_person_in_charge_of_one_branch_reaches_none_of_another_branchs_roster_shifts_absences_or_escalations() throws Exception {
        String dee = token("riverbend", "dee");
        String rosa = token("riverbend", "rosa");
        String moss = token("riverbend", "moss");
        String tag = "Pia " + UUID.randomUUID().toString().substring(0, 6);
        String pia = addStaff(dee, tag, null, "library-assistant", "permanent", "PINE-HOLLOW");
        String cal = addStaff(dee, "Cal " + tag.substring(4), null, "library-assistant", "permanent", "MOSSY-CREEK");

        // Roster: each sees their own branch; the other branch's entries do not exist for them.
        assertTrue(staff(rosa, "tenants/riverbend/staff").body().contains(tag));
        assertFalse(staff(moss, "tenants/riverbend/staff").body().contains(tag));
        assertProblem(staff(moss, "tenants/riverbend/staff?branch=PINE-HOLLOW"), 404, "not-found");
        assertProblem(staff(moss, "tenants/riverbend/staff/" + pia), 404, "not-found");
        assertProblem(staffSend(moss, "POST", "tenants/riverbend/staff/" + pia + "/end", "{\"endsOn\":\"2030-01-01\"}"), 404, "not-found");
        assertEquals(403, staffSend(moss, "POST", "tenants/riverbend/staff", "{\"tagName\":\"Intruder\",\"position\":\"volunteer\","
                + "\"branch\":\"PINE-HOLLOW\",\"employmentType\":\"volunteer\",\"startsOn\":\"2020-01-01\"}").statusCode());
        assertEquals(200, staff(moss, "tenants/riverbend/staff/" + cal).statusCode());

        // Shifts and absences.
        HttpResponse<String> shift = allDayShift(dee, pia);
        assertEquals(201, shift.statusCode(), shift.body());
        String shiftId = idIn(shift.body());
        assertEquals(403, allDayShift(moss, pia).statusCode());
        assertProblem(staff(moss, "tenants/riverbend/shifts/" + shiftId), 404, "not-found");
        assertFalse(staff(moss, "tenants/riverbend/shifts").body().contains(shiftId));
        assertProblem(staff(moss, "tenants/riverbend/shifts?branch=PINE-HOLLOW"), 404, "not-found");
        assertEquals(200, staff(rosa, "tenants/riverbend/shifts/" + shiftId).statusCode());
        assertTrue(staff(dee, "tenants/riverbend/shifts").body().contains(shiftId));
        HttpResponse<String> away = staffSend(dee, "POST", "tenants/riverbend/absences", "{\"staffMemberId\":\"" + pia
                + "\",\"kind\":\"leave\",\"firstDay\":\"2031-03-02\"}");
        assertEquals(201, away.statusCode(), away.body());
        String absence = idIn(away.body());
        assertFalse(staff(moss, "tenants/riverbend/absences").body().contains(absence));
        assertTrue(staff(rosa, "tenants/riverbend/absences").body().contains(absence));
        assertTrue(staff(dee, "tenants/riverbend/absences").body().contains(absence));
        assertEquals(403, staffSend(moss, "POST", "tenants/riverbend/absences", "{\"staffMemberId\":\"" + pia
                + "\",\"kind\":\"sick\",\"firstDay\":\"2031-04-02\"}").statusCode());
        assertProblem(HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/tenants/riverbend/absences/" + absence)).DELETE()
                .header("Authorization", "Bearer " + moss).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()), 404, "not-found");

        // Escalations: the other branch's person in charge neither lists nor reads it, nor raises one there.
        String note = "Shouting near the atlases " + tag;
        HttpResponse<String> escalated = staffSend(token("riverbend", "sam"), "POST", "tenants/riverbend/escalations",
                "{\"situation\":\"complaint\",\"note\":" + json(note) + "}");
        assertEquals(201, escalated.statusCode(), escalated.body());
        String escalation = idIn(escalated.body());
        assertFalse(staff(moss, "tenants/riverbend/escalations").body().contains(note));
        assertProblem(staff(moss, "tenants/riverbend/escalations/" + escalation), 404, "not-found");
        assertEquals(403, staffSend(moss, "POST", "tenants/riverbend/escalations",
                "{\"branch\":\"PINE-HOLLOW\",\"situation\":\"complaint\"}").statusCode());
        assertTrue(staff(rosa, "tenants/riverbend/escalations").body().contains(note));
        assertTrue(staff(dee, "tenants/riverbend/escalations").body().contains(note));
        assertEquals(200, staff(dee, "tenants/riverbend/escalations/" + escalation).statusCode());
    }

    @Test
    @RunAsClient
    void only_headquarters_changes_who_receives_reports_and_the_previous_address_is_told() throws Exception {
        String dee = token("riverbend", "dee");
        String moss = token("riverbend", "moss");
        String mo = onRoster("Mo", "moss", "branch-manager", "MOSSY-CREEK");
        String entry = staff(dee, "tenants/riverbend/staff/" + mo).body();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String form = "{\"tagName\":\"Mo\",\"username\":\"moss\",\"position\":\"branch-manager\",\"branch\":\"MOSSY-CREEK\","
                + "\"employmentType\":\"permanent\",\"startsOn\":\"2020-01-01\",\"version\":" + versionIn(entry) + ",\"email\":";
        HttpResponse<String> set = staffSend(dee, "PUT", "tenants/riverbend/staff/" + mo, form + json("mo." + suffix + "@riverbend.example") + "}");
        assertEquals(200, set.statusCode(), set.body());

        // A person in charge cannot point a receiving position at an outside address, not even their own entry's.
        String outside = form.replace("\"version\":" + versionIn(entry), "\"version\":" + versionIn(set.body()))
                + json("reports@outside.example") + "}";
        assertProblem(staffSend(moss, "PUT", "tenants/riverbend/staff/" + mo, outside), 403, "forbidden");
        assertProblem(staffSend(token("riverbend", "rosa"), "PUT", "tenants/riverbend/staff/" + mo, outside), 404, "not-found");
        assertEquals(403, staffSend(moss, "POST", "tenants/riverbend/staff", "{\"tagName\":\"Second manager\",\"position\":"
                + "\"branch-manager\",\"branch\":\"MOSSY-CREEK\",\"employmentType\":\"permanent\",\"startsOn\":\"2020-01-01\","
                + "\"email\":\"x@outside.example\"}").statusCode());
        assertTrue(staff(dee, "tenants/riverbend/staff/" + mo).body().contains("mo." + suffix + "@riverbend.example"));

        // Headquarters may; the address that stops receiving reports is told.
        HttpResponse<String> changed = staffSend(dee, "PUT", "tenants/riverbend/staff/" + mo, outside.replace("reports@outside.example",
                "mo.new." + suffix + "@riverbend.example"));
        assertEquals(200, changed.statusCode(), changed.body());
        assertTrue(staff(moss, "tenants/riverbend/duty/notices").body().contains("no longer mailed to mo." + suffix + "@riverbend.example"));
    }

    @Test
    @RunAsClient
    void a_police_request_goes_to_the_director_only_and_an_escalation_routed_to_the_director_is_decided_only_by_them()
            throws Exception {
        onRoster("Dee", "dee", "executive-director", "HQ");
        String sam = token("riverbend", "sam");
        String dee = token("riverbend", "dee");
        String rosa = token("riverbend", "rosa");
        String moss = token("riverbend", "moss");
        String asked = "Loans of card 4411 " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> logged = staffSend(sam, "POST", "disclosure-requests", "{\"requesterName\":\"Officer Ruiz\","
                + "\"requesterOrganisation\":\"County police\",\"authority\":\"warrant\",\"requestText\":" + json(asked) + "}");
        assertEquals(201, logged.statusCode(), logged.body());
        String id = idIn(logged.body());
        assertTrue(logged.body().contains("\"routedTo\":\"Dee\""), logged.body());
        // The director is told in the app, without what was asked.
        String notices = staff(dee, "tenants/riverbend/duty/notices").body();
        assertTrue(notices.contains(id) && !notices.contains(asked), notices);
        // Persons in charge it was not routed to: not there at all.
        for (String other : new String[] {rosa, moss}) {
            assertProblem(staff(other, "disclosure-requests/" + id), 404, "not-found");
            assertFalse(staff(other, "disclosure-requests").body().contains(id));
            assertProblem(staffSend(other, "POST", "disclosure-requests/" + id + "/decision",
                    "{\"decision\":\"refuse\",\"reason\":\"not mine\"}"), 404, "not-found");
        }
        assertTrue(staff(dee, "disclosure-requests").body().contains(asked));
        assertProblem(staffSend(sam, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"refuse\",\"reason\":\"mine\"}"), 403, "forbidden");
        assertEquals(200, staffSend(dee, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"refer-to-legal-counsel\",\"reason\":\"Counsel checks the warrant\"}").statusCode());

        // An escalation of the same kind goes to the director: the branch manager in charge cannot close it first.
        HttpResponse<String> escalated = staffSend(sam, "POST", "tenants/riverbend/escalations",
                "{\"situation\":\"patron-data-request\",\"note\":\"Officer at the desk\"}");
        assertEquals(201, escalated.statusCode(), escalated.body());
        assertTrue(escalated.body().contains("\"decidesTagName\":\"Dee\""), escalated.body());
        String escalation = idIn(escalated.body());
        assertProblem(staffSend(rosa, "POST", "tenants/riverbend/escalations/" + escalation + "/outcome",
                "{\"outcome\":\"Told the officer to come back\"}"), 403, "forbidden");
        assertEquals(200, staffSend(dee, "POST", "tenants/riverbend/escalations/" + escalation + "/outcome",
                "{\"outcome\":\"Referred to counsel\"}").statusCode());
    }

    /** Debian's Chromium wherever it is on the PATH. */
    static String chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return "/usr/bin/chromium";
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in text");
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + "\"";
    }

    // ---- free text about patrons, sealed at rest (decision 0009) ----

    @Test
    @RunAsClient
    void sealed_report_text_and_ban_reasons_still_read_verify_and_print_after_the_data_key_is_rotated() throws Exception {
        String marker = "Sealed" + UUID.randomUUID().toString().substring(0, 8);
        String sam = token("riverbend", "sam");
        String dee = token("riverbend", "dee");
        String rosa = token("riverbend", "rosa");
        String report = "tenants/riverbend/incident-reports/";
        String id = theftDraft(sam, "A patron took a laptop " + marker);
        HttpResponse<String> signed = staffSend(sam, "POST", report + id + "/submit",
                "{\"version\":" + versionIn(staff(sam, report + id).body()) + ",\"confirm\":true}");
        assertEquals(200, signed.statusCode(), signed.body());
        HttpResponse<String> added = staffSend(sam, "POST", report + id + "/addenda",
                "{\"text\":\"Before the rotation " + marker + "\",\"version\":" + versionIn(signed.body()) + "}");
        assertEquals(200, added.statusCode(), added.body());
        String card = "5" + String.format("%011d", Math.floorMod(System.nanoTime(), 100_000_000_000L));
        String ends = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago")).plusDays(30) + "T18:30:00";
        HttpResponse<String> ban = staffSend(rosa, "POST", "tenants/riverbend/computer-use-bans", "{\"cardNumber\":\"" + card
                + "\",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Reason " + marker + "\"}");
        assertEquals(201, ban.statusCode(), ban.body());
        String banId = idIn(ban.body());

        HttpResponse<String> rotated = operator("POST", "admin/tenants/riverbend/confidentiality/rotation", "{\"purpose\":\"data\"}");
        assertEquals(200, rotated.statusCode(), rotated.body());

        // Sealed again under the new key version: the screens, the verification and the PDF still have the text.
        HttpResponse<String> read = staff(dee, report + id);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("A patron took a laptop " + marker) && read.body().contains("Before the rotation " + marker),
                read.body());
        assertTrue(staff(dee, report + id + "/verification").body().contains("\"intact\":true"));
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + report + id + ".pdf"))
                .header("Authorization", "Bearer " + dee).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains(marker), text);
        }
        HttpResponse<String> banRead = staff(rosa, "tenants/riverbend/computer-use-bans/" + banId);
        assertTrue(banRead.body().contains("Reason " + marker), banRead.body());
        // New text is sealed with the new key, and the chain over old and new text holds.
        HttpResponse<String> after = staffSend(sam, "POST", report + id + "/addenda",
                "{\"text\":\"After the rotation\",\"version\":" + versionIn(staff(sam, report + id).body()) + "}");
        assertEquals(200, after.statusCode(), after.body());
        assertTrue(staff(dee, report + id + "/verification").body().contains("\"intact\":true"));
        HttpResponse<String> lifted = staffSend(rosa, "POST", "tenants/riverbend/computer-use-bans/" + banId + "/lift",
                "{\"reason\":\"Lifted after the rotation\"}");
        assertEquals(200, lifted.statusCode(), lifted.body());
        assertTrue(lifted.body().contains("Reason " + marker) && lifted.body().contains("Lifted after the rotation"), lifted.body());
    }

    // ---- computer-use bans: imposed by a person in charge, looked up at the desk, lifted ----

    @Test
    @RunAsClient
    void a_computer_use_ban_is_imposed_looked_up_at_the_desk_by_scope_lifted_and_stays_in_its_library_system() throws Exception {
        String bans = "tenants/riverbend/computer-use-bans";
        String rosa = token("riverbend", "rosa"); // person in charge at Pine Hollow
        String sam = token("riverbend", "sam"); // desk, Pine Hollow
        String card = "4" + String.format("%011d", Math.floorMod(System.nanoTime(), 100_000_000_000L));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago"));
        String ends = today.plusDays(30) + "T18:30:00";
        String cardJson = "\"cardNumber\":\"" + card + "\"";

        // Bad input: 400 problem+json, and nothing stored (not even a patron reference for the card).
        String before = staff(rosa, bans + "?limit=500").body();
        String[] bodies = {
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"bell \\u0007\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"2020-01-01T00:00\",\"reason\":\"Old\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + today.plusYears(3) + "T00:00\",\"reason\":\"Long\"}",
                "{" + cardJson + ",\"scope\":\"system\",\"branch\":\"PINE-HOLLOW\",\"endsAt\":\"" + ends + "\",\"reason\":\"Both\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"branch\":\"NO-SUCH\",\"endsAt\":\"" + ends + "\",\"reason\":\"Where\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Late\",\"reviewOn\":\""
                        + today.plusDays(40) + "\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Which\",\"incidentReportId\":\""
                        + UUID.randomUUID() + "\"}",
                "{\"cardNumber\":\"12<script>\",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Card\"}",
                "{\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Whom\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"x\",\"colour\":\"red\"}",
                "not json"};
        for (String body : bodies) {
            HttpResponse<String> refused = staffSend(rosa, "POST", bans, body);
            assertEquals(400, refused.statusCode(), body + " → " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), refused.body());
            assertFalse(refused.body().contains(card) || refused.body().contains("<script>"), refused.body());
        }
        assertProblem(staffSend(rosa, "POST", bans, bodies[0]), 400, "invalid-input");
        assertEquals(before, staff(rosa, bans + "?limit=500").body());
        assertProblem(staffSend(sam, "POST", "patron-references/lookup", "{" + cardJson + "}"), 404, "not-found");

        String lookup = bans + "/lookup";
        assertTrue(staffSend(sam, "POST", lookup, "{" + cardJson + "}").body().contains("\"banned\":false"));

        // Rosa bans the card at her own branch; the desk cannot.
        String marked = "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"<b>Threatened</b> staff\"}";
        HttpResponse<String> markup = staffSend(rosa, "POST", bans, marked);
        assertEquals(400, markup.statusCode(), markup.body());
        assertTrue(markup.body().contains("markup"), markup.body());
        String ban = "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Threatened staff <3 times & shouted\","
                + "\"reviewOn\":\"" + today.plusDays(7) + "\"}";
        assertEquals(403, staffSend(sam, "POST", bans, ban).statusCode());
        HttpResponse<String> imposed = staffSend(rosa, "POST", bans, ban);
        assertEquals(201, imposed.statusCode(), imposed.body());
        String branchBan = idIn(imposed.body());
        assertTrue(imposed.headers().firstValue("Location").orElse("").endsWith("/computer-use-bans/" + branchBan));
        assertTrue(imposed.body().contains("\"branch\":\"PINE-HOLLOW\"") && imposed.body().contains("\"status\":\"active\""), imposed.body());
        // Markup was refused; lone brackets and ampersands are kept as typed. The card number is nowhere.
        assertTrue(imposed.body().contains("Threatened staff <3 times & shouted"), imposed.body());
        assertFalse(imposed.body().contains(card), imposed.body());
        // The same request again at once (a double click): the same ban.
        HttpResponse<String> again = staffSend(rosa, "POST", bans, ban);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(branchBan, idIn(again.body()));

        // The desk: banned at Pine Hollow until the end, as typed or scanned; not at another branch.
        HttpResponse<String> atDesk = staffSend(sam, "POST", lookup, "{\"cardNumber\":\"" + card.substring(0, 4) + " " + card.substring(4)
                + "\"}");
        assertEquals(200, atDesk.statusCode(), atDesk.body());
        assertTrue(atDesk.body().contains("\"banned\":true") && atDesk.body().contains("\"endsAt\":\"" + ends)
                && atDesk.body().contains("\"scope\":\"branch\""), atDesk.body());
        assertFalse(atDesk.body().contains("Threatened"), "the desk is told yes/no and the end only: " + atDesk.body());
        String atMossyCreek = "{" + cardJson + ",\"branch\":\"MOSSY-CREEK\"}";
        assertTrue(staffSend(sam, "POST", lookup, atMossyCreek).body().contains("\"banned\":false"));
        assertEquals(403, staff(sam, bans).statusCode());

        // A system ban, following from an incident report Rosa can see, reaches Mossy Creek too.
        String incident = theftDraft(sam, "Kicked the computer desk");
        String systemEnds = today.plusDays(10) + "T12:00:00";
        HttpResponse<String> everywhere = staffSend(rosa, "POST", bans, "{" + cardJson + ",\"scope\":\"system\",\"endsAt\":\""
                + systemEnds + "\",\"reason\":\"Kicked the desk\",\"incidentReportId\":\"" + incident + "\"}");
        assertEquals(201, everywhere.statusCode(), everywhere.body());
        String systemBan = idIn(everywhere.body());
        assertTrue(everywhere.body().contains("\"incidentReportId\":\"" + incident + "\""), everywhere.body());
        HttpResponse<String> mossy = staffSend(sam, "POST", lookup, atMossyCreek);
        assertTrue(mossy.body().contains("\"banned\":true") && mossy.body().contains("\"scope\":\"system\"")
                && mossy.body().contains("\"endsAt\":\"" + systemEnds), mossy.body());
        String dee = token("riverbend", "dee");
        HttpResponse<String> listed = staff(dee, bans + "?status=active&branch=MOSSY-CREEK");
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains(systemBan) && !listed.body().contains(branchBan), listed.body());
        assertProblem(staff(dee, bans + "?status=sometimes"), 400, "invalid-input");
        assertTrue(staff(rosa, bans + "/" + branchBan).body().contains("\"reviewOn\":\"" + today.plusDays(7) + "\""));

        // Another library system: nothing of it exists there, and its own desk finds the same card not banned.
        String morgan = token("lakeview-law", "morgan");
        assertProblem(staff(morgan, bans + "/" + branchBan), 404, "not-found");
        assertProblem(staff(morgan, "tenants/lakeview-law/computer-use-bans/" + branchBan), 404, "not-found");
        assertProblem(staffSend(morgan, "POST", "tenants/lakeview-law/computer-use-bans/" + branchBan + "/lift",
                "{\"reason\":\"not ours\"}"), 404, "not-found");
        assertFalse(staff(morgan, "tenants/lakeview-law/computer-use-bans").body().contains(branchBan));
        String lakeDesk = token("lakeview-law", "sam");
        assertProblem(staffSend(lakeDesk, "POST", lookup, "{" + cardJson + "}"), 404, "not-found");
        HttpResponse<String> lakeAnswer = staffSend(lakeDesk, "POST", "tenants/lakeview-law/computer-use-bans/lookup", "{" + cardJson + "}");
        assertEquals(200, lakeAnswer.statusCode(), lakeAnswer.body());
        assertTrue(lakeAnswer.body().contains("\"banned\":false") && !lakeAnswer.body().contains("endsAt"), lakeAnswer.body());

        // Lifting ends a ban at once, once.
        assertProblem(staffSend(rosa, "POST", bans + "/" + systemBan + "/lift", "{}"), 400, "invalid-input");
        HttpResponse<String> lifted = staffSend(rosa, "POST", bans + "/" + systemBan + "/lift", "{\"reason\":\"Paid for the damage\"}");
        assertEquals(200, lifted.statusCode(), lifted.body());
        assertTrue(lifted.body().contains("\"status\":\"lifted\""), lifted.body());
        assertProblem(staffSend(rosa, "POST", bans + "/" + systemBan + "/lift", "{\"reason\":\"again\"}"), 409, "conflict");
        assertTrue(staffSend(sam, "POST", lookup, atMossyCreek).body().contains("\"banned\":false"));
        assertTrue(staffSend(sam, "POST", lookup, "{" + cardJson + "}").body().contains("\"banned\":true"));
        assertEquals(200, staffSend(rosa, "POST", bans + "/" + branchBan + "/lift", "{\"reason\":\"Apologised in writing\"}").statusCode());
        assertTrue(staffSend(sam, "POST", lookup, "{" + cardJson + "}").body().contains("\"banned\":false"));

        // A ban may name an existing patron reference instead of the card; an unknown reference is refused.
        var reference = java.util.regex.Pattern.compile("\"patronReferenceId\":\"([0-9a-f-]{36})\"").matcher(imposed.body());
        assertTrue(reference.find(), imposed.body());
        assertProblem(staffSend(rosa, "POST", bans, "{\"patronReferenceId\":\"" + UUID.randomUUID() + "\",\"scope\":\"branch\","
                + "\"endsAt\":\"" + ends + "\",\"reason\":\"Unknown\"}"), 400, "invalid-input");
        HttpResponse<String> byReference = staffSend(rosa, "POST", bans, "{\"patronReferenceId\":\"" + reference.group(1) + "\","
                + "\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Came back and shouted again\"}");
        assertEquals(201, byReference.statusCode(), byReference.body());
        assertTrue(staffSend(sam, "POST", lookup, "{" + cardJson + "}").body().contains("\"banned\":true"));

        // Every step above was audited, and the chain still verifies.
        assertTrue(staff(dee, "tenants/riverbend/audit/verification").body().contains("\"intact\":true"));
    }

    // ---- sign-in outages ----

    @Test
    @RunAsClient
    void a_token_whose_realm_keys_cannot_be_fetched_is_answered_503_and_not_signed_out_with_401() throws Exception {
        String slug = "it-keys-" + UUID.randomUUID().toString().substring(0, 6);
        String yaml = Files.readString(Path.of(tenantsDir(), "lakeview-law", "tenant.yaml"))
                .replaceFirst("(?m)^slug: .*$", "slug: " + slug)
                .replaceFirst("(?m)^name: .*$", "name: Keys Test Library " + slug);
        String body = "{\"files\":[{\"path\":\"tenants/" + slug + "/tenant.yaml\",\"content\":" + quote(yaml) + "}]}";
        HttpResponse<String> applied = operator("POST", "admin/onboarding/apply", body);
        assertEquals(200, applied.statusCode(), applied.body());
        // Keycloak loses the realm before the server ever fetched its keys: nothing to verify a token with.
        KeycloakServer keycloak = KeycloakServer.sharedForTests();
        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms/" + slug))
                .header("Authorization", "Bearer " + keycloak.tokens().adminToken()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode(), deleted.body());
        com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("gone").generate();
        java.util.Date now = new java.util.Date();
        com.nimbusds.jwt.SignedJWT token = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID("gone")
                        .type(com.nimbusds.jose.JOSEObjectType.JWT).build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(keycloak.url() + "/realms/" + slug)
                        .audience("servicepoint-api").issueTime(now).expirationTime(new java.util.Date(now.getTime() + 300_000))
                        .claim("typ", "Bearer").claim("azp", "servicepoint-web").claim("preferred_username", "sam").build());
        token.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        // The server re-reads its list of active library systems every 15 s; until then the issuer is unknown (401).
        HttpResponse<String> me = staff(token.serialize(), "me");
        for (int tries = 0; me.statusCode() == 401 && tries < 30; tries++) {
            Thread.sleep(1_000);
            me = staff(token.serialize(), "me");
        }
        assertProblem(me, 503, "sign-in-unavailable");
        assertTrue(me.headers().firstValue("Retry-After").isPresent(), me.headers().map().toString());
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

    /** Every demo user of every tenant file signs in to its own realm and is who the file says, with those roles. */
    void assertEveryDemoUserOfEveryRealmSignsInWithTheRolesOfItsTenantFile() throws Exception {
        var specs = TenantDocuments.readAll(TenantDocuments.folder(Path.of(tenantsDir())));
        int users = 0;
        for (var spec : specs) {
            HttpResponse<String> signIn = call("GET", "public/tenants/" + spec.slug() + "/sign-in", null, null, "application/json");
            assertTrue(signIn.body().contains("/realms/" + spec.slug() + "\""), signIn.body());
            for (var user : spec.demoUsers()) {
                HttpResponse<String> me = staff(token(spec.slug(), user.username()), "me");
                String who = spec.slug() + "/" + user.username() + ": " + me.body();
                assertEquals(200, me.statusCode(), who);
                assertTrue(me.body().contains("\"username\":" + json(user.username())), who);
                assertTrue(me.body().contains("\"tagName\":" + json(user.tagName())), who);
                assertTrue(me.body().contains("\"position\":" + json(user.position())), who);
                assertTrue(me.body().contains("\"branch\":" + json(user.branch())), who);
                assertTrue(me.body().contains("\"slug\":" + json(spec.slug())), who);
                String roles = user.roles().stream().sorted().map(ServicePointIT::json).collect(java.util.stream.Collectors.joining(","));
                assertTrue(me.body().contains("\"roles\":[" + roles + "]"), who);
                users++;
            }
        }
        assertTrue(users >= 7, "the demo files name at least the seven users of the README, found " + users);
    }

    /** Each record type with its days; the tenant admin's change is read back (and undone), the desk's is refused. */
    void assertRetentionPeriodsAreTheTenantAdminsToChange() throws Exception {
        String dee = token("riverbend", "dee");
        HttpResponse<String> periods = staff(dee, "retention");
        assertEquals(200, periods.statusCode(), periods.body());
        for (String type : List.of("disclosure-request", "patron-reference")) {
            assertTrue(objectWith(periods.body(), "\"recordType\":\"" + type + "\"").matches("(?s).*\"days\":[1-9].*"),
                    type + " missing or without days: " + periods.body());
        }
        var days = java.util.regex.Pattern.compile("\"days\":([0-9]+)").matcher(objectWith(periods.body(), "\"recordType\":\"patron-reference\""));
        assertTrue(days.find(), periods.body());
        int before = Integer.parseInt(days.group(1));
        int changed = before == 1234 ? 1235 : 1234;
        String change = "{\"periods\":[{\"recordType\":\"patron-reference\",\"days\":" + changed + "}]}";
        assertEquals(403, staffSend(token("riverbend", "sam"), "PUT", "retention", change).statusCode());
        assertEquals(periods.body(), staff(dee, "retention").body(), "the desk's attempt changed the periods");
        HttpResponse<String> set = staffSend(dee, "PUT", "retention", change);
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(objectWith(staff(dee, "retention").body(), "\"recordType\":\"patron-reference\"").matches("(?s).*\"days\":" + changed + "[,}].*"),
                set.body());
        assertEquals(200, staffSend(dee, "PUT", "retention",
                "{\"periods\":[{\"recordType\":\"patron-reference\",\"days\":" + before + "}]}").statusCode());
    }

    /** Today Ann covers circulation all day, so no issue names it; an ordinary Tuesday nobody covers the children's desk. */
    void assertCoverageNamesTheUncoveredDeskAndNotTheCoveredOne(String manager) throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago"));
        String todays = staff(manager, "tenants/riverbend/coverage?branch=PINE-HOLLOW&days=1").body();
        assertEquals("", objectWith(todays, "\"servicePoint\":\"circulation\"", "\"date\":\"" + today + "\""), todays);
        java.time.LocalDate tuesday = today.plusDays(1).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.TUESDAY));
        while (tuesday.getMonthValue() == 12 && tuesday.getDayOfMonth() >= 20 || tuesday.getMonthValue() == 1 && tuesday.getDayOfMonth() <= 2) {
            tuesday = tuesday.plusWeeks(1);
        }
        HttpResponse<String> later = staff(manager, "tenants/riverbend/coverage?branch=PINE-HOLLOW&days=1&from=" + tuesday);
        assertEquals(200, later.statusCode(), later.body());
        assertFalse(objectWith(later.body(), "\"branch\":\"PINE-HOLLOW\"", "\"servicePoint\":\"childrens\"", "\"date\":\"" + tuesday + "\"",
                "\"from\":\"10:00\"", "\"to\":\"17:00\"", "\"kind\":\"GAP\"").isEmpty(), later.body());
        assertFalse(later.body().contains("\"branch\":\"HQ\""), later.body());
    }

    // ---- bodies are bounded before they are read (issue 10, item 8) ----

    static final HttpClient HTTP11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> send(String method, String path, String credentialHeader, String credential, String contentType,
                              HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + path)).method(method, body)
                .timeout(java.time.Duration.ofSeconds(60)).header("Content-Type", contentType).header("Accept", "application/json");
        if (credential != null) {
            request.header(credentialHeader, credential);
        }
        return HTTP11.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Declares a body of the given length and sends none of it: only a server that refuses on the declared length
     * alone answers (with 413) instead of waiting for the body. Returns the status line and the rest of the answer.
     */
    static String declaredOnly(String path, String credentialHeader, String credential, String contentType, long length) throws Exception {
        URI uri = URI.create(APP_URL);
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            String head = "POST /api/" + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + credentialHeader + ": " + credential + "\r\nContent-Type: " + contentType + "\r\nAccept: application/json\r\n"
                    + "Content-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = socket.getInputStream().read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                    if (answer.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"status\":413")) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException waitedForTheBody) {
                // The server waited for the body: the answer so far tells.
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static void assertDeclaredTooLarge(String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"), answer);
        assertTrue(answer.contains("urn:servicepoint:problem:body-too-large"), answer);
    }

    /** A body of n bytes that declares no length (chunked): the counting stream alone must stop it. */
    static HttpRequest.BodyPublisher chunked(byte[] start, int n) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(start),
                new java.io.InputStream() {
                    int left = n - start.length;

                    @Override
                    public int read() {
                        return left-- > 0 ? 'a' : -1;
                    }
                }));
    }

    static String padded(String json, int bytes) {
        // A long value inside otherwise valid JSON: only the size is wrong.
        int at = json.lastIndexOf('"');
        return json.substring(0, at) + "a".repeat(Math.max(0, bytes - json.length())) + json.substring(at);
    }

    @Test
    @RunAsClient
    void json_yaml_and_csv_bodies_over_their_limit_are_refused_with_413_declared_or_chunked_and_nothing_is_stored() throws Exception {
        String deeToken = token("riverbend", "dee");
        String dee = "Bearer " + deeToken;
        int kib = 1024;
        String staffBefore = staff(deeToken, "tenants/riverbend/staff").body();
        String staffJson = padded("{\"tagName\":\"Big\",\"position\":\"library-assistant\",\"branch\":\"HQ\","
                + "\"employmentType\":\"permanent\",\"startsOn\":\"2024-01-01\",\"email\":\"big@riverbend.example\"}", 70 * kib);
        // JSON (64 KiB): sent whole with its length, only declared, and chunked a little past the limit.
        assertProblem(send("POST", "tenants/riverbend/staff", "Authorization", dee, "application/json",
                HttpRequest.BodyPublishers.ofString(staffJson)), 413, "body-too-large");
        assertDeclaredTooLarge(declaredOnly("tenants/riverbend/staff", "Authorization", dee, "application/json", 64 * kib + 1));
        assertProblem(send("POST", "tenants/riverbend/staff", "Authorization", dee, "application/json",
                chunked("{\"tagName\":\"".getBytes(), 64 * kib + 16 * kib)), 413, "body-too-large");
        // CSV import (2 MiB).
        String header = "tag_name,username,position,branch,employment_type,starts_on,ends_on\r\n";
        assertDeclaredTooLarge(declaredOnly("tenants/riverbend/staff/import", "Authorization", dee, "text/csv", 2 * kib * kib + 1));
        assertProblem(send("POST", "tenants/riverbend/staff/import", "Authorization", dee, "text/csv",
                chunked(header.getBytes(), 2 * kib * kib + 16 * kib)), 413, "body-too-large");
        assertEquals(staffBefore, staff(deeToken, "tenants/riverbend/staff").body());

        // Form YAML (800,000 bytes): a comment makes it large, the rest would be a valid form.
        String formsBefore = staff(deeToken, "tenants/riverbend/incident-forms").body();
        assertDeclaredTooLarge(declaredOnly("tenants/riverbend/incident-forms", "Authorization", dee, "application/yaml", 800_001));
        assertProblem(send("POST", "tenants/riverbend/incident-forms", "Authorization", dee, "application/yaml",
                chunked("# ".getBytes(), 800_000 + 16 * kib)), 413, "body-too-large");
        assertEquals(formsBefore, staff(deeToken, "tenants/riverbend/incident-forms").body());

        // Tenant YAML through onboarding (8 MiB) and a tenant document (1 MiB), as the operator.
        String tenantsBefore = operator("GET", "admin/tenants", null).body();
        assertDeclaredTooLarge(declaredOnly("admin/onboarding/apply", "X-Operator-Key", OPERATOR_KEY, "application/json", 8L * kib * kib + 1));
        String yaml = Files.readString(Path.of(tenantsDir(), "hollis-college", "tenant.yaml")).replace("slug: hollis-college", "slug: big-lib");
        String open = quote(yaml + "\n#");
        // The file's text left open, so the padding that follows stays inside it: valid JSON but for its size.
        String files = "{\"files\":[{\"path\":\"tenants/big-lib/tenant.yaml\",\"content\":" + open.substring(0, open.length() - 1);
        assertProblem(send("POST", "admin/onboarding/apply", "X-Operator-Key", OPERATOR_KEY, "application/json",
                chunked(files.getBytes(java.nio.charset.StandardCharsets.UTF_8), 8 * kib * kib + 16 * kib)), 413, "body-too-large");
        assertDeclaredTooLarge(declaredOnly("admin/tenants", "X-Operator-Key", OPERATOR_KEY, "application/json", kib * kib + 1));
        String document = operator("GET", "admin/tenants/hollis-college", null).body().replace("\"hollis-college\"", "\"big-lib\"");
        assertProblem(send("POST", "admin/tenants", "X-Operator-Key", OPERATOR_KEY, "application/json",
                chunked(document.substring(0, document.length() - 2).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        kib * kib + 16 * kib)), 413, "body-too-large");
        assertEquals(tenantsBefore, operator("GET", "admin/tenants", null).body());
        // Under the limit the same endpoints still read their bodies: the limits are not zero.
        assertProblem(send("POST", "tenants/riverbend/staff", "Authorization", dee, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"tagName\":\"x\",\"colour\":\"red\"}")), 400, "unreadable-body");
        assertProblem(send("POST", "tenants/riverbend/staff/import", "Authorization", dee, "text/csv",
                HttpRequest.BodyPublishers.ofString(header + "Bad Row,,no-such-position,HQ,permanent,2024-01-01,\r\n")), 400, "invalid-input");
    }

    // ---- headers, metrics and the operator key (issue 10, smaller items) ----

    @Test
    @RunAsClient
    void every_answer_carries_the_security_headers_not_only_the_staff_pages() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                call("GET", "/health/ready", null, null, "application/json"),
                call("GET", "me", null, null, "application/json"),
                call("GET", "admin/tenants", "wrong-key-" + "k".repeat(40), null, "application/json"),
                operator("GET", "admin/tenants", null),
                staff(token("riverbend", "sam"), "me"),
                call("GET", "public/tenants/riverbend/sign-in", null, null, "application/json"),
                call("GET", "no-such-thing", null, null, "application/json"),
                HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/")).build(), HttpResponse.BodyHandlers.ofString()),
                HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/openapi")).build(), HttpResponse.BodyHandlers.ofString()),
                HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/t/riverbend/")).build(), HttpResponse.BodyHandlers.ofString()));
        for (HttpResponse<String> answer : answers) {
            var headers = answer.headers();
            String where = answer.request().uri() + " (" + answer.statusCode() + ")";
            assertTrue(headers.firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="), where);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), where);
            assertTrue(headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), where);
            assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElse(""), where);
        }
    }

    @Test
    @RunAsClient
    void metrics_need_the_operator_key() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(anonymous, 401, "unauthenticated");
        assertProblem(HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/metrics/base"))
                .header("Authorization", "Bearer " + token("riverbend", "dee")).build(), HttpResponse.BodyHandlers.ofString()), 401, "unauthenticated");
        HttpResponse<String> operator = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/metrics"))
                .header("X-Operator-Key", OPERATOR_KEY).header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, operator.statusCode(), operator.body());
        assertTrue(operator.body().contains("jvm") || operator.body().contains("base_"), operator.body());
    }

    @Test
    @RunAsClient
    void repeated_wrong_operator_keys_make_that_address_wait_even_with_the_right_key_then_the_right_key_works() throws Exception {
        String wrong = "wrong-" + "w".repeat(40);
        HttpResponse<String> answer = null;
        for (int i = 0; i < 12; i++) {
            answer = call("GET", "admin/tenants", wrong, null, "application/json");
            if (answer.statusCode() == 429) {
                break;
            }
            assertProblem(answer, 401, "unauthenticated");
        }
        assertProblem(answer, 429, "too-many-attempts");
        long wait = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(wait >= 1 && wait <= 16, "Retry-After " + wait);
        // While the address waits, even the right key is not looked at.
        assertProblem(operator("GET", "admin/tenants", null), 429, "too-many-attempts");
        Thread.sleep(wait * 1000 + 300);
        assertEquals(200, operator("GET", "admin/tenants", null).statusCode());
        // The right key cleared the address: one more wrong key is an ordinary 401 again.
        assertProblem(call("GET", "admin/tenants", wrong, null, "application/json"), 401, "unauthenticated");
        assertEquals(200, operator("GET", "admin/tenants", null).statusCode());
    }

    @Test
    @RunAsClient
    void an_operator_key_shorter_than_32_characters_opens_nothing() throws Exception {
        assertProblem(call("GET", "admin/tenants", OPERATOR_KEY.substring(0, 31), null, "application/json"), 401, "unauthenticated");
        assertEquals(200, operator("GET", "admin/tenants", null).statusCode());
    }

    // ---- the robustness suite (issue 10): a thousand hostile requests per endpoint family, 4xx only, nothing stored ----

    @Test
    @RunAsClient
    void hostile_roster_input_is_refused_with_4xx_problems_and_stores_nothing() throws Exception {
        RobustnessFamilies.hostile_roster_input_is_refused_with_4xx_problems_and_stores_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_shift_and_absence_input_is_refused_with_4xx_problems_and_stores_nothing() throws Exception {
        RobustnessFamilies.hostile_shift_and_absence_input_is_refused_with_4xx_problems_and_stores_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_escalations_are_refused_with_4xx_problems_and_store_nothing() throws Exception {
        RobustnessFamilies.hostile_escalations_are_refused_with_4xx_problems_and_store_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_disclosure_requests_and_patron_references_are_refused_with_4xx_problems_and_store_nothing() throws Exception {
        RobustnessFamilies.hostile_disclosure_requests_and_patron_references_are_refused_with_4xx_problems_and_store_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_incident_reports_drafts_and_answers_are_refused_with_4xx_problems_and_store_nothing() throws Exception {
        RobustnessFamilies.hostile_incident_reports_drafts_and_answers_are_refused_with_4xx_problems_and_store_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_bans_are_refused_with_4xx_problems_and_store_nothing() throws Exception {
        RobustnessFamilies.hostile_bans_are_refused_with_4xx_problems_and_store_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_tenant_onboarding_is_refused_with_4xx_problems_and_stores_nothing() throws Exception {
        RobustnessFamilies.hostile_tenant_onboarding_is_refused_with_4xx_problems_and_stores_nothing(this);
    }

    // ---- the API describes itself (issue 11) ----

    @Test
    @RunAsClient
    void every_resource_method_in_the_war_is_an_operation_of_the_served_openapi_document() throws Exception {
        java.util.Set<String> inWar = new java.util.TreeSet<>();
        try (var war = new java.util.zip.ZipFile(System.getProperty("servicepoint.war"))) {
            for (var entry : java.util.Collections.list(war.entries())) {
                String name = entry.getName();
                if (name.startsWith("WEB-INF/classes/org/servicepoint/") && name.endsWith(".class")) {
                    addResourceMethods(name.substring("WEB-INF/classes/".length()), inWar);
                } else if (name.startsWith("WEB-INF/lib/servicepoint-") && name.endsWith(".jar")) {
                    try (var jar = new java.util.jar.JarInputStream(war.getInputStream(entry))) {
                        for (var e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
                            if (e.getName().startsWith("org/servicepoint/") && e.getName().endsWith(".class")) {
                                addResourceMethods(e.getName(), inWar);
                            }
                        }
                    }
                }
            }
        }
        // Guards against a scan that finds nothing and so cannot fail.
        assertTrue(inWar.size() > 50, "resource methods found in the WAR: " + inWar);

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/openapi?format=json"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        jakarta.json.JsonObject paths;
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(answer.body()))) {
            paths = reader.readObject().getJsonObject("paths");
        }
        java.util.Set<String> documented = new java.util.TreeSet<>();
        if (paths != null) {
            paths.forEach((path, item) -> item.asJsonObject().keySet().forEach(verb ->
                    documented.add(verb.toUpperCase(java.util.Locale.ROOT) + " " + normalisedPath(path))));
        }
        java.util.Set<String> missing = new java.util.TreeSet<>(inWar);
        missing.removeAll(documented);
        assertTrue(missing.isEmpty(), missing.size() + " of " + inWar.size()
                + " resource methods are not in /openapi (" + answer.body().length() + " characters, "
                + (paths == null ? 0 : paths.size()) + " paths): " + String.join(", ", missing));
    }

    /** Adds "VERB /api/path" for each HTTP method of a JAX-RS resource class, read by reflection without initialising it. */
    static void addResourceMethods(String classFile, java.util.Set<String> into) throws ClassNotFoundException {
        Class<?> type = Class.forName(classFile.replace('/', '.').substring(0, classFile.length() - ".class".length()),
                false, ServicePointIT.class.getClassLoader());
        jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
        if (classPath == null) {
            return;
        }
        String application = ServicePointApplication.class.getAnnotation(jakarta.ws.rs.ApplicationPath.class).value();
        for (var method : type.getMethods()) {
            for (var annotation : method.getAnnotations()) {
                jakarta.ws.rs.HttpMethod verb = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
                if (verb != null) {
                    jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                    into.add(verb.value() + " " + normalisedPath("/" + application + "/" + classPath.value()
                            + "/" + (methodPath == null ? "" : methodPath.value())));
                }
            }
        }
    }

    /** One slash between segments, none at the end, and every path parameter as "{}" (names and regex differ). */
    static String normalisedPath(String path) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : path.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    out.append("{}");
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0 && !(c == '/' && out.length() > 0 && out.charAt(out.length() - 1) == '/')) {
                out.append(c);
            }
        }
        String result = out.charAt(0) == '/' ? out.toString() : "/" + out;
        return result.length() > 1 && result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }

    // --- webi18n ---
    @Test
    @RunAsClient
    void in_a_browser_a_library_system_whose_locale_is_es_us_speaks_spanish_to_its_staff() throws Exception {
        // A library system of its own (Hollis College's file under another slug), so no other test sees its language.
        String yaml = Files.readString(Path.of(tenantsDir(), "hollis-college", "tenant.yaml"))
                .replaceFirst("(?m)^slug: .*$", "slug: biblioteca-esperanza")
                .replaceFirst("(?m)^name: .*$", "name: Biblioteca Esperanza")
                .replaceFirst("(?m)^locale: .*$", "locale: es-US");
        String body = "{\"files\":[{\"path\":\"tenants/biblioteca-esperanza/tenant.yaml\",\"content\":" + quote(yaml) + "}]}";
        HttpResponse<String> applied = operator("POST", "admin/onboarding/apply", body);
        assertEquals(200, applied.statusCode(), applied.body());
        HttpResponse<String> signIn = call("GET", "public/tenants/biblioteca-esperanza/sign-in", null, null, "application/json");
        assertTrue(signIn.body().contains("\"locale\":\"es-US\""), signIn.body());
        browser("staff-spanish.mjs", java.util.Map.of("TENANT", "biblioteca-esperanza", "USERNAME", "jody", "PASSWORD", DEMO_PASSWORD));
    }
}
