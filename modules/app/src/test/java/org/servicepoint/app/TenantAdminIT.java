package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.control.Policies;
import org.servicepoint.tenancy.control.Onboarding;
import org.servicepoint.tenancy.control.StartupOnboarding;
import org.servicepoint.tenancy.control.TenantConfigurations;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantFileRecords;

/**
 * The tenant administrator's configuration API and the rule that files and screens agree (decision 0014): a tenant
 * administrator plans and applies a branch, nobody else reaches it, a bad field changes nothing, the export plans as
 * unchanged, and an edit made in the app survives a start-up apply of an unchanged file. Runs late: it adds a branch.
 */
@Order(11)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantAdminIT extends ServicePointDeployment {

    static final String CONFIGURATION = "tenants/riverbend/configuration";
    static final String NEW_BRANCH = "{\"code\":\"TA-RIVERSIDE\",\"name\":\"Riverside Reading Room\",\"address\":\"2 Mill Lane\","
            + "\"servicePoints\":[{\"code\":\"circulation\",\"name\":\"Circulation Desk\"}],"
            + "\"openingHours\":{\"tuesday\":[\"10:00-16:00\"],\"thursday\":[\"10:00-16:00\"]},"
            + "\"closures\":[{\"date\":\"2027-01-01\",\"reason\":\"New Year's Day\"},"
            + "{\"date\":\"2027-01-05\",\"reason\":\"Staff training\",\"hours\":[\"13:00-16:00\"]}]}";

    /** The demo tenant administrators as their tokens make them (in the container, where no token is needed). */
    static final Caller DEE = admin("riverbend", "dee", "executive-director", "HQ");
    static final Caller MORGAN = admin("lakeview-law", "morgan", "director", "LAW");

    @Inject
    TenantConfigurations configurations;

    @Inject
    StartupOnboarding startup;

    @Inject
    Onboarding onboarding;

    @Inject
    TenantFileRecords records;

    @Inject
    Policies policies;

    @Inject
    AuditLog auditLog;

    static Caller admin(String slug, String username, String position, String branch) {
        return Caller.staff(username, TenantId.of(slug), Set.of(Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS,
                Roles.TENANT_ADMIN, Roles.POSITION_PREFIX + position), Map.of("branch", branch, "position", position));
    }

    static JsonObject object(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The configuration as read with one more branch, sent on the revision read. */
    static String withBranch(JsonObject read, String branch, String revision) {
        JsonObject configuration = Json.createObjectBuilder(read).remove("revision")
                .add("branches", Json.createArrayBuilder(read.getJsonArray("branches")).add(object(branch))).build();
        return "{\"revision\":" + json(revision) + ",\"configuration\":" + configuration + "}";
    }

    static String change(JsonObject read) {
        return "{\"revision\":" + json(read.getString("revision")) + ",\"configuration\":"
                + Json.createObjectBuilder(read).remove("revision").build() + "}";
    }

    static HttpResponse<String> export(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + CONFIGURATION + "/tenant.yaml"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/yaml").build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject changeOf(String plan, String key) {
        return object(plan).getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("key").equals(key)).findFirst().orElseThrow(() -> new AssertionError(key + " in " + plan));
    }

    static long creatingOrUpdating(String plan) {
        return object(plan).getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .filter(c -> Set.of("CREATE", "UPDATE").contains(c.getString("action"))).count();
    }

    @Test
    @Order(1)
    @RunAsClient
    void a_tenant_admin_plans_and_applies_a_branch_with_hours_and_a_closure_and_the_same_again_changes_nothing() throws Exception {
        String dee = token("riverbend", "dee");
        HttpResponse<String> read = staff(dee, CONFIGURATION);
        assertEquals(200, read.statusCode(), read.body());
        JsonObject before = object(read.body());
        assertFalse(before.containsKey("demoUsers") || before.containsKey("status"), read.body());
        assertTrue(before.getString("revision").length() >= 16, read.body());

        String body = withBranch(before, NEW_BRANCH, before.getString("revision"));
        HttpResponse<String> plan = staffSend(dee, "POST", CONFIGURATION + "/plan", body);
        assertEquals(200, plan.statusCode(), plan.body());
        assertEquals("CREATE", changeOf(plan.body(), "riverbend/TA-RIVERSIDE").getString("action"), plan.body());
        assertTrue(plan.body().contains("\"applied\":false") && plan.body().contains("openingHours.tuesday")
                && plan.body().contains("closures.2027-01-01.reason") && plan.body().contains("closures.2027-01-05.hours"), plan.body());
        assertEquals(1, creatingOrUpdating(plan.body()), plan.body());
        assertEquals(404, staff(dee, "tenants/riverbend/branches/TA-RIVERSIDE").statusCode(), "a plan writes nothing");

        HttpResponse<String> applied = staffSend(dee, "POST", CONFIGURATION + "/apply", body);
        assertEquals(200, applied.statusCode(), applied.body());
        assertTrue(applied.body().contains("\"applied\":true"), applied.body());
        HttpResponse<String> branch = staff(dee, "tenants/riverbend/branches/TA-RIVERSIDE");
        assertEquals(200, branch.statusCode(), branch.body());
        assertTrue(branch.body().contains("\"tuesday\":[\"10:00-16:00\"]") && branch.body().contains("New Year's Day")
                && branch.body().contains("\"hours\":[\"13:00-16:00\"]"), branch.body());

        JsonObject after = object(staff(dee, CONFIGURATION).body());
        assertNotEquals(before.getString("revision"), after.getString("revision"));
        HttpResponse<String> again = staffSend(dee, "POST", CONFIGURATION + "/apply", change(after));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(0, creatingOrUpdating(again.body()), again.body());
        assertEquals("UNCHANGED", changeOf(again.body(), "riverbend/TA-RIVERSIDE").getString("action"), again.body());
        assertEquals(after.getString("revision"), object(staff(dee, CONFIGURATION).body()).getString("revision"),
                "applying the same configuration changes nothing, not even the revision");

        // Made on the revision read before the branch was added: someone changed it since.
        HttpResponse<String> stale = staffSend(dee, "POST", CONFIGURATION + "/apply",
                withBranch(before, NEW_BRANCH.replace("TA-RIVERSIDE", "TA-STALE"), before.getString("revision")));
        assertProblem(stale, 409, "conflict");
        assertEquals(404, staff(dee, "tenants/riverbend/branches/TA-STALE").statusCode(), "a stale apply writes nothing");
    }

    @Test
    @Order(2)
    void the_apply_was_audited_per_change_as_the_tenant_admin() {
        assertTrue(auditLog.recent(TenantId.of("riverbend"), 200).stream().anyMatch(e -> e.action().equals("branch.create")
                && e.actor().equals("staff:dee") && e.target().endsWith("/branch/TA-RIVERSIDE")), "no branch.create line by dee");
    }

    @Test
    @Order(3)
    @RunAsClient
    void only_the_library_systems_own_tenant_administrators_reach_its_configuration() throws Exception {
        String rosa = token("riverbend", "rosa");
        String sam = token("riverbend", "sam");
        String morgan = token("lakeview-law", "morgan");
        String dee = token("riverbend", "dee");
        String body = change(object(staff(dee, CONFIGURATION).body()));
        for (String notAdmin : List.of(rosa, sam)) {
            assertProblem(staff(notAdmin, CONFIGURATION), 403, "forbidden");
            assertProblem(staffSend(notAdmin, "POST", CONFIGURATION + "/plan", body), 403, "forbidden");
            assertProblem(staffSend(notAdmin, "POST", CONFIGURATION + "/apply", body), 403, "forbidden");
            assertEquals(403, export(notAdmin).statusCode());
        }
        // Another library system's administrator: riverbend's configuration does not exist for them.
        assertProblem(staff(morgan, CONFIGURATION), 404, "not-found");
        assertProblem(staffSend(morgan, "POST", CONFIGURATION + "/apply", body), 404, "not-found");
        assertEquals(404, export(morgan).statusCode());
        HttpResponse<String> own = staff(morgan, "tenants/lakeview-law/configuration");
        assertEquals(200, own.statusCode(), own.body());
        assertFalse(own.body().contains("riverbend") || own.body().contains("TA-RIVERSIDE"), own.body());
        // The operator key is not a tenant administrator, and no token is no one.
        assertTrue(Set.of(401, 403).contains(operator("GET", CONFIGURATION, null).statusCode()));
        assertEquals(401, call("GET", CONFIGURATION, null, null, "application/json").statusCode());
    }

    @Test
    @Order(4)
    void headquarters_without_the_tenant_admin_role_is_refused_by_the_control_as_well() {
        Caller headquarters = Caller.staff("hq-only", TenantId.of("riverbend"),
                Set.of(Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS), Map.of("branch", "HQ"));
        Refusal read = assertThrows(Refusal.class, () -> configurations.read(TenantId.of("riverbend"), headquarters));
        assertEquals(403, read.status());
        String body = configurations.read(TenantId.of("riverbend"), DEE);
        Refusal apply = assertThrows(Refusal.class, () -> configurations.apply(TenantId.of("riverbend"), headquarters,
                change(object(body))));
        assertEquals(403, apply.status());
        Caller otherAdmin = MORGAN;
        assertEquals(403, assertThrows(Refusal.class, () -> configurations.read(TenantId.of("riverbend"), otherAdmin)).status());
    }

    @Test
    @Order(5)
    @RunAsClient
    void a_bad_field_is_refused_naming_it_and_nothing_is_written() throws Exception {
        String dee = token("riverbend", "dee");
        JsonObject read = object(staff(dee, CONFIGURATION).body());
        int index = read.getJsonArray("branches").size();
        String badHours = NEW_BRANCH.replace("TA-RIVERSIDE", "TA-BAD").replace("\"tuesday\":[\"10:00-16:00\"]",
                "\"tuesday\":[\"10:00-25:00\"]");
        HttpResponse<String> refused = staffSend(dee, "POST", CONFIGURATION + "/apply", withBranch(read, badHours,
                read.getString("revision")));
        assertProblem(refused, 422, "invalid-configuration");
        assertTrue(refused.body().contains("branches[" + index + "].openingHours.tuesday"), refused.body());

        JsonObject suspended = Json.createObjectBuilder(read).remove("revision").add("status", "suspended").build();
        HttpResponse<String> status = staffSend(dee, "POST", CONFIGURATION + "/plan",
                "{\"revision\":" + json(read.getString("revision")) + ",\"configuration\":" + suspended + "}");
        assertProblem(status, 422, "invalid-configuration");
        assertTrue(status.body().contains("\"field\":\"status\""), status.body());
        HttpResponse<String> otherSlug = staffSend(dee, "POST", CONFIGURATION + "/apply", "{\"revision\":"
                + json(read.getString("revision")) + ",\"configuration\":" + Json.createObjectBuilder(read).remove("revision")
                .add("slug", "lakeview-law").build() + "}");
        assertProblem(otherSlug, 422, "invalid-configuration");
        assertTrue(otherSlug.body().contains("\"field\":\"slug\""), otherSlug.body());
        assertProblem(staffSend(dee, "POST", CONFIGURATION + "/apply", "{\"configuration\":{}}"), 422, "invalid-configuration");

        assertEquals(404, staff(dee, "tenants/riverbend/branches/TA-BAD").statusCode());
        assertEquals(read.getString("revision"), object(staff(dee, CONFIGURATION).body()).getString("revision"));
        // Bounded input: a body over the limit is refused on its declared length alone.
        String tooLarge = ServicePointIT.declaredOnly(CONFIGURATION + "/plan", "Authorization", "Bearer " + dee,
                "application/json", 2L * 1024 * 1024);
        assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
    }

    @Test
    @Order(6)
    @RunAsClient
    void the_export_is_a_tenant_yaml_the_operators_plan_shows_as_unchanged_and_a_file_over_the_edit_shows_the_drift()
            throws Exception {
        String dee = token("riverbend", "dee");
        HttpResponse<String> export = export(dee);
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("text/yaml"));
        assertTrue(export.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        assertTrue(export.body().contains("slug: \"riverbend\"") && export.body().contains("TA-RIVERSIDE")
                && !export.body().contains("demoUsers"), export.body());

        HttpResponse<String> plan = call("POST", "admin/onboarding/plan", OPERATOR_KEY, "{\"files\":[{\"path\":"
                + "\"tenants/riverbend/tenant.yaml\",\"content\":" + quote(export.body()) + "}]}", "application/json");
        assertEquals(200, plan.statusCode(), plan.body());
        assertEquals(0, creatingOrUpdating(plan.body()), plan.body());
        assertFalse(plan.body().contains("NOT_IN_FILE"), "the export holds every branch: " + plan.body());

        // The repository's file changes a branch's phone: the plan says it would replace dee's edit in the app.
        String file = Files.readString(Path.of(tenantsDir(), "riverbend", "tenant.yaml"))
                .replace("phone: \"+1 601-555-0100\"", "phone: \"+1 601-555-0199\"");
        HttpResponse<String> drift = call("POST", "admin/onboarding/plan", OPERATOR_KEY, "{\"files\":[{\"path\":"
                + "\"tenants/riverbend/tenant.yaml\",\"content\":" + quote(file) + "}]}", "application/json");
        assertEquals(200, drift.statusCode(), drift.body());
        JsonObject hq = changeOf(drift.body(), "riverbend/HQ");
        assertEquals("UPDATE", hq.getString("action"), drift.body());
        assertTrue(hq.getString("drift", "").startsWith("edited in the app by dee on "), drift.body());
        assertEquals("NOT_IN_FILE", changeOf(drift.body(), "riverbend/TA-RIVERSIDE").getString("action"), drift.body());
        assertFalse(changeOf(drift.body(), "riverbend/PINE-HOLLOW").containsKey("drift"), "only changes tell drift: "
                + drift.body());
        // The operator's console tells the same, as a yes or no.
        HttpResponse<String> usage = call("GET", "admin/tenant-usage/riverbend", OPERATOR_KEY, null, "application/json");
        assertTrue(usage.body().contains("\"configurationDrift\":true"), usage.body());
    }

    @Test
    @Order(7)
    void a_policy_edited_in_the_app_survives_a_start_up_apply_of_an_unchanged_policies_yaml() throws Exception {
        TenantId riverbend = TenantId.of("riverbend");
        Caller dee = DEE;
        Path repository = Path.of(tenantsDir(), "riverbend");
        Path folder = Files.createTempDirectory("restart-tenants").resolve("riverbend");
        Files.createDirectories(folder);
        Files.copy(repository.resolve("policies.yaml"), folder.resolve("policies.yaml"));
        // Tests before this one may have applied other policies: the operator applies the repository's file first.
        onboarding.applyFiles(List.of(new TenantDocuments.Source("tenants/riverbend/policies.yaml",
                Files.readString(folder.resolve("policies.yaml")))), Caller.operator("it-operator"));
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode computerUse = (ObjectNode) yaml.readTree(folder.resolve("policies.yaml").toFile()).get("policies").get(1);
        assertEquals("computer-use", computerUse.get("key").asText());
        String edit = "Up to two extra hours a day while nobody waits (edited in the app).";
        policies.put(riverbend, dee, "computer-use", computerUse.put("exceptionLimits", edit).toString());
        assertTrue(records.state(riverbend, "policies.yaml").orElseThrow().editedInApp());

        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(StartupOnboarding.class.getName());
        log.addHandler(capture);
        try {
            // Restart-like: the same files as last applied are skipped, so the edit stays.
            startup.apply(folder.getParent());
            assertTrue(limits(riverbend, dee).contains("(edited in the app)"), limits(riverbend, dee));
            assertTrue(logged.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()), messages(logged));

            // A changed policies.yaml would replace the edit: riverbend is left as it is, and the warning names file and editor.
            Files.writeString(folder.resolve("policies.yaml"), Files.readString(folder.resolve("policies.yaml"))
                    + "\n# reviewed by the board\n");
            startup.apply(folder.getParent());
            assertTrue(limits(riverbend, dee).contains("(edited in the app)"), limits(riverbend, dee));
            assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.WARNING && r.getMessage() != null
                    && r.getMessage().contains("riverbend/policies.yaml") && r.getMessage().contains("by dee")), messages(logged));
        } finally {
            log.removeHandler(capture);
        }

        // The operator's plan shows the drift; the operator's explicit apply replaces the edit and clears the marker.
        var files = List.of(new TenantDocuments.Source("tenants/riverbend/policies.yaml",
                Files.readString(folder.resolve("policies.yaml"))));
        var plan = onboarding.planFiles(files);
        assertTrue(plan.changes().stream().anyMatch(c -> c.key().equals("riverbend/computer-use") && c.drift() != null
                && c.drift().contains("edited in the app by dee")), plan.render());
        onboarding.applyFiles(files, Caller.operator("it-operator"));
        assertFalse(limits(riverbend, dee).contains("(edited in the app)"), limits(riverbend, dee));
        assertFalse(records.state(riverbend, "policies.yaml").orElseThrow().editedInApp());
        assertFalse(onboarding.planFiles(files).changesAnything());
    }

    String limits(TenantId tenant, Caller caller) {
        return String.valueOf(JsonbBuilder.create().toJson(policies.read(tenant, caller, "computer-use")));
    }

    static String messages(List<LogRecord> records) {
        return records.stream().map(r -> r.getLevel() + " " + r.getMessage()).reduce("", (a, b) -> a + "\n" + b);
    }
}
