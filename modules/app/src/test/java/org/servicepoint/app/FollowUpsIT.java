package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Follow-ups, updates to patrons, a matter's history and headquarters' overview in the running application: a patron's
 * mail through the outbox arrives once and leaves no readable address behind; bad input is refused with a problem and
 * stores nothing; another library system's token and ids get nothing.
 */
@Order(6)
class FollowUpsIT extends ServicePointDeployment {

    /** A complaint at Pine Hollow recorded by the desk, with the patron's address when one is given. */
    String complaint(String email) throws Exception {
        String contact = email == null ? "" : ",\"contact\":{\"name\":\"Pat Lee\",\"email\":" + json(email) + ",\"language\":\"es\"}";
        HttpResponse<String> made = staffSend(token("riverbend", "sam"), "POST", "tenants/riverbend/complaints",
                "{\"branch\":\"PINE-HOLLOW\",\"channel\":\"in-person\",\"about\":\"The study rooms are never free\"" + contact + "}");
        assertEquals(201, made.statusCode(), made.body());
        return idIn(made.body());
    }

    static List<String> waitForMail(String address, int atLeast) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (TestMail.messageIdsTo(address).size() < atLeast && System.nanoTime() < until) {
            Thread.sleep(250);
        }
        Thread.sleep(2500); // a few more passes of the worker: nothing may arrive twice
        return TestMail.messageIdsTo(address);
    }

    @Test
    @RunAsClient
    void an_email_update_reaches_the_patron_once_in_their_language_and_the_outbox_keeps_no_readable_address() throws Exception {
        String patron = "pat." + UUID.randomUUID().toString().substring(0, 8) + "@patrons.example";
        String id = complaint(patron);
        String dee = token("riverbend", "dee");
        String key = "update-" + UUID.randomUUID();
        String body = "{\"channel\":\"email\",\"text\":\"A room is kept for you on Tuesdays.\",\"key\":" + json(key) + "}";
        HttpResponse<String> sent = staffSend(dee, "POST", "tenants/riverbend/matters/complaint/" + id + "/updates", body);
        assertEquals(201, sent.statusCode(), sent.body());
        assertTrue(sent.body().contains("\"channel\":\"email\"") && sent.body().contains("\"mail\":{"), sent.body());
        // The same key again (a retried request) records nothing new and mails nothing new.
        HttpResponse<String> again = staffSend(dee, "POST", "tenants/riverbend/matters/complaint/" + id + "/updates", body);
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(idIn(sent.body()), idIn(again.body()));

        List<String> got = waitForMail(patron, 1);
        assertEquals(1, got.size(), "the patron's mails: " + got);
        String mail = TestMail.textsTo(patron).get(0);
        // Riverbend has no template of its own: ServicePoint's Spanish wording, with the reference and the text.
        assertTrue(mail.contains("novedades sobre C-") && mail.contains("A room is kept for you on Tuesdays."), mail);

        HttpResponse<String> history = staff(dee, "tenants/riverbend/matters/complaint/" + id + "/history");
        assertEquals(200, history.statusCode(), history.body());
        assertTrue(history.body().contains("\"kind\":\"update\"") && history.body().contains("\"status\":\"sent\"")
                && history.body().contains("A room is kept for you on Tuesdays."), history.body());
        assertEquals(1, history.body().split("A room is kept", -1).length - 1, history.body());

        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", ""); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from incident_delivery where kind = 'PATRON_MAIL' and (coalesce(email, '') "
                     + "like '%patrons.example%' or encode(coalesce(sealed_email, ''::bytea), 'escape') like '%patrons.example%' "
                     + "or sealed_email is not null and status = 'SENT')")) {
            r.next();
            assertEquals(0, r.getInt(1), "a patron's address readable in the outbox");
        }
    }

    @Test
    @RunAsClient
    void follow_ups_on_an_escalation_are_listed_done_once_in_the_history_and_counted_by_headquarters() throws Exception {
        String sam = token("riverbend", "sam");
        HttpResponse<String> escalated = staffSend(sam, "POST", "tenants/riverbend/escalations",
                "{\"branch\":\"PINE-HOLLOW\",\"situation\":\"complaint\",\"note\":\"A patron asks for the director\"}");
        assertEquals(201, escalated.statusCode(), escalated.body());
        String escalation = idIn(escalated.body());
        String rosaId = onRoster("Rosa", "rosa", "branch-manager", "PINE-HOLLOW");
        String rosa = token("riverbend", "rosa");
        String today = LocalDate.now(ZoneId.of("America/Chicago")).toString();
        String path = "tenants/riverbend/matters/escalation/" + escalation + "/follow-ups";
        HttpResponse<String> added = staffSend(rosa, "POST", path, "{\"what\":\"Call the patron back\",\"dueOn\":\"" + today
                + "\",\"owner\":\"" + rosaId + "\"}");
        assertEquals(201, added.statusCode(), added.body());
        assertTrue(added.headers().firstValue("Location").orElse("").endsWith(idIn(added.body())));
        String followUp = idIn(added.body());
        assertTrue(added.body().contains("\"pastDue\":false") && added.body().contains("\"tagName\":\"Rosa\""), added.body());
        HttpResponse<String> done = staffSend(rosa, "POST", path + "/" + followUp + "/done", "");
        assertEquals(200, done.statusCode(), done.body());
        HttpResponse<String> twice = staffSend(rosa, "POST", path + "/" + followUp + "/done", "");
        assertEquals(done.body(), twice.body());
        HttpResponse<String> history = staff(rosa, "tenants/riverbend/matters/escalation/" + escalation + "/history");
        assertEquals(200, history.statusCode(), history.body());
        assertTrue(history.body().indexOf("\"kind\":\"follow-up\"") < history.body().indexOf("\"kind\":\"follow-up-done\""),
                history.body());
        assertEquals(1, history.body().split("follow-up-done", -1).length - 1, history.body());

        String dee = token("riverbend", "dee");
        HttpResponse<String> overview = staff(dee, "tenants/riverbend/patron-requests/overview");
        assertEquals(200, overview.statusCode(), overview.body());
        assertTrue(overview.body().contains("\"code\":\"PINE-HOLLOW\"") && overview.body().contains(escalation), overview.body());
        HttpResponse<String> own = staff(rosa, "tenants/riverbend/patron-requests/overview");
        assertEquals(200, own.statusCode(), own.body());
        assertFalse(own.body().contains("\"code\":\"HQ\""), "a person in charge sees their own branch: " + own.body());
        assertProblem(staff(rosa, "tenants/riverbend/patron-requests/overview?branch=HQ"), 404, "not-found");
        HttpResponse<String> csv = HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL
                        + "/api/tenants/riverbend/patron-requests/overview.csv?branch=PINE-HOLLOW"))
                .header("Authorization", "Bearer " + dee).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("patron-requests-riverbend-PINE-HOLLOW.csv"));
        assertTrue(csv.body().contains("kind,reference,branch") && csv.body().contains(escalation.substring(0, 8).toUpperCase()),
                csv.body());
        assertProblem(staff(sam, "tenants/riverbend/patron-requests/overview"), 403, "forbidden");
    }

    @Test
    @RunAsClient
    void bad_input_on_every_endpoint_is_refused_with_a_problem_and_stores_nothing() throws Exception {
        String id = complaint(null);
        String dee = token("riverbend", "dee");
        String deeId = onRoster("Dee", "dee", "executive-director", "HQ");
        String base = "tenants/riverbend/matters/complaint/" + id;
        String today = LocalDate.now(ZoneId.of("America/Chicago")).toString();
        String[] badFollowUps = {
            "{\"what\":\"" + "x".repeat(501) + "\",\"dueOn\":\"" + today + "\",\"owner\":\"" + deeId + "\"}",
            "{\"what\":\"<script>alert(1)</script>\",\"dueOn\":\"" + today + "\",\"owner\":\"" + deeId + "\"}",
            "{\"what\":\"Call back\",\"dueOn\":\"2020-01-01\",\"owner\":\"" + deeId + "\"}",
            "{\"what\":\"Call back\",\"dueOn\":\"soon\",\"owner\":\"" + deeId + "\"}",
            "{\"what\":\"Call back\",\"dueOn\":\"" + today + "\",\"owner\":\"" + UUID.randomUUID() + "\"}",
            "{\"what\":\"Call back\",\"dueOn\":\"" + today + "\"}",
            "{\"what\":\"\\u0007\",\"dueOn\":\"" + today + "\",\"owner\":\"" + deeId + "\"}",
        };
        for (String bad : badFollowUps) {
            assertProblem(staffSend(dee, "POST", base + "/follow-ups", bad), 400, "invalid-input");
        }
        String[] badUpdates = {
            "{\"channel\":\"pigeon\",\"text\":\"Hello\"}",
            "{\"channel\":\"phone\",\"text\":\"" + "y".repeat(4001) + "\"}",
            "{\"channel\":\"phone\",\"text\":\"<b>bold</b>\"}",
            "{\"channel\":\"phone\",\"text\":\"Hello\",\"key\":\"no spaces allowed\"}",
            "{\"channel\":\"phone\"}",
        };
        for (String bad : badUpdates) {
            assertProblem(staffSend(dee, "POST", base + "/updates", bad), 400, "invalid-input");
        }
        // An email to a patron who left no address cannot be sent: 422, and nothing is recorded.
        assertProblem(staffSend(dee, "POST", base + "/updates", "{\"channel\":\"email\",\"text\":\"Hello\"}"), 422, "no-patron-address");
        assertProblem(staff(dee, "tenants/riverbend/matters/parcel/" + id + "/follow-ups"), 404, "not-found");
        assertProblem(staff(dee, "tenants/riverbend/matters/complaint/" + UUID.randomUUID() + "/history"), 404, "not-found");
        assertProblem(staff(dee, "tenants/riverbend/matters/complaint/not-an-id/history"), 404, "not-found");
        assertProblem(staffSend(dee, "POST", base + "/follow-ups/" + UUID.randomUUID() + "/done", ""), 404, "not-found");
        assertProblem(staff(dee, "tenants/riverbend/patron-requests/overview?branch=%3Cscript%3E"), 400, "invalid-input");

        assertEquals("[]", staff(dee, base + "/follow-ups").body());
        assertEquals("[]", staff(dee, base + "/history").body());
    }

    @Test
    @RunAsClient
    void another_library_systems_token_and_ids_get_nothing() throws Exception {
        String id = complaint(null);
        String dee = token("riverbend", "dee");
        String deeId = onRoster("Dee", "dee", "executive-director", "HQ");
        String today = LocalDate.now(ZoneId.of("America/Chicago")).toString();
        assertEquals(201, staffSend(dee, "POST", "tenants/riverbend/matters/complaint/" + id + "/follow-ups",
                "{\"what\":\"Ask facilities about rooms\",\"dueOn\":\"" + today + "\",\"owner\":\"" + deeId + "\"}").statusCode());
        String priya = token("hollis-college", "priya");
        for (String path : List.of("tenants/riverbend/matters/complaint/" + id + "/follow-ups",
                "tenants/riverbend/matters/complaint/" + id + "/history", "tenants/riverbend/patron-requests/overview",
                "tenants/hollis-college/matters/complaint/" + id + "/follow-ups",
                "tenants/hollis-college/matters/complaint/" + id + "/history")) {
            HttpResponse<String> seen = staff(priya, path);
            assertTrue(seen.statusCode() == 404 || seen.statusCode() == 403, path + ": " + seen.body());
            assertFalse(seen.body().contains("Ask facilities"), seen.body());
        }
        HttpResponse<String> written = staffSend(priya, "POST", "tenants/hollis-college/matters/complaint/" + id + "/updates",
                "{\"channel\":\"phone\",\"text\":\"Called\"}");
        assertProblem(written, 404, "not-found");
        assertFalse(staff(dee, "tenants/riverbend/matters/complaint/" + id + "/history").body().contains("Called"));
    }
}
