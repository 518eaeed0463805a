package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Incident reports in the running application: filing, signing, same-day mail through the outbox,
 * deadlines, headquarters' view.
 */
@Order(4)
class IncidentsIT extends ServicePointDeployment {

    // ---- incident reports: filing, signing, same-day mail through the outbox, headquarters' view ----

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

    // ---- the incident form editor (tenant administrators) and incident-form.yaml in the operator's plan/apply ----

    static int formVersionIn(String body) {
        var m = java.util.regex.Pattern.compile("\"formVersion\":(\\d+)").matcher(body);
        assertTrue(m.find(), "no formVersion in " + body);
        return Integer.parseInt(m.group(1));
    }

    /** Riverbend's current form with one more optional question in "Other", as the editor would send it. */
    static String withQuestion(String editing, String key, String label) {
        jakarta.json.JsonObject definition = jakarta.json.Json.createReader(new java.io.StringReader(editing)).readObject()
                .getJsonObject("current").getJsonObject("definition");
        jakarta.json.JsonArrayBuilder categories = jakarta.json.Json.createArrayBuilder();
        for (jakarta.json.JsonValue value : definition.getJsonArray("categories")) {
            jakarta.json.JsonObject category = value.asJsonObject();
            if (category.getString("code").equals("other")) {
                jakarta.json.JsonArrayBuilder fields = jakarta.json.Json.createArrayBuilder(category.containsKey("fields")
                        ? category.getJsonArray("fields") : jakarta.json.JsonValue.EMPTY_JSON_ARRAY);
                fields.add(jakarta.json.Json.createObjectBuilder().add("key", key).add("label", label).add("type", "text"));
                category = jakarta.json.Json.createObjectBuilder(category).add("fields", fields).build();
            }
            categories.add(category);
        }
        return jakarta.json.Json.createObjectBuilder(definition).add("categories", categories).build().toString();
    }

    @Test
    @RunAsClient
    void a_tenant_admin_publishes_the_next_form_version_from_the_editor_and_a_report_started_before_keeps_its_version()
            throws Exception {
        String dee = token("riverbend", "dee");
        String sam = token("riverbend", "sam");
        HttpResponse<String> editing = staff(dee, "tenants/riverbend/incident-forms/editing");
        assertEquals(200, editing.statusCode(), editing.body());
        assertTrue(editing.body().contains("{\"code\":\"business-manager\",\"name\":\"Business manager\",\"receivesReports\":true}"),
                editing.body());
        int before = formVersionIn(staff(sam, "tenants/riverbend/incident-reports/" + theftDraft(sam, "Started on the old form")).body());
        String earlier = theftDraft(sam, "Started before the new version");
        String key = "told" + UUID.randomUUID().toString().substring(0, 6);
        String form = withQuestion(editing.body(), key, "Who else was told " + key);

        // The plan says which version publishing would make and what differs; nothing is published by it.
        HttpResponse<String> plan = staffSend(dee, "POST", "tenants/riverbend/incident-forms/plan", form);
        assertEquals(200, plan.statusCode(), plan.body());
        assertTrue(plan.body().contains("\"nextVersion\":" + (before + 1)) && plan.body().contains("\"categories.other.fields." + key + "\""),
                plan.body());
        assertEquals(before, formVersionIn(staff(sam, "tenants/riverbend/incident-reports/" + earlier).body()));
        // Problems are named by field, and nothing is published.
        HttpResponse<String> refused = staffSend(dee, "POST", "tenants/riverbend/incident-forms/plan",
                form.replace("\"label\":\"Who else was told " + key + "\"", "\"label\":\"   \""));
        assertProblem(refused, 400, "invalid-input");
        assertTrue(refused.body().contains(".label"), refused.body());

        // A person in charge and the desk may neither plan nor publish; the editor's start is the tenant admin's too.
        String rosa = token("riverbend", "rosa");
        for (String token : new String[] {rosa, sam}) {
            assertEquals(403, staffSend(token, "POST", "tenants/riverbend/incident-forms?basedOn=" + before, form).statusCode());
            assertEquals(403, staffSend(token, "POST", "tenants/riverbend/incident-forms/plan", form).statusCode());
            assertEquals(403, staff(token, "tenants/riverbend/incident-forms/editing").statusCode());
        }
        // Another library system's tenant admin gets nothing of Riverbend's, and cannot publish there.
        String morgan = token("lakeview-law", "morgan");
        assertEquals(404, staff(morgan, "tenants/riverbend/incident-forms/editing").statusCode());
        assertEquals(404, staffSend(morgan, "POST", "tenants/riverbend/incident-forms/plan", form).statusCode());
        assertEquals(404, staffSend(morgan, "POST", "tenants/riverbend/incident-forms?basedOn=" + before, form).statusCode());
        assertEquals(404, staff(morgan, "tenants/riverbend/incident-reports/" + earlier).statusCode());

        // Published from a stale start: refused, nothing changes.
        assertProblem(staffSend(dee, "POST", "tenants/riverbend/incident-forms?basedOn=" + (before - 1), form), 409, "conflict");
        HttpResponse<String> published = staffSend(dee, "POST", "tenants/riverbend/incident-forms?basedOn=" + before, form);
        assertEquals(201, published.statusCode(), published.body());
        assertTrue(published.body().contains("\"version\":" + (before + 1)), published.body());
        // The same form again makes no version.
        HttpResponse<String> again = staffSend(dee, "POST", "tenants/riverbend/incident-forms?basedOn=" + (before + 1), form);
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"changed\":false"), again.body());

        // The report started before keeps version N and is saved against it; a new one is on N+1 and asks the new question.
        HttpResponse<String> old = staff(sam, "tenants/riverbend/incident-reports/" + earlier);
        assertEquals(before, formVersionIn(old.body()));
        assertFalse(old.body().contains(key), old.body());
        HttpResponse<String> fresh = staffSend(sam, "POST", "tenants/riverbend/incident-reports",
                "{\"category\":\"other\",\"answers\":{\"" + key + "\":\"The branch manager\"}}");
        assertEquals(201, fresh.statusCode(), fresh.body());
        assertEquals(before + 1, formVersionIn(fresh.body()));
        assertTrue(fresh.body().contains("\"key\":\"" + key + "\"") && fresh.body().contains("The branch manager"), fresh.body());
        HttpResponse<String> version = staff(sam, "tenants/riverbend/incident-forms/versions/" + before);
        assertFalse(version.body().contains(key), version.body());
    }

    @Test
    @RunAsClient
    void the_operator_plans_and_applies_incident_form_yaml_with_the_tenant_files_and_a_broken_one_is_named_by_line()
            throws Exception {
        // Lakeview's own file, applied at start-up: no other test publishes Lakeview's form.
        String path = "tenants/lakeview-law/incident-form.yaml";
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of(tenantsDir(), "lakeview-law", "incident-form.yaml"));
        String tenant = java.nio.file.Files.readString(java.nio.file.Path.of(tenantsDir(), "lakeview-law", "tenant.yaml"));
        String sam = token("lakeview-law", "sam");
        HttpResponse<String> current = staff(sam, "tenants/lakeview-law/incident-forms");
        int before = jakarta.json.Json.createReader(new java.io.StringReader(current.body())).readObject().getInt("version");
        String same = "{\"files\":[{\"path\":\"tenants/lakeview-law/tenant.yaml\",\"content\":" + json(tenant) + "},"
                + "{\"path\":\"" + path + "\",\"content\":" + json(yaml) + "}]}";
        HttpResponse<String> plan = operator("POST", "admin/onboarding/plan", same);
        assertEquals(200, plan.statusCode(), plan.body());
        assertTrue(StandardsIT.change(plan.body(), "lakeview-law/incident-form").contains("\"action\":\"UNCHANGED\""), plan.body());

        // A changed file is planned as the next version, applied once, and a second apply publishes nothing new.
        String changed = yaml.replaceFirst("(?m)^title: .*$", "title: Lakeview incident report (revised)");
        String body = "{\"files\":[{\"path\":\"" + path + "\",\"content\":" + json(changed) + "}]}";
        HttpResponse<String> planned = operator("POST", "admin/onboarding/plan", body);
        jakarta.json.JsonObject update = jakarta.json.Json.createReader(new java.io.StringReader(
                StandardsIT.change(planned.body(), "lakeview-law/incident-form"))).readObject();
        assertEquals("UPDATE", update.getString("action"), planned.body());
        assertEquals(jakarta.json.Json.createObjectBuilder().add("field", "version").add("before", String.valueOf(before))
                .add("after", String.valueOf(before + 1)).build(), update.getJsonArray("fields").get(0), planned.body());
        HttpResponse<String> applied = operator("POST", "admin/onboarding/apply", body);
        assertEquals(200, applied.statusCode(), applied.body());
        assertTrue(applied.body().contains("\"applied\":true") && applied.body().contains("\"action\":\"UPDATE\""), applied.body());
        HttpResponse<String> twice = operator("POST", "admin/onboarding/apply", body);
        assertTrue(twice.body().contains("\"action\":\"UNCHANGED\"") && !twice.body().contains("UPDATE"), twice.body());
        assertTrue(staff(sam, "tenants/lakeview-law/incident-forms").body().contains("\"version\":" + (before + 1)));
        assertTrue(staff(sam, "tenants/lakeview-law/incident-forms/versions").body().contains("\"source\":\"" + path + "\""));

        // A broken file is named by file, line and field, and nothing of the run is applied.
        String broken = changed.replaceFirst("type: long-text", "type: paragraph");
        int line = TenancyIT.lineOf(broken, "type: paragraph");
        HttpResponse<String> refused = operator("POST", "admin/onboarding/apply",
                "{\"files\":[{\"path\":\"" + path + "\",\"content\":" + json(broken) + "}]}");
        assertProblem(refused, 400, "invalid-input");
        assertTrue(refused.body().contains(path + ":" + line) && refused.body().contains(".type"), refused.body());
        assertTrue(staff(sam, "tenants/lakeview-law/incident-forms").body().contains("\"version\":" + (before + 1)));

        // The original file again: back to its content as the next version, so other tests see Lakeview's form as it was.
        HttpResponse<String> restored = operator("POST", "admin/onboarding/apply", same);
        assertEquals(200, restored.statusCode(), restored.body());
    }
}
