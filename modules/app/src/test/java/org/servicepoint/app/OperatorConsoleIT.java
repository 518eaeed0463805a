package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicepoint.identity.control.RealmProvisioning;

/**
 * The platform operator's side (issue 14, section 3): every operator endpoint and the console's page answer
 * counts, never a library system's patron data or free text; onboarding from files provisions the realm; suspend
 * refuses a library system's staff (403 tenant-suspended) and its public pages until resume; the two kinds of
 * token never open each other's API.
 */
@Order(8)
class OperatorConsoleIT extends ServicePointDeployment {

    static final String OPERATORS = "servicepoint-operators";

    @Test
    @RunAsClient
    void every_operator_endpoint_and_the_console_answer_without_patron_data_or_free_text() throws Exception {
        // Secrets with a marker nobody else writes: a patron's card and words in a ban, answers in an incident report.
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String rosa = token("riverbend", "rosa");
        String sam = token("riverbend", "sam");
        String card = "4" + String.format("%011d", Math.floorMod(System.nanoTime(), 100_000_000_000L));
        String ends = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago")).plusDays(30) + "T18:30:00";
        HttpResponse<String> ban = staffSend(rosa, "POST", "tenants/riverbend/computer-use-bans", "{\"cardNumber\":\"" + card
                + "\",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Reason " + marker + "-ban\"}");
        assertEquals(201, ban.statusCode(), ban.body());
        theftDraft(sam, "Description " + marker + "-report");
        List<String> secrets = List.of(marker, card, "Marta Quill", "Dale Ferrick", "A laptop from the study room");

        String slug = onboardedTenant();
        String operator = token(OPERATORS, RealmProvisioning.DEMO_OPERATOR);
        JsonObject openapi = Json.createReader(new StringReader(get("/openapi?format=json").body())).readObject();
        // Every operation under /api/admin/, each answered with a body: none may hold a secret.
        List<String> walked = new ArrayList<>();
        for (var path : openapi.getJsonObject("paths").entrySet()) {
            if (!path.getKey().startsWith("/api/admin/")) {
                continue;
            }
            for (String verb : path.getValue().asJsonObject().keySet()) {
                String key = verb.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                for (HttpResponse<String> answer : walk(key, path.getKey(), operator, slug)) {
                    assertTrue(answer.statusCode() < 500, key + " → " + answer.statusCode() + " " + answer.body());
                    for (String secret : secrets) {
                        assertFalse(answer.body().contains(secret), key + " answered a secret (" + secret + "): " + answer.body());
                    }
                }
                walked.add(key);
            }
        }
        assertTrue(walked.contains("GET /api/admin/tenant-usage"), "walked: " + walked);
        assertTrue(walked.contains("POST /api/admin/tenants/{slug}/suspend"), "walked: " + walked);

        // The console's page and every script and stylesheet it loads.
        HttpResponse<String> page = get("/operator/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        Set<String> assets = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?:src|href)=\"(/app/[^\"]+)\"").matcher(page.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertFalse(assets.isEmpty(), page.body());
        for (String text : assets.stream().map(this::body).toList()) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "the console's code holds " + secret);
            }
        }
        // The figures are there: riverbend now has a report this month and a roster.
        String usage = operatorCall(operator, "GET", "admin/tenant-usage/riverbend", null).body();
        assertTrue(usage.matches(".*\"incidentReportsThisMonth\":[1-9].*") && usage.contains("\"realmPresent\":true")
                && usage.matches(".*\"storageBytes\":[1-9].*") && usage.contains("\"lastActivity\":\""), usage);
    }

    @Test
    @RunAsClient
    void a_new_library_system_onboarded_from_files_gets_its_realm_and_its_staff_can_sign_in() throws Exception {
        String slug = onboardedTenant();
        String operator = token(OPERATORS, RealmProvisioning.DEMO_OPERATOR);
        String usage = operatorCall(operator, "GET", "admin/tenant-usage/" + slug, null).body();
        assertTrue(usage.contains("\"realmPresent\":true") && usage.contains("\"status\":\"active\"")
                && usage.contains("\"branches\":2") && usage.contains("\"configurationDrift\":false"), usage);
        assertEquals(200, staff(token(slug, "jody"), "me").statusCode());
    }

    @Test
    @RunAsClient
    void a_suspended_library_system_refuses_its_staff_and_public_pages_until_it_is_resumed() throws Exception {
        String slug = onboardedTenant();
        String operator = token(OPERATORS, RealmProvisioning.DEMO_OPERATOR);
        String jody = token(slug, "jody");
        assertEquals(200, until(() -> staff(jody, "me"), 200).statusCode());
        assertEquals(200, get("/p/" + slug + "/main/comment").statusCode());

        for (int i = 0; i < 2; i++) {
            // Twice: idempotent.
            HttpResponse<String> suspended = operatorCall(operator, "POST", "admin/tenants/" + slug + "/suspend", null);
            assertEquals(200, suspended.statusCode(), suspended.body());
            assertTrue(suspended.body().contains("\"status\":\"suspended\""), suspended.body());
        }
        // Tokens already held are refused within the registry's 15 seconds; new ones at once.
        assertProblem(until(() -> staff(jody, "me"), 403), 403, "tenant-suspended");
        assertProblem(staff(token(slug, "jody"), "tenants/" + slug + "/staff"), 403, "tenant-suspended");
        assertEquals(404, call("GET", "public/tenants/" + slug + "/sign-in", null, null, "application/json").statusCode());
        assertEquals(404, get("/p/" + slug + "/main/comment").statusCode());
        // The realm and its users stay.
        assertTrue(operatorCall(operator, "GET", "admin/tenant-usage/" + slug, null).body().contains("\"realmPresent\":true"));

        HttpResponse<String> resumed = operatorCall(operator, "POST", "admin/tenants/" + slug + "/resume", null);
        assertTrue(resumed.body().contains("\"status\":\"active\""), resumed.body());
        assertEquals(200, until(() -> staff(jody, "me"), 200).statusCode());
        assertEquals(200, call("GET", "public/tenants/" + slug + "/sign-in", null, null, "application/json").statusCode());
        assertEquals(200, get("/p/" + slug + "/main/comment").statusCode());
        String audit = operatorCall(operator, "GET", "admin/audit/tenants/" + slug + "/verification", null).body();
        assertTrue(audit.contains("\"intact\":true"), audit);
    }

    @Test
    @RunAsClient
    void staff_tokens_cannot_call_operator_endpoints_and_operator_tokens_cannot_call_tenant_endpoints() throws Exception {
        String operator = token(OPERATORS, RealmProvisioning.DEMO_OPERATOR);
        String dee = token("riverbend", "dee"); // tenant admin and headquarters: still not an operator
        for (String path : List.of("admin/tenant-usage", "admin/tenants", "admin/tenants/riverbend")) {
            assertProblem(staff(dee, path), 403, "forbidden");
        }
        assertProblem(staffSend(dee, "POST", "admin/tenants/lakeview-law/suspend", ""), 403, "forbidden");
        for (String path : List.of("tenants/riverbend/staff", "tenants/riverbend/incident-reports", "me")) {
            HttpResponse<String> refused = staff(operator, path);
            assertTrue(refused.statusCode() == 403 || refused.statusCode() == 401, path + " → " + refused.statusCode());
            assertFalse(refused.body().contains("Exception"), refused.body());
        }
        assertEquals(200, staff(operator, "admin/tenant-usage").statusCode());
    }

    // ---- helpers ----

    /** The requests that walk one operator operation; a new one must be added here, so it is never left out. */
    private List<HttpResponse<String>> walk(String key, String template, String operator, String slug) throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        List<String> tenants = List.of("riverbend", "lakeview-law", "hollis-college", slug);
        switch (key) {
            case "GET /api/admin/tenants", "GET /api/admin/tenant-usage" ->
                    answers.add(operatorCall(operator, "GET", template.substring(5), null));
            case "GET /api/admin/tenants/{slug}", "GET /api/admin/tenants/{slug}/branches", "GET /api/admin/tenant-usage/{slug}",
                 "GET /api/admin/tenants/{slug}/confidentiality/keys", "GET /api/admin/audit/tenants/{slug}/verification" -> {
                for (String tenant : tenants) {
                    answers.add(operatorCall(operator, "GET", template.substring(5).replace("{slug}", tenant), null));
                }
            }
            case "GET /api/admin/tenants/{slug}/branches/{code}" -> {
                answers.add(operatorCall(operator, "GET", "admin/tenants/riverbend/branches/PINE-HOLLOW", null));
                answers.add(operatorCall(operator, "GET", "admin/tenants/" + slug + "/branches/MAIN", null));
            }
            case "PUT /api/admin/tenants/{slug}/branches/{code}" -> {
                String branch = operatorCall(operator, "GET", "admin/tenants/" + slug + "/branches/SCIENCE", null).body();
                answers.add(operatorCall(operator, "PUT", "admin/tenants/" + slug + "/branches/SCIENCE", branch));
            }
            case "POST /api/admin/tenants/{slug}/branches" -> answers.add(operatorCall(operator, "POST",
                    "admin/tenants/" + slug + "/branches", "{\"code\":\"ANNEX\",\"name\":\"Annex\"}"));
            case "POST /api/admin/tenants" ->
                    answers.add(operatorCall(operator, "POST", "admin/tenants", operatorCall(operator, "GET",
                            "admin/tenants/" + slug, null).body()));
            case "PUT /api/admin/tenants/{slug}" -> answers.add(operatorCall(operator, "PUT", "admin/tenants/" + slug,
                    operatorCall(operator, "GET", "admin/tenants/" + slug, null).body()));
            case "POST /api/admin/onboarding/plan" -> {
                for (String tenant : List.of("riverbend", "lakeview-law")) {
                    answers.add(operatorCall(operator, "POST", "admin/onboarding/plan", filesOf(tenant, tenant)));
                }
            }
            case "POST /api/admin/onboarding/apply" ->
                    answers.add(operatorCall(operator, "POST", "admin/onboarding/apply", filesOf("hollis-college", slug)));
            case "POST /api/admin/tenants/{slug}/suspend", "POST /api/admin/tenants/{slug}/resume" ->
                    answers.add(operatorCall(operator, "POST", template.substring(5).replace("{slug}", slug), null));
            case "POST /api/admin/tenants/{slug}/confidentiality/rotation" -> answers.add(operatorCall(operator, "POST",
                    "admin/tenants/" + slug + "/confidentiality/rotation", "{\"purpose\":\"data\"}"));
            case "POST /api/admin/confidentiality/rewrap" ->
                    answers.add(operatorCall(operator, "POST", "admin/confidentiality/rewrap", null));
            default -> fail("no walk for the operator operation " + key + ": add one to OperatorConsoleIT");
        }
        // Whatever the walk changed, the new library system is active again for the other tests.
        operatorCall(operator, "POST", "admin/tenants/" + slug + "/resume", null);
        return answers;
    }

    private static String onboarded;

    /** A library system of this class only, onboarded once from Hollis College's files under another slug. */
    synchronized String onboardedTenant() throws Exception {
        if (onboarded == null) {
            String slug = "console-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> applied = operator("POST", "admin/onboarding/apply", filesOf("hollis-college", slug));
            assertEquals(200, applied.statusCode(), applied.body());
            onboarded = slug;
        }
        return onboarded;
    }

    /** tenant.yaml and patron-requests.yaml of a demo library system, as the onboarding API takes them, under a slug. */
    static String filesOf(String tenant, String slug) throws Exception {
        StringBuilder files = new StringBuilder("{\"files\":[");
        for (String name : List.of("tenant.yaml", "patron-requests.yaml")) {
            String text = Files.readString(Path.of(tenantsDir(), tenant, name));
            if (name.equals("tenant.yaml")) {
                text = text.replaceFirst("(?m)^slug: .*$", "slug: " + slug);
            }
            files.append(name.equals("tenant.yaml") ? "" : ",").append("{\"path\":\"tenants/").append(slug).append('/')
                    .append(name).append("\",\"content\":").append(quote(text)).append('}');
        }
        return files.append("]}").toString();
    }

    HttpResponse<String> operatorCall(String token, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String body(String path) {
        try {
            HttpResponse<String> answer = get(path);
            assertEquals(200, answer.statusCode(), path);
            return answer.body();
        } catch (Exception e) {
            throw new IllegalStateException(path, e);
        }
    }

    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** Asks again until the status comes (the token check reads the registry of library systems every 15 seconds). */
    static HttpResponse<String> until(Call call, int status) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(25).toNanos();
        HttpResponse<String> answer = call.send();
        while (answer.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = call.send();
        }
        return answer;
    }
}
