package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Confidentiality in the running application: patron references, disclosure requests, retention,
 * the audit chain, and free text sealed at rest.
 */
@Order(5)
class ConfidentialityIT extends ServicePointDeployment {

    // ---- confidentiality: patron references, disclosure requests, retention, the audit chain ----

    @Test
    @RunAsClient
    void a_patron_reference_is_found_by_card_and_revealed_only_to_a_person_in_charge() throws Exception {
        String desk = token("riverbend", "sam");
        HttpResponse<String> made = staffSend(desk, "POST", "patron-references",
                "{\"cardNumber\":\"2900 1234 5678\",\"displayName\":\"Pat Example\"}");
        assertEquals(201, made.statusCode(), made.body());
        String id = idIn(made.body());
        HttpResponse<String> again = staffSend(desk, "POST", "patron-references", "{\"cardNumber\":\"2900-1234-5678\"}");
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(id, idIn(again.body()));
        HttpResponse<String> found = staffSend(desk, "POST", "patron-references/lookup", "{\"cardNumber\":\"290012345678\"}");
        assertEquals(id, idIn(found.body()));
        assertProblem(staffSend(desk, "POST", "patron-references/lookup", "{\"cardNumber\":\"11112222\"}"), 404, "not-found");
        HttpResponse<String> bad = staffSend(desk, "POST", "patron-references", "{\"cardNumber\":\"12<script>\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertFalse(bad.body().contains("<script>"), bad.body());

        assertEquals(403, staff(desk, "patron-references/" + id).statusCode());
        HttpResponse<String> revealed = staff(token("riverbend", "rosa"), "patron-references/" + id);
        assertEquals(200, revealed.statusCode(), revealed.body());
        assertTrue(revealed.body().contains("5678") && revealed.body().contains("Pat Example"), revealed.body());
        assertFalse(revealed.body().contains("290012345678"), "the full card number came back: " + revealed.body());

        String otherLibrary = token("lakeview-law", "morgan");
        assertProblem(staffSend(otherLibrary, "POST", "patron-references/lookup", "{\"cardNumber\":\"290012345678\"}"), 404, "not-found");
        assertProblem(staff(otherLibrary, "patron-references/" + id), 404, "not-found");
    }

    @Test
    @RunAsClient
    void a_police_request_is_logged_at_the_desk_and_decided_only_by_a_person_in_charge() throws Exception {
        onRoster("Dee", "dee", "executive-director", "HQ");
        String desk = token("riverbend", "sam");
        HttpResponse<String> logged = staffSend(desk, "POST", "disclosure-requests",
                "{\"requesterName\":\"Officer Lee\",\"requesterOrganisation\":\"County police\",\"authority\":\"none-stated\","
                        + "\"requestText\":\"Who borrowed the atlas last week\"}");
        assertEquals(201, logged.statusCode(), logged.body());
        String id = idIn(logged.body());
        assertTrue(logged.body().contains("\"view\":\"summary\""), logged.body());
        assertProblem(staff(token("riverbend", "kit"), "disclosure-requests/" + id), 404, "not-found");
        HttpResponse<String> full = staff(token("riverbend", "dee"), "disclosure-requests/" + id);
        assertTrue(full.body().contains("Who borrowed the atlas"), full.body());
        assertEquals(403, staffSend(desk, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"refuse\",\"reason\":\"no order\"}").statusCode());
        String inCharge = token("riverbend", "dee");
        assertEquals(400, staffSend(inCharge, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"disclose\",\"reason\":\"asked nicely\"}").statusCode());
        HttpResponse<String> decided = staffSend(inCharge, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"refuse\",\"reason\":\"No court order was shown\"}");
        assertEquals(200, decided.statusCode(), decided.body());
        assertProblem(staffSend(inCharge, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"refuse\",\"reason\":\"again\"}"), 409, "conflict");
        assertProblem(staff(token("lakeview-law", "morgan"), "disclosure-requests/" + id), 404, "not-found");
    }

    @Test
    @RunAsClient
    void retention_periods_belong_to_the_tenant_admin_and_the_audit_chain_verifies() throws Exception {
        assertRetentionPeriodsAreTheTenantAdminsToChange();
        assertEquals(403, staff(token("riverbend", "sam"), "retention").statusCode());
        HttpResponse<String> chain = staff(token("riverbend", "dee"), "tenants/riverbend/audit/verification");
        assertEquals(200, chain.statusCode(), chain.body());
        assertTrue(chain.body().contains("\"intact\":true"), chain.body());
        assertProblem(staff(token("riverbend", "dee"), "tenants/lakeview-law/audit/verification"), 404, "not-found");
        HttpResponse<String> asOperator = operator("GET", "admin/audit/tenants/lakeview-law/verification", null);
        assertTrue(asOperator.body().contains("\"intact\":true"), asOperator.body());
    }

    @Test
    @RunAsClient
    void a_police_request_goes_to_the_director_only_and_an_escalation_routed_to_the_director_is_decided_only_by_them()
            throws Exception {
        onRoster("Dee", "dee", "executive-director", "HQ");
        String sam = token("riverbend", "sam");
        String dee = token("riverbend", "dee");
        String rosa = token("riverbend", "rosa");
        String moss = token("riverbend", "moss");
        String asked = "Loans of card 4411 " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> logged = staffSend(sam, "POST", "disclosure-requests", "{\"requesterName\":\"Officer Ruiz\","
                + "\"requesterOrganisation\":\"County police\",\"authority\":\"warrant\",\"requestText\":" + json(asked) + "}");
        assertEquals(201, logged.statusCode(), logged.body());
        String id = idIn(logged.body());
        assertTrue(logged.body().contains("\"routedTo\":\"Dee\""), logged.body());
        // The director is told in the app, without what was asked.
        String notices = staff(dee, "tenants/riverbend/duty/notices").body();
        assertTrue(notices.contains(id) && !notices.contains(asked), notices);
        // Persons in charge it was not routed to: not there at all.
        for (String other : new String[] {rosa, moss}) {
            assertProblem(staff(other, "disclosure-requests/" + id), 404, "not-found");
            assertFalse(staff(other, "disclosure-requests").body().contains(id));
            assertProblem(staffSend(other, "POST", "disclosure-requests/" + id + "/decision",
                    "{\"decision\":\"refuse\",\"reason\":\"not mine\"}"), 404, "not-found");
        }
        assertTrue(staff(dee, "disclosure-requests").body().contains(asked));
        assertProblem(staffSend(sam, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"refuse\",\"reason\":\"mine\"}"), 403, "forbidden");
        assertEquals(200, staffSend(dee, "POST", "disclosure-requests/" + id + "/decision",
                "{\"decision\":\"refer-to-legal-counsel\",\"reason\":\"Counsel checks the warrant\"}").statusCode());

        // An escalation of the same kind goes to the director: the branch manager in charge cannot close it first.
        HttpResponse<String> escalated = staffSend(sam, "POST", "tenants/riverbend/escalations",
                "{\"situation\":\"patron-data-request\",\"note\":\"Officer at the desk\"}");
        assertEquals(201, escalated.statusCode(), escalated.body());
        assertTrue(escalated.body().contains("\"decidesTagName\":\"Dee\""), escalated.body());
        String escalation = idIn(escalated.body());
        assertProblem(staffSend(rosa, "POST", "tenants/riverbend/escalations/" + escalation + "/outcome",
                "{\"outcome\":\"Told the officer to come back\"}"), 403, "forbidden");
        assertEquals(200, staffSend(dee, "POST", "tenants/riverbend/escalations/" + escalation + "/outcome",
                "{\"outcome\":\"Referred to counsel\"}").statusCode());
    }

    // ---- free text about patrons, sealed at rest (decision 0009) ----

    @Test
    @RunAsClient
    void sealed_report_text_and_ban_reasons_still_read_verify_and_print_after_the_data_key_is_rotated() throws Exception {
        String marker = "Sealed" + UUID.randomUUID().toString().substring(0, 8);
        String sam = token("riverbend", "sam");
        String dee = token("riverbend", "dee");
        String rosa = token("riverbend", "rosa");
        String report = "tenants/riverbend/incident-reports/";
        String id = theftDraft(sam, "A patron took a laptop " + marker);
        HttpResponse<String> signed = staffSend(sam, "POST", report + id + "/submit",
                "{\"version\":" + versionIn(staff(sam, report + id).body()) + ",\"confirm\":true}");
        assertEquals(200, signed.statusCode(), signed.body());
        HttpResponse<String> added = staffSend(sam, "POST", report + id + "/addenda",
                "{\"text\":\"Before the rotation " + marker + "\",\"version\":" + versionIn(signed.body()) + "}");
        assertEquals(200, added.statusCode(), added.body());
        String card = "5" + String.format("%011d", Math.floorMod(System.nanoTime(), 100_000_000_000L));
        String ends = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago")).plusDays(30) + "T18:30:00";
        HttpResponse<String> ban = staffSend(rosa, "POST", "tenants/riverbend/computer-use-bans", "{\"cardNumber\":\"" + card
                + "\",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Reason " + marker + "\"}");
        assertEquals(201, ban.statusCode(), ban.body());
        String banId = idIn(ban.body());

        HttpResponse<String> rotated = operator("POST", "admin/tenants/riverbend/confidentiality/rotation", "{\"purpose\":\"data\"}");
        assertEquals(200, rotated.statusCode(), rotated.body());

        // Sealed again under the new key version: the screens, the verification and the PDF still have the text.
        HttpResponse<String> read = staff(dee, report + id);
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("A patron took a laptop " + marker) && read.body().contains("Before the rotation " + marker),
                read.body());
        assertTrue(staff(dee, report + id + "/verification").body().contains("\"intact\":true"));
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + report + id + ".pdf"))
                .header("Authorization", "Bearer " + dee).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains(marker), text);
        }
        HttpResponse<String> banRead = staff(rosa, "tenants/riverbend/computer-use-bans/" + banId);
        assertTrue(banRead.body().contains("Reason " + marker), banRead.body());
        // New text is sealed with the new key, and the chain over old and new text holds.
        HttpResponse<String> after = staffSend(sam, "POST", report + id + "/addenda",
                "{\"text\":\"After the rotation\",\"version\":" + versionIn(staff(sam, report + id).body()) + "}");
        assertEquals(200, after.statusCode(), after.body());
        assertTrue(staff(dee, report + id + "/verification").body().contains("\"intact\":true"));
        HttpResponse<String> lifted = staffSend(rosa, "POST", "tenants/riverbend/computer-use-bans/" + banId + "/lift",
                "{\"reason\":\"Lifted after the rotation\"}");
        assertEquals(200, lifted.statusCode(), lifted.body());
        assertTrue(lifted.body().contains("Reason " + marker) && lifted.body().contains("Lifted after the rotation"), lifted.body());
    }

    /** Each record type with its days; the tenant admin's change is read back (and undone), the desk's is refused. */
    void assertRetentionPeriodsAreTheTenantAdminsToChange() throws Exception {
        String dee = token("riverbend", "dee");
        HttpResponse<String> periods = staff(dee, "retention");
        assertEquals(200, periods.statusCode(), periods.body());
        for (String type : List.of("disclosure-request", "patron-reference")) {
            assertTrue(objectWith(periods.body(), "\"recordType\":\"" + type + "\"").matches("(?s).*\"days\":[1-9].*"),
                    type + " missing or without days: " + periods.body());
        }
        var days = java.util.regex.Pattern.compile("\"days\":([0-9]+)").matcher(objectWith(periods.body(), "\"recordType\":\"patron-reference\""));
        assertTrue(days.find(), periods.body());
        int before = Integer.parseInt(days.group(1));
        int changed = before == 1234 ? 1235 : 1234;
        String change = "{\"periods\":[{\"recordType\":\"patron-reference\",\"days\":" + changed + "}]}";
        assertEquals(403, staffSend(token("riverbend", "sam"), "PUT", "retention", change).statusCode());
        assertEquals(periods.body(), staff(dee, "retention").body(), "the desk's attempt changed the periods");
        HttpResponse<String> set = staffSend(dee, "PUT", "retention", change);
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(objectWith(staff(dee, "retention").body(), "\"recordType\":\"patron-reference\"").matches("(?s).*\"days\":" + changed + "[,}].*"),
                set.body());
        assertEquals(200, staffSend(dee, "PUT", "retention",
                "{\"periods\":[{\"recordType\":\"patron-reference\",\"days\":" + before + "}]}").statusCode());
    }
}
