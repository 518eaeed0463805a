package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The running application as a whole: readiness, bounded bodies, security headers, metrics, the
 * operator key, and the served OpenAPI document.
 */
@Order(7)
class ServicePointIT extends ServicePointDeployment {

    @Test
    @RunAsClient
    void ready_means_the_database_answers() throws Exception {
        HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(new URI(base.getProtocol(), null, base.getHost(),
                base.getPort(), "/health/ready", null, null)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\""), ready.body());
        assertTrue(ready.body().contains("\"rowLevelSecurity\":\"enforced\""), ready.body());
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

    // ---- the API describes itself (issue 11) ----

    @Test
    @RunAsClient
    void every_resource_method_in_the_war_is_an_operation_of_the_served_openapi_document_with_its_query_parameters()
            throws Exception {
        java.util.Map<String, java.util.Set<String>> inWar = new java.util.TreeMap<>();
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
        java.util.Map<String, java.util.Set<String>> documented = new java.util.TreeMap<>();
        if (paths != null) {
            paths.forEach((path, item) -> item.asJsonObject().forEach((verb, operation) -> {
                java.util.Set<String> query = new java.util.TreeSet<>();
                if (operation.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT
                        && operation.asJsonObject().containsKey("parameters")) {
                    operation.asJsonObject().getJsonArray("parameters").forEach(p -> {
                        if ("query".equals(p.asJsonObject().getString("in", ""))) {
                            query.add(p.asJsonObject().getString("name"));
                        }
                    });
                }
                documented.put(verb.toUpperCase(java.util.Locale.ROOT) + " " + normalisedPath(path), query);
            }));
        }
        java.util.Set<String> missing = new java.util.TreeSet<>(inWar.keySet());
        missing.removeAll(documented.keySet());
        assertTrue(missing.isEmpty(), missing.size() + " of " + inWar.size()
                + " resource methods are not in /openapi (" + answer.body().length() + " characters, "
                + (paths == null ? 0 : paths.size()) + " paths): " + String.join(", ", missing));
        // A filter the server reads but the document leaves out is one a client can't know of.
        java.util.List<String> undocumentedQueries = new java.util.ArrayList<>();
        inWar.forEach((operation, query) -> {
            java.util.Set<String> absent = new java.util.TreeSet<>(query);
            absent.removeAll(documented.get(operation));
            if (!absent.isEmpty()) {
                undocumentedQueries.add(operation + " " + absent);
            }
        });
        assertTrue(undocumentedQueries.isEmpty(), "query parameters not in /openapi: " + undocumentedQueries);
        assertTrue(inWar.values().stream().mapToInt(java.util.Set::size).sum() > 10,
                "query parameters found in the WAR: " + inWar);
    }

    /**
     * Adds "VERB /api/path" with the names of its query parameters for each HTTP method of a JAX-RS resource class, read by
     * reflection without initialising it.
     */
    static void addResourceMethods(String classFile, java.util.Map<String, java.util.Set<String>> into)
            throws ClassNotFoundException {
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
                    java.util.Set<String> query = new java.util.TreeSet<>();
                    for (var parameter : method.getParameters()) {
                        jakarta.ws.rs.QueryParam name = parameter.getAnnotation(jakarta.ws.rs.QueryParam.class);
                        if (name != null) {
                            query.add(name.value());
                        }
                    }
                    into.put(verb.value() + " " + normalisedPath("/" + application + "/" + classPath.value()
                            + "/" + (methodPath == null ? "" : methodPath.value())), query);
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

    /** A request as a staff member whose browser asks for {@code language}. */
    HttpResponse<String> staffIn(String language, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @RunAsClient
    void a_staff_member_who_chose_spanish_reads_problems_in_spanish_and_a_browsers_list_keeps_the_tenants_english()
            throws Exception {
        String missing = "tenants/riverbend/incident-reports/" + java.util.UUID.randomUUID();
        String dee = token("riverbend", "dee");
        HttpResponse<String> chosen = staffIn("es-US", dee, missing);
        assertEquals(404, chosen.statusCode(), chosen.body());
        assertTrue(chosen.body().contains("\"title\":\"No encontrado\""), chosen.body());
        assertTrue(chosen.body().contains("urn:servicepoint:problem:not-found"), chosen.body());
        // A browser's own list is no choice: riverbend's locale (en-US), read from the registry, decides.
        HttpResponse<String> browser = staffIn("es-US,es;q=0.9", dee, missing);
        assertEquals(404, browser.statusCode(), browser.body());
        assertTrue(browser.body().contains("\"title\":\"Not found\""), browser.body());
    }

    @Test
    @RunAsClient
    void every_operation_of_the_api_description_states_its_roles_bodies_and_problem_answers() throws Exception {
        ApiDescriptionChecks.every_operation_says_its_roles_its_bodies_and_its_problem_answers(HTTP, APP_URL);
    }

    @Test
    @RunAsClient
    void the_api_explorer_is_served_at_api_docs_under_a_strict_csp() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("style-src 'self'")
                && !policy.contains("unsafe-"), policy);
        assertTrue(page.body().contains("src=\"/app/assets/"), page.body());
        HttpResponse<String> withSlash = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api-docs/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withSlash.statusCode(), "/api-docs/ " + withSlash.statusCode());
        assertEquals(page.body(), withSlash.body());
    }
}
