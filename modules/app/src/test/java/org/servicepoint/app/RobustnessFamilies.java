package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The robustness suite's endpoint families (issue 10): a thousand hostile requests each, against the application
 * that {@link ServicePointDeployment} deployed, with its helpers and tokens. Kept out of the test classes because it names
 * jqwik's types, which a deployed copy of a test class cannot load.
 */
final class RobustnessFamilies {

    private RobustnessFamilies() {
    }

    static RobustnessSuite robustness() {
        return new RobustnessSuite(ServicePointIT.APP_URL, ServicePointIT.databaseUrl);
    }

    static java.util.Map<String, String> bearer(String token) {
        return java.util.Map.of("Authorization", "Bearer " + token);
    }

    static java.util.Map<String, Object> example(Object... pairs) {
        java.util.Map<String, Object> example = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            example.put((String) pairs[i], pairs[i + 1]);
        }
        return example;
    }

    static net.jqwik.api.Tuple.Tuple2<Integer, net.jqwik.api.Arbitrary<HostileInputs.Request>> weight(int weight,
            net.jqwik.api.Arbitrary<HostileInputs.Request> requests) {
        return net.jqwik.api.Tuple.of(weight, requests);
    }

    static net.jqwik.api.Arbitrary<HostileInputs.Request> hostile(String method, String path, String otherTenantPath,
            java.util.Map<String, Object> example, java.util.Set<String> required, java.util.Set<String> strict,
            java.util.Map<String, List<Object>> foreign) {
        return HostileInputs.requests(new HostileInputs.Target(method, path, otherTenantPath, example, required, strict, foreign));
    }

    /** A staff member of Lakeview, whose id no Riverbend form may use. */
    static String lakeviewStaffId(ServicePointDeployment it) throws Exception {
        HttpResponse<String> made = it.staffSend(ServicePointIT.token("lakeview-law", "morgan"), "POST", "tenants/lakeview-law/staff",
                "{\"tagName\":\"Other Library\",\"position\":\"student-assistant\",\"branch\":\"LAW\",\"employmentType\":\"student-assistant\","
                        + "\"startsOn\":\"2024-01-01\"}");
        assertEquals(201, made.statusCode(), made.body());
        return ServicePointIT.idIn(made.body());
    }

    static String lakeviewPatronReferenceId(ServicePointDeployment it) throws Exception {
        HttpResponse<String> made = it.staffSend(ServicePointIT.token("lakeview-law", "morgan"), "POST", "patron-references",
                "{\"cardNumber\":\"7777 " + (1000 + new java.util.Random().nextInt(9000)) + " 4321\"}");
        assertTrue(made.statusCode() == 201 || made.statusCode() == 200, made.body());
        return ServicePointIT.idIn(made.body());
    }

    static void hostile_roster_input_is_refused_with_4xx_problems_and_stores_nothing(ServicePointDeployment it) throws Exception {
        var staffExample = example("tagName", "Robin Robust", "position", "library-assistant", "branch", "PINE-HOLLOW",
                "employmentType", "permanent", "startsOn", "2024-01-01", "email", "robin@riverbend.example");
        robustness().run("staff roster", bearer(ServicePointIT.token("riverbend", "dee")), List.of("staff_member"),
                weight(4, hostile("POST", "tenants/riverbend/staff", "tenants/lakeview-law/staff", staffExample,
                        java.util.Set.of("tagName", "position", "branch", "employmentType", "startsOn"),
                        java.util.Set.of("position", "branch", "employmentType", "startsOn"),
                        java.util.Map.of("branch", List.of("LAW"), "position", List.of("student-assistant")))),
                weight(1, HostileInputs.rosterCsv("tenants/riverbend/staff/import")));
    }

    static void hostile_shift_and_absence_input_is_refused_with_4xx_problems_and_stores_nothing(ServicePointDeployment it) throws Exception {
        String dee = ServicePointIT.token("riverbend", "dee");
        String robin = it.addStaff(dee, "Robin Shifts", null, "library-assistant", "permanent");
        String other = lakeviewStaffId(it);
        String day = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago")).plusDays(3).toString();
        var foreign = java.util.Map.<String, List<Object>>of("staffMemberId", List.of(other, UUID.randomUUID().toString()),
                "branch", List.of("LAW"));
        robustness().run("shifts and absences", bearer(dee), List.of("shift", "absence", "shift_cancellation"),
                weight(1, hostile("POST", "tenants/riverbend/shifts", "tenants/lakeview-law/shifts",
                        example("staffMemberId", robin, "branch", "PINE-HOLLOW", "servicePoint", "circulation", "date", day,
                                "start", "09:00", "end", "12:00"),
                        java.util.Set.of("staffMemberId", "branch", "servicePoint", "start", "end"),
                        java.util.Set.of("staffMemberId", "branch", "servicePoint", "date", "start", "end"), foreign)),
                weight(1, hostile("POST", "tenants/riverbend/absences", "tenants/lakeview-law/absences",
                        example("staffMemberId", robin, "kind", "leave", "firstDay", day, "lastDay", day),
                        java.util.Set.of("staffMemberId", "kind"), java.util.Set.of("staffMemberId", "kind", "firstDay", "lastDay"),
                        java.util.Map.of("staffMemberId", List.of(other)))));
    }

    static void hostile_escalations_are_refused_with_4xx_problems_and_store_nothing(ServicePointDeployment it) throws Exception {
        robustness().run("escalations", bearer(ServicePointIT.token("riverbend", "sam")), List.of("escalation"),
                weight(1, hostile("POST", "tenants/riverbend/escalations", "tenants/lakeview-law/escalations",
                        example("situation", "difficult-situation", "note", "Shouting at the desk"),
                        java.util.Set.of("situation"), java.util.Set.of("situation", "branch"),
                        java.util.Map.of("branch", List.of("LAW")))));
    }

    static void hostile_disclosure_requests_and_patron_references_are_refused_with_4xx_problems_and_store_nothing(ServicePointDeployment it) throws Exception {
        String foreign = lakeviewPatronReferenceId(it);
        robustness().run("disclosure requests", bearer(ServicePointIT.token("riverbend", "sam")), List.of("disclosure_request", "patron_reference"),
                weight(1, hostile("POST", "disclosure-requests", null,
                        example("requesterName", "Officer Lee", "requesterOrganisation", "County police", "authority", "none-stated",
                                "requestText", "Who borrowed the atlas last week"),
                        java.util.Set.of("requesterOrganisation", "authority", "requestText"),
                        java.util.Set.of("authority", "patronReferenceId"),
                        java.util.Map.of("patronReferenceId", List.of(foreign, UUID.randomUUID().toString())))));
        robustness().run("patron references", bearer(ServicePointIT.token("riverbend", "sam")), List.of("patron_reference"),
                weight(3, hostile("POST", "patron-references", null, example("cardNumber", "2900 5555 1234", "displayName", "Pat Robust"),
                        java.util.Set.of("cardNumber"), java.util.Set.of("cardNumber"), java.util.Map.of())),
                weight(1, hostile("POST", "patron-references/lookup", null, example("cardNumber", "2900 5555 1234"),
                        java.util.Set.of("cardNumber"), java.util.Set.of("cardNumber"), java.util.Map.of())));
    }

    static void hostile_incident_reports_drafts_and_answers_are_refused_with_4xx_problems_and_store_nothing(ServicePointDeployment it) throws Exception {
        String sam = ServicePointIT.token("riverbend", "sam");
        String draft = it.theftDraft(sam, "The robustness suite's draft");
        String draftBefore = it.staff(sam, "tenants/riverbend/incident-reports/" + draft).body();
        var answers = example("location", "Lobby", "description", "A bag went missing");
        var badAnswers = net.jqwik.api.Arbitraries.of(
                        example("location", "Lobby", "noSuchField", "x"),
                        example("location", "Lobby", "emergencyServicesCalled", "yes"),
                        example("location", "Lobby", "estimatedValue", "a lot"),
                        example("location", "<b>Lobby</b>"),
                        example("location", List.of("Lobby")),
                        example("location", "x".repeat(25_000)))
                .map(a -> (Object) a);
        var answersInReport = badAnswers.map(a -> HostileInputs.encode(HostileInputs.toJson(example("category", "theft", "answers", a))))
                .map(body -> new HostileInputs.Request("POST", "tenants/riverbend/incident-reports", "application/json", body, "bad answers"));
        var answersInDraft = badAnswers.map(a -> HostileInputs.encode(HostileInputs.toJson(example("answers", a))))
                .map(body -> new HostileInputs.Request("PUT", "tenants/riverbend/incident-reports/" + draft + "/answers", "application/json",
                        body, "bad answers"));
        robustness().run("incident reports", bearer(sam), List.of("incident_report", "incident_addendum", "incident_signature"),
                weight(3, hostile("POST", "tenants/riverbend/incident-reports", "tenants/lakeview-law/incident-reports",
                        example("category", "theft", "answers", answers), java.util.Set.of("category"),
                        java.util.Set.of("category", "branch", "occurredAt"), java.util.Map.of("branch", List.of("LAW")))),
                weight(2, hostile("PUT", "tenants/riverbend/incident-reports/" + draft + "/answers",
                        "tenants/lakeview-law/incident-reports/" + draft + "/answers", example("answers", answers),
                        java.util.Set.of("answers"), java.util.Set.of("answers", "occurredAt"), java.util.Map.of())),
                weight(1, answersInReport), weight(1, answersInDraft));
        assertEquals(draftBefore, it.staff(sam, "tenants/riverbend/incident-reports/" + draft).body(), "a refused change altered the draft");
    }

    static void hostile_bans_are_refused_with_4xx_problems_and_store_nothing(ServicePointDeployment it) throws Exception {
        String foreign = lakeviewPatronReferenceId(it);
        String ends = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago")).plusDays(30) + "T18:30:00";
        robustness().run("computer-use bans", bearer(ServicePointIT.token("riverbend", "dee")), List.of("computer_use_ban", "patron_reference"),
                weight(4, hostile("POST", "tenants/riverbend/computer-use-bans", "tenants/lakeview-law/computer-use-bans",
                        example("cardNumber", "4000 1111 2222", "scope", "branch", "branch", "PINE-HOLLOW", "endsAt", ends,
                                "reason", "Shouted at staff"),
                        java.util.Set.of("scope", "endsAt", "reason"),
                        java.util.Set.of("cardNumber", "scope", "branch", "endsAt", "startsAt", "reviewOn", "incidentReportId"),
                        java.util.Map.of("branch", List.of("LAW"), "incidentReportId", List.of(UUID.randomUUID().toString())))),
                weight(1, hostile("POST", "tenants/riverbend/computer-use-bans", null,
                        example("patronReferenceId", foreign, "scope", "system", "endsAt", ends, "reason", "Another library's patron"),
                        java.util.Set.of("scope", "endsAt", "reason"), java.util.Set.of("patronReferenceId"),
                        java.util.Map.of("patronReferenceId", List.of(foreign)))),
                weight(1, hostile("POST", "tenants/riverbend/computer-use-bans/" + UUID.randomUUID() + "/lift", null,
                        example("reason", "Paid for the damage"), java.util.Set.of("reason"), java.util.Set.of(), java.util.Map.of())));
    }

    static void hostile_tenant_onboarding_is_refused_with_4xx_problems_and_stores_nothing(ServicePointDeployment it) throws Exception {
        String hollisDocument = it.operator("GET", "admin/tenants/hollis-college", null).body();
        java.util.Map<String, Object> document = asMap(hollisDocument);
        document.put("slug", "robust-lib");
        document.put("name", "Robust Library");
        String yaml = Files.readString(Path.of(ServicePointIT.tenantsDir(), "hollis-college", "tenant.yaml")).replace("slug: hollis-college", "slug: robust-files");
        String riverbendBefore = it.operator("GET", "admin/tenants/riverbend", null).body();
        String hq = it.operator("GET", "admin/tenants/riverbend/branches/HQ", null).body();
        robustness().run("tenant onboarding", java.util.Map.of("X-Operator-Key", ServicePointIT.OPERATOR_KEY),
                List.of("tenant", "branch", "service_point", "opening_period", "closure", "position"),
                weight(2, hostile("POST", "admin/tenants", null, document, java.util.Set.of("slug", "name"), java.util.Set.of("slug"),
                        java.util.Map.of("slug", List.of("riverbend", "lakeview-law")))),
                weight(1, hostile("PUT", "admin/tenants/riverbend/branches/HQ", "admin/tenants/lakeview-law/branches/HQ", asMap(hq),
                        java.util.Set.of("code", "name"), java.util.Set.of("code"), java.util.Map.of("code", List.of("LAW", "PINE-HOLLOW")))),
                weight(2, HostileInputs.tenantFiles("admin/onboarding", yaml, "robust-files")));
        assertEquals(riverbendBefore, it.operator("GET", "admin/tenants/riverbend", null).body());
        ServicePointIT.assertProblem(it.operator("GET", "admin/tenants/robust-lib", null), 404, "not-found");
    }

    /** A JSON object as plain maps and lists, for the suite's examples. */
    static java.util.Map<String, Object> asMap(String json) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(json))) {
            @SuppressWarnings("unchecked")
            var map = (java.util.Map<String, Object>) plain(reader.readObject());
            return new java.util.LinkedHashMap<>(map);
        }
    }

    static Object plain(jakarta.json.JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
                yield map;
            }
            case ARRAY -> value.asJsonArray().stream().map(RobustnessFamilies::plain).toList();
            case STRING -> ((jakarta.json.JsonString) value).getString();
            case NUMBER -> ((jakarta.json.JsonNumber) value).isIntegral() ? (Object) ((jakarta.json.JsonNumber) value).longValue()
                    : (Object) ((jakarta.json.JsonNumber) value).doubleValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> HostileInputs.JsonNull.NULL;
        };
    }
}
