package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Computer-use bans in the running application: imposed by a person in charge, looked up at the desk, lifted.
 */
@Order(6)
class BansIT extends ServicePointDeployment {

    // ---- computer-use bans: imposed by a person in charge, looked up at the desk, lifted ----

    @Test
    @RunAsClient
    void a_computer_use_ban_is_imposed_looked_up_at_the_desk_by_scope_lifted_and_stays_in_its_library_system() throws Exception {
        String bans = "tenants/riverbend/computer-use-bans";
        String rosa = token("riverbend", "rosa"); // person in charge at Pine Hollow
        String sam = token("riverbend", "sam"); // desk, Pine Hollow
        String card = "4" + String.format("%011d", Math.floorMod(System.nanoTime(), 100_000_000_000L));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago"));
        String ends = today.plusDays(30) + "T18:30:00";
        String cardJson = "\"cardNumber\":\"" + card + "\"";

        // Bad input: 400 problem+json, and nothing stored (not even a patron reference for the card).
        String before = staff(rosa, bans + "?limit=500").body();
        String[] bodies = {
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"bell \\u0007\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"2020-01-01T00:00\",\"reason\":\"Old\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + today.plusYears(3) + "T00:00\",\"reason\":\"Long\"}",
                "{" + cardJson + ",\"scope\":\"system\",\"branch\":\"PINE-HOLLOW\",\"endsAt\":\"" + ends + "\",\"reason\":\"Both\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"branch\":\"NO-SUCH\",\"endsAt\":\"" + ends + "\",\"reason\":\"Where\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Late\",\"reviewOn\":\""
                        + today.plusDays(40) + "\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Which\",\"incidentReportId\":\""
                        + UUID.randomUUID() + "\"}",
                "{\"cardNumber\":\"12<script>\",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Card\"}",
                "{\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Whom\"}",
                "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"x\",\"colour\":\"red\"}",
                "not json"};
        for (String body : bodies) {
            HttpResponse<String> refused = staffSend(rosa, "POST", bans, body);
            assertEquals(400, refused.statusCode(), body + " → " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), refused.body());
            assertFalse(refused.body().contains(card) || refused.body().contains("<script>"), refused.body());
        }
        assertProblem(staffSend(rosa, "POST", bans, bodies[0]), 400, "invalid-input");
        assertEquals(before, staff(rosa, bans + "?limit=500").body());
        assertProblem(staffSend(sam, "POST", "patron-references/lookup", "{" + cardJson + "}"), 404, "not-found");

        String lookup = bans + "/lookup";
        assertTrue(staffSend(sam, "POST", lookup, "{" + cardJson + "}").body().contains("\"banned\":false"));

        // Rosa bans the card at her own branch; the desk cannot.
        String marked = "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"<b>Threatened</b> staff\"}";
        HttpResponse<String> markup = staffSend(rosa, "POST", bans, marked);
        assertEquals(400, markup.statusCode(), markup.body());
        assertTrue(markup.body().contains("markup"), markup.body());
        String ban = "{" + cardJson + ",\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Threatened staff <3 times & shouted\","
                + "\"reviewOn\":\"" + today.plusDays(7) + "\"}";
        assertEquals(403, staffSend(sam, "POST", bans, ban).statusCode());
        HttpResponse<String> imposed = staffSend(rosa, "POST", bans, ban);
        assertEquals(201, imposed.statusCode(), imposed.body());
        String branchBan = idIn(imposed.body());
        assertTrue(imposed.headers().firstValue("Location").orElse("").endsWith("/computer-use-bans/" + branchBan));
        assertTrue(imposed.body().contains("\"branch\":\"PINE-HOLLOW\"") && imposed.body().contains("\"status\":\"active\""), imposed.body());
        // Markup was refused; lone brackets and ampersands are kept as typed. The card number is nowhere.
        assertTrue(imposed.body().contains("Threatened staff <3 times & shouted"), imposed.body());
        assertFalse(imposed.body().contains(card), imposed.body());
        // The same request again at once (a double click): the same ban.
        HttpResponse<String> again = staffSend(rosa, "POST", bans, ban);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(branchBan, idIn(again.body()));

        // The desk: banned at Pine Hollow until the end, as typed or scanned; not at another branch.
        HttpResponse<String> atDesk = staffSend(sam, "POST", lookup, "{\"cardNumber\":\"" + card.substring(0, 4) + " " + card.substring(4)
                + "\"}");
        assertEquals(200, atDesk.statusCode(), atDesk.body());
        assertTrue(atDesk.body().contains("\"banned\":true") && atDesk.body().contains("\"endsAt\":\"" + ends)
                && atDesk.body().contains("\"scope\":\"branch\""), atDesk.body());
        assertFalse(atDesk.body().contains("Threatened"), "the desk is told yes/no and the end only: " + atDesk.body());
        String atMossyCreek = "{" + cardJson + ",\"branch\":\"MOSSY-CREEK\"}";
        assertTrue(staffSend(sam, "POST", lookup, atMossyCreek).body().contains("\"banned\":false"));
        assertEquals(403, staff(sam, bans).statusCode());

        // A system ban, following from an incident report Rosa can see, reaches Mossy Creek too.
        String incident = theftDraft(sam, "Kicked the computer desk");
        String systemEnds = today.plusDays(10) + "T12:00:00";
        HttpResponse<String> everywhere = staffSend(rosa, "POST", bans, "{" + cardJson + ",\"scope\":\"system\",\"endsAt\":\""
                + systemEnds + "\",\"reason\":\"Kicked the desk\",\"incidentReportId\":\"" + incident + "\"}");
        assertEquals(201, everywhere.statusCode(), everywhere.body());
        String systemBan = idIn(everywhere.body());
        assertTrue(everywhere.body().contains("\"incidentReportId\":\"" + incident + "\""), everywhere.body());
        HttpResponse<String> mossy = staffSend(sam, "POST", lookup, atMossyCreek);
        assertTrue(mossy.body().contains("\"banned\":true") && mossy.body().contains("\"scope\":\"system\"")
                && mossy.body().contains("\"endsAt\":\"" + systemEnds), mossy.body());
        String dee = token("riverbend", "dee");
        HttpResponse<String> listed = staff(dee, bans + "?status=active&branch=MOSSY-CREEK");
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains(systemBan) && !listed.body().contains(branchBan), listed.body());
        assertProblem(staff(dee, bans + "?status=sometimes"), 400, "invalid-input");
        assertTrue(staff(rosa, bans + "/" + branchBan).body().contains("\"reviewOn\":\"" + today.plusDays(7) + "\""));

        // Another library system: nothing of it exists there, and its own desk finds the same card not banned.
        String morgan = token("lakeview-law", "morgan");
        assertProblem(staff(morgan, bans + "/" + branchBan), 404, "not-found");
        assertProblem(staff(morgan, "tenants/lakeview-law/computer-use-bans/" + branchBan), 404, "not-found");
        assertProblem(staffSend(morgan, "POST", "tenants/lakeview-law/computer-use-bans/" + branchBan + "/lift",
                "{\"reason\":\"not ours\"}"), 404, "not-found");
        assertFalse(staff(morgan, "tenants/lakeview-law/computer-use-bans").body().contains(branchBan));
        String lakeDesk = token("lakeview-law", "sam");
        assertProblem(staffSend(lakeDesk, "POST", lookup, "{" + cardJson + "}"), 404, "not-found");
        HttpResponse<String> lakeAnswer = staffSend(lakeDesk, "POST", "tenants/lakeview-law/computer-use-bans/lookup", "{" + cardJson + "}");
        assertEquals(200, lakeAnswer.statusCode(), lakeAnswer.body());
        assertTrue(lakeAnswer.body().contains("\"banned\":false") && !lakeAnswer.body().contains("endsAt"), lakeAnswer.body());

        // Lifting ends a ban at once, once.
        assertProblem(staffSend(rosa, "POST", bans + "/" + systemBan + "/lift", "{}"), 400, "invalid-input");
        HttpResponse<String> lifted = staffSend(rosa, "POST", bans + "/" + systemBan + "/lift", "{\"reason\":\"Paid for the damage\"}");
        assertEquals(200, lifted.statusCode(), lifted.body());
        assertTrue(lifted.body().contains("\"status\":\"lifted\""), lifted.body());
        assertProblem(staffSend(rosa, "POST", bans + "/" + systemBan + "/lift", "{\"reason\":\"again\"}"), 409, "conflict");
        assertTrue(staffSend(sam, "POST", lookup, atMossyCreek).body().contains("\"banned\":false"));
        assertTrue(staffSend(sam, "POST", lookup, "{" + cardJson + "}").body().contains("\"banned\":true"));
        assertEquals(200, staffSend(rosa, "POST", bans + "/" + branchBan + "/lift", "{\"reason\":\"Apologised in writing\"}").statusCode());
        assertTrue(staffSend(sam, "POST", lookup, "{" + cardJson + "}").body().contains("\"banned\":false"));

        // A ban may name an existing patron reference instead of the card; an unknown reference is refused.
        var reference = java.util.regex.Pattern.compile("\"patronReferenceId\":\"([0-9a-f-]{36})\"").matcher(imposed.body());
        assertTrue(reference.find(), imposed.body());
        assertProblem(staffSend(rosa, "POST", bans, "{\"patronReferenceId\":\"" + UUID.randomUUID() + "\",\"scope\":\"branch\","
                + "\"endsAt\":\"" + ends + "\",\"reason\":\"Unknown\"}"), 400, "invalid-input");
        HttpResponse<String> byReference = staffSend(rosa, "POST", bans, "{\"patronReferenceId\":\"" + reference.group(1) + "\","
                + "\"scope\":\"branch\",\"endsAt\":\"" + ends + "\",\"reason\":\"Came back and shouted again\"}");
        assertEquals(201, byReference.statusCode(), byReference.body());
        assertTrue(staffSend(sam, "POST", lookup, "{" + cardJson + "}").body().contains("\"banned\":true"));

        // Every step above was audited, and the chain still verifies.
        assertTrue(staff(dee, "tenants/riverbend/audit/verification").body().contains("\"intact\":true"));
    }
}
