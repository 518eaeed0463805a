package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicepoint.identity.control.IdentitySettings;
import org.servicepoint.identity.control.KeycloakAdmin;
import org.servicepoint.localservices.KeycloakServer;

/**
 * Real staff accounts in the running application: roster entries that may sign in become users of the library
 * system's realm in the run's Keycloak, invited through Keycloak's own mail to the run's GreenMail; changes follow,
 * an ended entry can no longer sign in, a clash leaves nothing half-made, and staff choose their own tag name.
 */
@Order(7)
class StaffAccountsIT extends ServicePointDeployment {

    private static final String REALM = "riverbend";

    @Test
    @RunAsClient
    void someone_added_who_may_sign_in_is_invited_once_follows_their_changes_and_cannot_sign_in_once_ended() throws Exception {
        String dee = token(REALM, "dee");
        String username = unique("ivy");
        String email = username + "@riverbend.example";
        HttpResponse<String> added = staffSend(dee, "POST", "tenants/riverbend/staff", entry("Ivy", username, email,
                "library-assistant", "PINE-HOLLOW", null, true));
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(added.body().contains("\"maySignIn\":true"), added.body());
        String id = idIn(added.body());

        JsonObject user = admin().user(REALM, username).orElseThrow();
        assertTrue(user.getBoolean("enabled"));
        assertEquals(email, user.getString("email"));
        assertEquals("Ivy", attribute(user, "tag_name"));
        assertEquals("library-assistant", attribute(user, "position"));
        assertEquals("PINE-HOLLOW", attribute(user, "branch"));
        assertEquals(id, attribute(user, "roster_id"));
        List<String> roles = admin().realmRoles(REALM, user.getString("id"));
        assertTrue(roles.containsAll(List.of("staff", "position:library-assistant")), roles.toString());
        assertFalse(roles.contains("person-in-charge") || roles.contains("tenant-admin"), roles.toString());

        String invitation = awaitOneMail(email);
        assertTrue(invitation.contains("/realms/riverbend/login-actions/action-token?key="), invitation);

        // A new position: the account's claim and roles follow; no second invitation.
        HttpResponse<String> promoted = staffSend(dee, "PUT", "tenants/riverbend/staff/" + id, entry("Ivy", username, email,
                "branch-manager", "PINE-HOLLOW", versionIn(added.body()), null));
        assertEquals(200, promoted.statusCode(), promoted.body());
        user = admin().user(REALM, username).orElseThrow();
        assertEquals("branch-manager", attribute(user, "position"));
        roles = admin().realmRoles(REALM, user.getString("id"));
        assertTrue(roles.containsAll(List.of("staff", "person-in-charge", "position:branch-manager")), roles.toString());
        assertFalse(roles.contains("position:library-assistant") || roles.contains("headquarters"), roles.toString());

        // Signed in (a password set for the test, as the invitation would), then ended today: the session is over.
        String password = "pw-" + UUID.randomUUID();
        admin().setPassword(REALM, user.getString("id"), password);
        JsonObject tokens = passwordGrant(username, password);
        assertEquals(200, staff(tokens.getString("access_token"), "me").statusCode());
        String today = LocalDate.now(ZoneId.of("America/Chicago")).toString();
        HttpResponse<String> ended = staffSend(dee, "POST", "tenants/riverbend/staff/" + id + "/end",
                "{\"endsOn\":\"" + today + "\"}");
        assertEquals(200, ended.statusCode(), ended.body());
        assertFalse(admin().user(REALM, username).orElseThrow().getBoolean("enabled"));
        HttpResponse<String> refreshed = tokenCall("grant_type=refresh_token&client_id=servicepoint-tests&refresh_token="
                + URLEncoder.encode(tokens.getString("refresh_token"), StandardCharsets.UTF_8));
        assertEquals(400, refreshed.statusCode(), refreshed.body());
        assertTrue(refreshed.body().contains("invalid_grant"), refreshed.body());
        HttpResponse<String> again = tokenCall(passwordForm(username, password));
        assertTrue(again.statusCode() == 400 || again.statusCode() == 401, again.statusCode() + " " + again.body());
        assertTrue(again.body().contains("invalid_grant"), again.body());
        assertEquals(1, TestMail.textsTo(email).size(), "invitations to " + email);
    }

    @Test
    @RunAsClient
    void a_username_or_address_another_entry_has_is_refused_with_409_and_nothing_is_half_made() throws Exception {
        String dee = token(REALM, "dee");
        // An account another roster entry already claims (made here as if by an earlier entry).
        String taken = unique("taken");
        String otherEntry = UUID.randomUUID().toString();
        admin().createUser(REALM, Json.createObjectBuilder().add("username", taken).add("enabled", true)
                .add("email", taken + "@riverbend.example")
                .add("attributes", Json.createObjectBuilder().add("roster_id", Json.createArrayBuilder().add(otherEntry))).build());

        String tamEmail = unique("tam") + "@riverbend.example";
        HttpResponse<String> clash = staffSend(dee, "POST", "tenants/riverbend/staff", entry("Tam", taken,
                tamEmail, "library-assistant", "PINE-HOLLOW", null, true));
        assertProblem(clash, 409, "conflict");
        String fresh = unique("una");
        HttpResponse<String> addressClash = staffSend(dee, "POST", "tenants/riverbend/staff", entry("Una", fresh,
                taken + "@riverbend.example", "library-assistant", "PINE-HOLLOW", null, true));
        assertProblem(addressClash, 409, "conflict");

        String roster = staff(dee, "tenants/riverbend/staff?includeEnded=true").body();
        assertFalse(roster.contains("\"" + taken + "\"") || roster.contains("\"" + fresh + "\""), roster);
        assertTrue(admin().user(REALM, fresh).isEmpty(), "no account was left behind for " + fresh);
        JsonObject kept = admin().user(REALM, taken).orElseThrow();
        assertEquals(otherEntry, attribute(kept, "roster_id"));
        assertEquals(1, admin().usersByEmail(REALM, taken + "@riverbend.example").size());
        Thread.sleep(1000);
        assertTrue(TestMail.textsTo(tamEmail).isEmpty(), "an entry that was never stored is invited to nothing");

        // The roster's own clash (a username already on the roster) is refused before Keycloak is asked.
        String first = unique("wyn");
        HttpResponse<String> once = staffSend(dee, "POST", "tenants/riverbend/staff", entry("Wyn", first,
                first + "@riverbend.example", "library-assistant", "PINE-HOLLOW", null, true));
        assertEquals(201, once.statusCode(), once.body());
        assertProblem(staffSend(dee, "POST", "tenants/riverbend/staff", entry("Wyn 2", first,
                unique("wyn") + "@riverbend.example", "library-assistant", "PINE-HOLLOW", null, true)), 409, "conflict");
        assertEquals(idIn(once.body()), attribute(admin().user(REALM, first).orElseThrow(), "roster_id"));
    }

    @Test
    @RunAsClient
    void an_account_already_in_the_realm_with_the_same_address_is_linked_not_duplicated() throws Exception {
        // As a federated directory's user appears in the realm: no roster id, its own username and address.
        String directoryName = unique("dir");
        String email = directoryName + "@riverbend.example";
        admin().createUser(REALM, Json.createObjectBuilder().add("username", directoryName).add("enabled", true)
                .add("email", email).add("firstName", "Directory").build());
        int mailBefore = TestMail.textsTo(email).size();

        HttpResponse<String> added = staffSend(token(REALM, "dee"), "POST", "tenants/riverbend/staff", entry("Quinn", null, email,
                "library-assistant", "MOSSY-CREEK", null, true));
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(added.body().contains("\"username\":\"" + directoryName + "\""), added.body());
        List<JsonObject> accounts = admin().usersByEmail(REALM, email);
        assertEquals(1, accounts.size());
        assertEquals(idIn(added.body()), attribute(accounts.get(0), "roster_id"));
        assertEquals("Quinn", attribute(accounts.get(0), "tag_name"));
        assertEquals("Directory", accounts.get(0).getString("firstName"), "the directory's own fields stay");
        Thread.sleep(1500);
        assertEquals(mailBefore, TestMail.textsTo(email).size(), "a linked account has its own password: no invitation");
    }

    @Test
    @RunAsClient
    void a_person_in_charge_adds_no_account_at_another_branch_and_another_library_system_reaches_none() throws Exception {
        String username = unique("out");
        HttpResponse<String> elsewhere = staffSend(token(REALM, "rosa"), "POST", "tenants/riverbend/staff", entry("Out", username,
                username + "@riverbend.example", "library-assistant", "MOSSY-CREEK", null, true));
        assertEquals(403, elsewhere.statusCode(), elsewhere.body());
        assertTrue(admin().user(REALM, username).isEmpty());

        String morgan = token("lakeview-law", "morgan");
        String lakeviewName = unique("law");
        assertProblem(staffSend(morgan, "POST", "tenants/riverbend/staff", entry("Law", lakeviewName,
                lakeviewName + "@riverbend.example", "library-assistant", "PINE-HOLLOW", null, true)), 404, "not-found");
        assertTrue(admin().user(REALM, lakeviewName).isEmpty());
        String ours = idIn(staffSend(token(REALM, "dee"), "POST", "tenants/riverbend/staff", entry("Ours", null, null,
                "volunteer", "PINE-HOLLOW", null, false)).body());
        assertProblem(staffSend(morgan, "PUT", "tenants/riverbend/staff/" + ours, entry("Ours", lakeviewName,
                lakeviewName + "@riverbend.example", "volunteer", "PINE-HOLLOW", 0L, true)), 404, "not-found");
        assertProblem(staffSend(morgan, "PUT", "tenants/lakeview-law/staff/" + ours, entry("Ours", lakeviewName,
                lakeviewName + "@riverbend.example", "student-assistant", "LAW", 0L, true)), 404, "not-found");
        assertTrue(admin().user(REALM, lakeviewName).isEmpty());
        assertTrue(admin().user("lakeview-law", lakeviewName).isEmpty());
        // Someone on no roster of their library system has no own tag to read or change.
        assertProblem(staff(morgan, "me/tag-name"), 404, "not-found");
    }

    @Test
    @RunAsClient
    void staff_choose_their_own_tag_name_and_the_roster_the_name_tags_and_their_account_show_it() throws Exception {
        String dee = token(REALM, "dee");
        String username = unique("noor");
        HttpResponse<String> added = staffSend(dee, "POST", "tenants/riverbend/staff", entry("Noor", username,
                username + "@riverbend.example", "library-assistant", "PINE-HOLLOW", null, true));
        assertEquals(201, added.statusCode(), added.body());
        String userId = admin().user(REALM, username).orElseThrow().getString("id");
        String password = "pw-" + UUID.randomUUID();
        admin().setPassword(REALM, userId, password);
        String noor = passwordGrant(username, password).getString("access_token");

        HttpResponse<String> own = staff(noor, "me/tag-name");
        assertEquals(200, own.statusCode(), own.body());
        assertTrue(own.body().contains("\"tagName\":\"Noor\""), own.body());
        HttpResponse<String> chosen = staffSend(noor, "PUT", "me/tag-name", "{\"tagName\":\"  Nóor   Ś \"}");
        assertEquals(200, chosen.statusCode(), chosen.body());
        assertTrue(chosen.body().contains("\"tagName\":\"Nóor Ś\""), chosen.body());

        assertTrue(staff(dee, "tenants/riverbend/staff/" + idIn(added.body())).body().contains("\"tagName\":\"Nóor Ś\""));
        assertEquals("Nóor Ś", attribute(admin().user(REALM, username).orElseThrow(), "tag_name"));
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL
                        + "/api/tenants/riverbend/staff/name-tags.pdf?branch=PINE-HOLLOW"))
                .header("Authorization", "Bearer " + dee).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("Nóor Ś"), "the sheet shows the chosen name");
            assertFalse(text.contains("Noor\n"), "the old name is gone from the sheet");
        }

        assertProblem(staffSend(noor, "PUT", "me/tag-name", "{\"tagName\":\"Evil\u202Eroon\"}"), 400, "invalid-input");
        assertProblem(staffSend(noor, "PUT", "me/tag-name", "{\"tagName\":\"" + "x".repeat(61) + "\"}"), 400, "invalid-input");
        assertProblem(staffSend(noor, "PUT", "me/tag-name", "{\"tagName\":\"   \"}"), 400, "invalid-input");
        assertTrue(staff(noor, "me/tag-name").body().contains("\"tagName\":\"Nóor Ś\""));
    }

    // ---- helpers ----

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String entry(String tagName, String username, String email, String position, String branch, Long version,
                                Boolean maySignIn) {
        return "{\"tagName\":" + json(tagName) + (username == null ? "" : ",\"username\":" + json(username))
                + (email == null ? "" : ",\"email\":" + json(email)) + ",\"position\":" + json(position)
                + ",\"branch\":" + json(branch) + ",\"employmentType\":\"permanent\",\"startsOn\":\"2020-01-01\""
                + (version == null ? "" : ",\"version\":" + version)
                + (maySignIn == null ? "" : ",\"maySignIn\":" + maySignIn) + "}";
    }

    private static KeycloakAdmin admin() {
        KeycloakServer keycloak = KeycloakServer.sharedForTests();
        return new KeycloakAdmin(new IdentitySettings(keycloak.url(), null, keycloak.provisioningClient().clientId(),
                keycloak.provisioningClient().secret(), APP_URL, true, null));
    }

    private static String attribute(JsonObject user, String name) {
        JsonObject attributes = user.getJsonObject("attributes");
        return attributes == null || !attributes.containsKey(name) ? null : attributes.getJsonArray(name).getString(0);
    }

    /** Keycloak sends the mail after the roster's commit: wait for it, then make sure it is the only one. */
    private static String awaitOneMail(String address) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (TestMail.textsTo(address).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        List<String> mails = TestMail.textsTo(address);
        assertEquals(1, mails.size(), "invitations to " + address + ": " + mails);
        return mails.get(0);
    }

    private static JsonObject passwordGrant(String username, String password) throws Exception {
        HttpResponse<String> response = tokenCall(passwordForm(username, password));
        assertEquals(200, response.statusCode(), response.body());
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    private static String passwordForm(String username, String password) {
        return "grant_type=password&client_id=servicepoint-tests&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> tokenCall(String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(KeycloakServer.sharedForTests().url() + "/realms/" + REALM
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
