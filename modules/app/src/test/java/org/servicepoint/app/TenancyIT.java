package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.entity.AuditEvent;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.Onboarding;
import org.servicepoint.tenancy.control.TenantDocuments;

/**
 * Tenancy in the running application: the walls under JTA (in the container) and the operator's
 * tenant and branch administration over HTTP.
 */
@Order(1)
class TenancyIT extends ServicePointDeployment {

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

    // ---- in the container ----

    @Test
    void the_demo_tenants_were_applied_at_start_and_applying_again_changes_nothing() {
        var specs = TenantDocuments.readAll(TenantDocuments.folder(Path.of(tenantsDir())));
        assertEquals(3, specs.size());
        var plan = onboarding.plan(specs);
        assertFalse(plan.changesAnything(), plan.render());
    }

    @Test
    void the_files_beside_each_tenant_yaml_were_applied_at_start_too_and_planning_the_folder_again_changes_nothing() {
        var files = onboarding.folder(Path.of(tenantsDir()));
        // Hollis College publishes no incident form (it uses the built-in one); the other two do.
        assertEquals(List.of("tenant.yaml", "tenant.yaml", "tenant.yaml", "patron-requests.yaml", "policies.yaml", "standards.yaml",
                "incident-form.yaml", "patron-requests.yaml", "policies.yaml", "standards.yaml",
                "incident-form.yaml", "patron-requests.yaml", "policies.yaml", "standards.yaml"),
                files.stream().map(f -> Path.of(f.path()).getFileName().toString()).toList());
        var plan = onboarding.planFiles(files);
        assertTrue(plan.changes().stream().anyMatch(c -> c.kind().equals("policy")), plan.render());
        assertTrue(plan.changes().stream().anyMatch(c -> c.kind().equals("standards")), plan.render());
        assertTrue(plan.changes().stream().anyMatch(c -> c.kind().equals("patron-requests")), plan.render());
        assertTrue(plan.changes().stream().anyMatch(c -> c.kind().equals("incident-form")), plan.render());
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
    void a_good_tenant_file_is_not_applied_when_the_policies_file_beside_it_is_broken() throws Exception {
        String before = operator("GET", "admin/tenants/lakeview-law", null).body();
        String tenant = Files.readString(Path.of(tenantsDir(), "lakeview-law", "tenant.yaml"))
                .replaceFirst("(?m)^name: .*$", "name: Renamed Law Library");
        String policies = Files.readString(Path.of(tenantsDir(), "lakeview-law", "policies.yaml"))
                .replaceFirst("strictness: flexible", "strictness: bendy");
        int line = lineOf(policies, "strictness: bendy");
        String body = "{\"files\":[{\"path\":\"tenants/lakeview-law/tenant.yaml\",\"content\":" + quote(tenant) + "},"
                + "{\"path\":\"tenants/lakeview-law/policies.yaml\",\"content\":" + quote(policies) + "}]}";
        HttpResponse<String> refused = operator("POST", "admin/onboarding/apply", body);
        assertProblem(refused, 400, "invalid-input");
        assertTrue(refused.body().contains("\"at\":\"tenants/lakeview-law/policies.yaml:" + line + "\""), refused.body());
        assertEquals(before, operator("GET", "admin/tenants/lakeview-law", null).body());
        // A policies file of a library system that exists nowhere is refused, whatever its content.
        String stray = "{\"files\":[{\"path\":\"tenants/nowhere-yet/policies.yaml\",\"content\":" + quote(policies) + "}]}";
        HttpResponse<String> unknownTenant = operator("POST", "admin/onboarding/plan", stray);
        assertProblem(unknownTenant, 400, "invalid-input");
        assertTrue(unknownTenant.body().contains("nowhere-yet does not exist"), unknownTenant.body());
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

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in text");
    }
}
