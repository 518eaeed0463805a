package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Policies in the running application: the demo policies applied at start-up through the tenant-file SPI, search,
 * editing by a tenant administrator with versions and their difference, acknowledgements and who has not given one.
 */
@Order(6)
class PoliciesIT extends ServicePointDeployment {

    static final String POLICIES = "tenants/riverbend/policies";

    static String policy(String key, String limits, String reason) {
        return "{\"key\":" + json(key) + ",\"category\":\"conduct\",\"strictness\":\"flexible\",\"exceptionLimits\":" + json(limits)
                + ",\"exceptionsBy\":[\"branch-manager\"],\"owner\":\"branch-manager\",\"title\":\"Quiet hours\","
                + "\"text\":\"Keep voices low on the upper floor.\",\"reason\":" + json(reason)
                + ",\"approval\":{\"by\":\"System Board\",\"on\":\"2026-01-10\"},\"effectiveOn\":\"2026-02-01\"}";
    }

    @Test
    @RunAsClient
    void the_demo_policies_are_applied_at_start_up_and_found_by_a_word_of_their_reason() throws Exception {
        String sam = token("riverbend", "sam");
        HttpResponse<String> all = staff(sam, POLICIES);
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(all.body().contains("\"key\":\"overdue-fines\"") && all.body().contains("\"key\":\"patron-records\""), all.body());

        HttpResponse<String> found = staff(sam, POLICIES + "?q=neighbour");
        assertEquals(200, found.statusCode(), found.body());
        assertTrue(found.body().startsWith("[{\"key\":\"overdue-fines\"") || objectWith(found.body(), "\"key\":\"overdue-fines\"")
                .contains("snippet"), found.body());
        assertTrue(found.body().contains("neighbour") && !found.body().contains("<b>"), found.body());

        HttpResponse<String> strict = staff(sam, POLICIES + "/patron-records");
        assertEquals(200, strict.statusCode(), strict.body());
        assertTrue(strict.body().contains("\"strictness\":\"strict\"") && strict.body().contains("\"strictWhy\":\"State law"),
                strict.body());
        HttpResponse<String> flexible = staff(sam, POLICIES + "/overdue-fines");
        assertTrue(flexible.body().contains("{\"code\":\"assistant-librarian\",\"name\":\"Assistant librarian\"}"), flexible.body());
    }

    @Test
    @RunAsClient
    void the_operator_plans_and_applies_policies_yaml_and_a_broken_one_is_refused_with_file_line_and_field() throws Exception {
        String file = "tenants/riverbend/policies.yaml";
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of(tenantsDir(), "riverbend", "policies.yaml"));
        // The demo file was applied at start-up: planning it again changes nothing.
        HttpResponse<String> same = call("POST", "admin/onboarding/plan", OPERATOR_KEY,
                "{\"files\":[{\"path\":\"" + file + "\",\"content\":" + quote(yaml) + "}]}", "text/plain");
        assertEquals(200, same.statusCode(), same.body());
        assertTrue(same.body().contains("policy riverbend/overdue-fines: unchanged") && same.body().contains("(no change)"),
                same.body());

        String broken = yaml.replace("exceptionsBy: [assistant-librarian, branch-manager]", "exceptionsBy: [volunteer]");
        int line = TenancyIT.lineOf(broken, "exceptionsBy: [volunteer]");
        String body = "{\"files\":[{\"path\":\"" + file + "\",\"content\":" + quote(broken) + "}]}";
        HttpResponse<String> refused = operator("POST", "admin/onboarding/apply", body);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(file + ":" + line) && refused.body().contains("policies[1].exceptionsBy[0]"),
                refused.body());
        String sam = token("riverbend", "sam");
        assertTrue(staff(sam, POLICIES + "/computer-use").body().contains("\"code\":\"assistant-librarian\""));
    }

    @Test
    @RunAsClient
    void bad_input_is_refused_as_a_problem_and_nothing_is_stored() throws Exception {
        String sam = token("riverbend", "sam");
        String dee = token("riverbend", "dee");
        assertProblem(staff(sam, POLICIES + "?category=parking"), 400, "invalid-input");
        assertProblem(staff(sam, POLICIES + "?q=" + "x".repeat(201)), 400, "invalid-input");
        assertProblem(staff(sam, POLICIES + "/overdue-fines/difference?from=1&to=zero"), 400, "invalid-input");
        assertProblem(staff(sam, POLICIES + "/Not_A_Key"), 400, "invalid-input");
        assertProblem(staff(sam, POLICIES + "/overdue-fines/versions/99"), 404, "not-found");

        String before = staff(dee, POLICIES).body();
        String[] bodies = {
                policy("it-broken", "Once.", "Why.").replace("\"strictness\":\"flexible\"", "\"strictness\":\"strict\""),
                policy("it-broken", "Once.", "Why.").replace("[\"branch-manager\"]", "[\"volunteer\"]"),
                policy("it-broken", "Once.", "<script>alert(1)</script>"),
                policy("it-broken", "Once.", "Why.").replace("2026-02-01", "2026-02-30"),
                policy("it-other-key", "Once.", "Why."),
                policy("it-broken", "Once.", "Why.").replace("\"title\"", "\"colour\":\"red\",\"title\""),
                "not json"};
        for (String body : bodies) {
            HttpResponse<String> refused = staffSend(dee, "PUT", POLICIES + "/it-broken", body);
            assertEquals(400, refused.statusCode(), body + " → " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), refused.body());
        }
        assertEquals(before, staff(dee, POLICIES).body());
        assertProblem(staff(dee, POLICIES + "/it-broken"), 404, "not-found");
        // Staff other than tenant administrators do not edit policies.
        assertEquals(403, staffSend(sam, "PUT", POLICIES + "/it-broken", policy("it-broken", "Once.", "Why.")).statusCode());
    }

    @Test
    @RunAsClient
    void a_new_version_asks_for_the_acknowledgement_again_and_its_difference_is_word_by_word() throws Exception {
        String dee = token("riverbend", "dee");
        String rosa = token("riverbend", "rosa");
        String rosaOnRoster = onRoster("Rosa", "rosa", "branch-manager", "PINE-HOLLOW");
        String key = "it-quiet-hours";

        HttpResponse<String> planned = staffSend(dee, "POST", POLICIES + "/" + key + "/plan", policy(key, "Once a day.", "People study here."));
        assertEquals(200, planned.statusCode(), planned.body());
        assertTrue(planned.body().contains("\"action\":\"CREATE\""), planned.body());
        assertProblem(staff(rosa, POLICIES + "/" + key), 404, "not-found");

        HttpResponse<String> put = staffSend(dee, "PUT", POLICIES + "/" + key, policy(key, "Once a day.", "People study here."));
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(put.body().contains("\"current\":{\"version\":1"), put.body());

        HttpResponse<String> given = staffSend(rosa, "POST", POLICIES + "/" + key + "/acknowledgement", "");
        assertEquals(200, given.statusCode(), given.body());
        assertTrue(given.body().contains("\"version\":1"), given.body());
        assertEquals(given.body(), staffSend(rosa, "POST", POLICIES + "/" + key + "/acknowledgement", "").body());
        assertTrue(objectWith(staff(rosa, POLICIES).body(), "\"key\":\"" + key + "\"").contains("\"acknowledgement\":\"current\""));
        // Rosa's branch overview counts her acknowledgement and no longer lists her (others on the roster may be).
        String overview = staff(rosa, "tenants/riverbend/policy-acknowledgements").body();
        jakarta.json.JsonObject entry = jakarta.json.Json.createReader(new java.io.StringReader(overview)).readArray().stream()
                .map(jakarta.json.JsonValue::asJsonObject).filter(o -> o.getString("key").equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(overview));
        assertEquals(1, entry.getInt("acknowledged"), overview);
        assertTrue(entry.getJsonArray("outstanding").stream()
                .noneMatch(o -> o.asJsonObject().getString("tagName").equals("Rosa")), overview);

        // The same document again changes nothing; new words are version 2 and ask again.
        assertTrue(staffSend(dee, "PUT", POLICIES + "/" + key, policy(key, "Once a day.", "People study here.")).body()
                .contains("\"current\":{\"version\":1"));
        HttpResponse<String> second = staffSend(dee, "PUT", POLICIES + "/" + key,
                policy(key, "Once a day.", "People study and read here."));
        assertTrue(second.body().contains("\"current\":{\"version\":2"), second.body());
        assertTrue(objectWith(staff(rosa, POLICIES).body(), "\"key\":\"" + key + "\"").contains("\"acknowledgement\":\"needed\""));
        String outstanding = staff(rosa, "tenants/riverbend/policy-acknowledgements").body();
        assertTrue(objectWith(outstanding, "\"staffId\":\"" + rosaOnRoster + "\"").contains("PINE-HOLLOW"), outstanding);
        assertFalse(outstanding.contains("\"branch\":\"MOSSY-CREEK\""), "a person in charge sees only their branch: " + outstanding);
        assertProblem(staff(rosa, "tenants/riverbend/policy-acknowledgements?branch=MOSSY-CREEK"), 404, "not-found");
        assertEquals(403, staff(token("riverbend", "sam"), "tenants/riverbend/policy-acknowledgements").statusCode());

        HttpResponse<String> difference = staff(rosa, POLICIES + "/" + key + "/difference?from=1&to=2");
        assertEquals(200, difference.statusCode(), difference.body());
        assertTrue(difference.body().contains("\"field\":\"reason\"") && difference.body().contains("{\"change\":\"added\",\"text\":\"and read \"}")
                && !difference.body().contains("\"field\":\"title\""), difference.body());
    }

    @Test
    @RunAsClient
    void another_library_systems_token_and_keys_get_nothing() throws Exception {
        String morgan = token("lakeview-law", "morgan");
        assertProblem(staff(morgan, POLICIES), 404, "not-found");
        assertProblem(staff(morgan, POLICIES + "/overdue-fines"), 404, "not-found");
        assertProblem(staff(morgan, "tenants/lakeview-law/policies/overdue-fines"), 404, "not-found");
        assertEquals(404, staffSend(morgan, "PUT", POLICIES + "/overdue-fines", policy("overdue-fines", "None.", "None.")).statusCode());
        HttpResponse<String> own = staff(morgan, "tenants/lakeview-law/policies?q=screen");
        assertTrue(own.body().contains("\"key\":\"clear-the-screen\"") && !own.body().contains("overdue-fines"), own.body());
    }
}
