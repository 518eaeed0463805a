package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The web module's browser scripts (modules/web/src/test/browser), in Chromium, against the running application.
 */
@Order(9)
class BrowserIT extends ServicePointDeployment {

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

    @Test
    @RunAsClient
    void in_a_browser_the_desk_looks_up_a_response_guide_by_keyboard_and_goes_through_a_training_scenario() throws Exception {
        // Sam (desk, Pine Hollow) searches and trains; Dee (headquarters, tenant admin) reads standards and completion.
        browser("standards-screens.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "sam", "PASSWORD", DEMO_PASSWORD,
                "ADMIN_USERNAME", "dee"));
    }

    @Test
    @RunAsClient
    void in_a_browser_the_desk_finds_a_policy_records_an_exception_and_headquarters_sees_it_in_its_report() throws Exception {
        // Sam (desk, Pine Hollow) searches "fine" and records an exception that Rosa (branch manager) approves; Dee
        // (headquarters) reads the consistency report before and after. The roster must know the approver.
        onRoster("Rosa", "rosa", "branch-manager", "PINE-HOLLOW");
        onRoster("Sam", "sam", "library-assistant", "PINE-HOLLOW");
        browser("policy-screens.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "sam", "PASSWORD", DEMO_PASSWORD,
                "HQ_USERNAME", "dee", "SEARCH", "fine", "APPROVER", "Rosa"));
    }

    @Test
    @RunAsClient
    void in_a_browser_a_patrons_comment_card_becomes_a_complaint_the_director_answers_and_the_patron_gets_the_mail()
            throws Exception {
        // Dee holds the position riverbend's complaints go to first (patron-requests.yaml: executive-director); Rosa is
        // in charge at the Pine Hollow desk, where the patron leaves the card (comment cards are for persons in charge).
        onRoster("Dee", "dee", "executive-director", "HQ");
        onRoster("Rosa", "rosa", "branch-manager", "PINE-HOLLOW");
        String stamp = java.util.UUID.randomUUID().toString().substring(0, 8);
        String patron = "pat-" + stamp + "@patrons.example";
        browser("patron-requests.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "rosa", "PASSWORD", DEMO_PASSWORD,
                "DIRECTOR_USERNAME", "dee", "BRANCH", "PINE-HOLLOW", "PATRON_EMAIL", patron, "STAMP", stamp));
        // The director's answer by email reaches the patron through the outbox, once (the card's receipt aside).
        String answer = "the room is yours next week " + stamp;
        long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (TestMail.textsTo(patron).stream().noneMatch(text -> text.contains(answer)) && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        Thread.sleep(2000);
        java.util.List<String> mails = TestMail.textsTo(patron);
        assertEquals(1, mails.stream().filter(text -> text.contains(answer)).count(), "mails to the patron: " + mails);
    }

    @Test
    @RunAsClient
    void in_a_browser_the_desk_offers_a_call_back_takes_it_and_records_it_done() throws Exception {
        browser("call-back-screens.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "sam", "PASSWORD", DEMO_PASSWORD));
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

    @Test
    @RunAsClient
    void in_a_browser_the_api_explorer_shows_every_operation_without_breaking_its_csp() throws Exception {
        browser("api-docs.mjs", java.util.Map.of());
    }

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

    @Test
    @RunAsClient
    void in_a_browser_a_tenant_admin_adds_a_branch_with_hours_a_closure_and_a_desk_previews_and_applies_it()
            throws Exception {
        // dee is riverbend's tenant administrator at headquarters; the branch she adds is new to every test.
        browser("admin-screens.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "dee", "PASSWORD", DEMO_PASSWORD,
                "TIME_ZONE", "America/Chicago"));
    }

    @Test
    @RunAsClient
    void in_a_browser_the_tenant_admin_publishes_a_new_form_version_and_the_desk_files_a_report_on_it() throws Exception {
        // Dee (tenant admin) adds a required question to "Other", which no other test files; Sam (desk, Pine Hollow) files on it.
        int before = jakarta.json.Json.createReader(new java.io.StringReader(staff(token("riverbend", "sam"),
                "tenants/riverbend/incident-forms").body())).readObject().getInt("version");
        browser("form-editor.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "dee", "PASSWORD", DEMO_PASSWORD,
                "DESK_USERNAME", "sam"));
        String versions = staff(token("riverbend", "dee"), "tenants/riverbend/incident-forms/versions").body();
        assertTrue(versions.contains("\"version\":" + (before + 1)) && versions.contains("\"source\":\"body\""), versions);
    }

    @Test
    @RunAsClient
    void in_a_browser_someone_invited_from_the_roster_sets_a_password_signs_in_and_chooses_their_tag_name() throws Exception {
        // The tenant admin (dee) adds the person through the API; the roster's add form is another screen's work.
        String stamp = java.util.UUID.randomUUID().toString().substring(0, 8);
        String username = "ivy." + stamp;
        String email = username + "@riverbend.example";
        HttpResponse<String> added = staffSend(token("riverbend", "dee"), "POST", "tenants/riverbend/staff", "{\"tagName\":\"Ivy\","
                + "\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"position\":\"library-assistant\","
                + "\"branch\":\"PINE-HOLLOW\",\"employmentType\":\"permanent\",\"startsOn\":\"2020-01-01\",\"maySignIn\":true}");
        assertEquals(201, added.statusCode(), added.body());
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (TestMail.textsTo(email).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        java.util.List<String> mails = TestMail.textsTo(email);
        assertEquals(1, mails.size(), "invitations: " + mails);
        var link = java.util.regex.Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?key=[^\\s\"<>]+")
                .matcher(mails.get(0));
        assertTrue(link.find(), mails.get(0));
        browser("accounts.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", username,
                "PASSWORD", "Chosen-" + stamp, "INVITATION_LINK", link.group().replace("&amp;", "&"), "TAG_NAME", "Ivy Ñ " + stamp));
        assertTrue(staff(token("riverbend", "dee"), "tenants/riverbend/staff/" + idIn(added.body())).body()
                .contains("\"tagName\":\"Ivy Ñ " + stamp + "\""));
    }

    @Test
    @RunAsClient
    void in_a_browser_the_tenant_admin_builds_a_week_of_shifts_and_the_coverage_gaps_disappear() throws Exception {
        // Lake Tillman's next week has gaps (its reference desk is unstaffed on Fridays); two people of its own take
        // the desks, one per desk row, so nobody is planned at two desks at once.
        String director = token("riverbend", "dee");
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 4);
        addStaff(director, "Quinn " + suffix, null, "library-assistant", "permanent", "LAKE-TILLMAN");
        addStaff(director, "Rey " + suffix, null, "library-assistant", "permanent", "LAKE-TILLMAN");
        browser("shift-editor.mjs", java.util.Map.of("TENANT", "riverbend", "USERNAME", "dee", "PASSWORD", DEMO_PASSWORD,
                "BRANCH", "LAKE-TILLMAN", "PEOPLE", "Quinn " + suffix + ",Rey " + suffix));
    }

    @Test
    @RunAsClient
    void in_a_browser_the_operator_sees_the_tenants_onboards_one_from_files_and_suspends_and_resumes_it() throws Exception {
        // Hollis College's file under a slug of its own, pasted into the console as an operator would.
        String slug = "browser-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String yaml = Files.readString(Path.of(tenantsDir(), "hollis-college", "tenant.yaml"))
                .replaceFirst("(?m)^slug: .*$", "slug: " + slug)
                .replaceFirst("(?m)^name: .*$", "name: Console College " + slug);
        browser("operator-console.mjs", java.util.Map.of("USERNAME", org.servicepoint.identity.control.RealmProvisioning.DEMO_OPERATOR,
                "PASSWORD", DEMO_PASSWORD, "SLUG", slug, "TENANT_YAML", yaml));
    }
}
