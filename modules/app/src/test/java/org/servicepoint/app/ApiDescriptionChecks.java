package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.servicepoint.platform.boundary.Problem;
import org.servicepoint.platform.boundary.RoleChecks;

/**
 * What the served API description must say of each resource method: the roles the server enforces, a success
 * answer with its schema, the request body's schema, and its problem+json answers. Run by ServicePointIT
 * against the running server; each finding names the operation.
 */
final class ApiDescriptionChecks {

    private ApiDescriptionChecks() {
    }

    static JsonObject servedDocument(HttpClient http, String appUrl) throws Exception {
        // HTTP/1.1 and minutes to wait: the server builds the description on its first request, slowly on a busy machine.
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(appUrl + "/openapi?format=json"))
                .version(HttpClient.Version.HTTP_1_1).timeout(java.time.Duration.ofMinutes(3))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        // Kept for reading when a check fails.
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), answer.body());
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        }
    }

    static void every_operation_says_its_roles_its_bodies_and_its_problem_answers(HttpClient http, String appUrl)
            throws Exception {
        JsonObject document = servedDocument(http, appUrl);
        String application = ServicePointApplication.class.getAnnotation(jakarta.ws.rs.ApplicationPath.class).value();
        Map<String, Method> methods = ResourceMethods.in(ApiDescriptionChecks.class.getClassLoader(), application);
        // Guards against a scan that finds nothing and so cannot fail.
        assertTrue(methods.size() > 50, "resource methods found: " + methods.keySet());

        // Resources leave error bodies to the filter, which must describe a Problem down to its errors.
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertTrue(String.valueOf(schemas.get("Problem")).contains("#/components/schemas/Violation")
                && String.valueOf(schemas.get("Violation")).contains("\"field\""),
                "Problem and Violation schemas: " + schemas.get("Problem") + " " + schemas.get("Violation"));

        JsonObject paths = document.getJsonObject("paths");
        List<String> findings = new ArrayList<>();
        int checked = 0;
        for (var path : paths.entrySet()) {
            for (var verbAndOperation : path.getValue().asJsonObject().entrySet()) {
                String key = ResourceMethods.key(verbAndOperation.getKey(), path.getKey());
                Method method = methods.get(key);
                if (method == null) {
                    findings.add(key + ": no resource method serves it");
                    continue;
                }
                checked++;
                check(key, method, verbAndOperation.getValue().asJsonObject(), findings);
            }
        }
        assertTrue(checked == methods.size(), "operations checked: " + checked + " of " + methods.size());
        assertTrue(findings.isEmpty(), findings.size() + " findings in /openapi:\n" + String.join("\n", findings));
    }

    private static void check(String key, Method method, JsonObject operation, List<String> findings) {
        List<String> roles = RoleChecks.rolesFor(method, method.getDeclaringClass());
        var security = operation.getJsonArray("security");
        var documentedRoles = operation.getJsonArray(ApiDescriptionFilter.ROLES_EXTENSION);
        Set<String> stated = new TreeSet<>();
        if (documentedRoles != null) {
            documentedRoles.getValuesAs(JsonString.class).forEach(r -> stated.add(r.getString()));
        }
        if (roles == null) {
            if (security != null && !security.isEmpty()) {
                findings.add(key + ": public, yet it states a security requirement " + security);
            }
            if (!stated.isEmpty()) {
                findings.add(key + ": public, yet x-roles is " + documentedRoles);
            }
        } else {
            if (security == null || security.stream().noneMatch(s -> s.asJsonObject().containsKey("bearer"))) {
                findings.add(key + ": needs a role, yet no bearer security requirement: " + security);
            }
            if (documentedRoles == null || !stated.equals(new TreeSet<>(roles))) {
                findings.add(key + ": enforces roles " + new TreeSet<>(roles) + " but x-roles is " + documentedRoles);
            }
        }

        JsonObject responses = operation.getJsonObject("responses");
        if (responses == null) {
            findings.add(key + ": no responses");
            return;
        }
        boolean anySuccess = false;
        for (var response : responses.entrySet()) {
            String status = response.getKey();
            JsonObject content = response.getValue().asJsonObject().getJsonObject("content");
            if (status.startsWith("2")) {
                anySuccess = true;
                boolean bodyless = status.equals("204") || void.class.equals(method.getReturnType());
                if (!bodyless && !hasSchemas(content)) {
                    findings.add(key + ": success " + status + " has no body schema");
                }
            } else if (status.startsWith("4") || status.startsWith("5")) {
                if (content == null || !content.containsKey(Problem.MEDIA_TYPE)
                        || !content.getJsonObject(Problem.MEDIA_TYPE).toString().contains("#/components/schemas/Problem")) {
                    findings.add(key + ": " + status + " is not a problem+json Problem");
                }
            }
        }
        if (!anySuccess) {
            findings.add(key + ": no 2xx answer (only " + responses.keySet() + ")");
        }
        if (!Response.class.equals(method.getReturnType()) && !void.class.equals(method.getReturnType())
                && !responses.containsKey("200") && !responses.containsKey("201")) {
            findings.add(key + ": returns " + method.getReturnType().getSimpleName() + " but documents no 200/201");
        }

        boolean takesBody = Arrays.stream(method.getParameters()).anyMatch(p -> Arrays.stream(p.getAnnotations())
                .noneMatch(a -> a.annotationType().getPackageName().equals("jakarta.ws.rs")));
        JsonObject requestBody = operation.getJsonObject("requestBody");
        if (takesBody && (requestBody == null || !hasSchemas(requestBody.getJsonObject("content")))) {
            findings.add(key + ": takes a body but documents no request schema");
        }
        boolean takesQuery = Arrays.stream(method.getParameters()).anyMatch(p ->
                p.isAnnotationPresent(jakarta.ws.rs.QueryParam.class) || p.isAnnotationPresent(jakarta.ws.rs.HeaderParam.class));
        List<String> problems = new ArrayList<>(List.of("503"));
        if (roles != null) {
            problems.addAll(List.of("401", "403"));
        }
        if (key.contains("{")) {
            problems.add("404");
        }
        if (takesBody || takesQuery) {
            problems.add("400");
        }
        if (takesBody) {
            problems.add("413");
        }
        for (String status : problems) {
            if (!responses.containsKey(status)) {
                findings.add(key + ": no " + status + " problem answer");
            }
        }
    }

    /** Content with at least one media type, each with a schema. */
    private static boolean hasSchemas(JsonObject content) {
        return content != null && !content.isEmpty() && content.values().stream()
                .allMatch(media -> media.getValueType() == JsonValue.ValueType.OBJECT
                        && media.asJsonObject().containsKey("schema")
                        && !media.asJsonObject().getJsonObject("schema").isEmpty());
    }
}
