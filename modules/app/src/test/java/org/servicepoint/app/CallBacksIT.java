package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The call-back queue over HTTP, with real tokens: offered at the desk with a due time, claimed, an attempt, done;
 * handed over; bad input on every endpoint refused with problem+json and nothing stored; the branch rule; and another
 * library system's token and ids reaching nothing.
 */
@Order(6)
class CallBacksIT extends ServicePointDeployment {

    static final String CALL_BACKS = "tenants/riverbend/call-backs";

    static String offer(String question) {
        return "{\"branch\":\"PINE-HOLLOW\",\"question\":" + json(question)
                + ",\"contact\":{\"name\":\"Ada\",\"phone\":\"555-0142\",\"language\":\"en\"}}";
    }

    @Test
    @RunAsClient
    void a_call_back_is_offered_claimed_tried_and_done_and_bad_input_stores_nothing() throws Exception {
        String sam = token("riverbend", "sam"); // desk, Pine Hollow
        String moss = token("riverbend", "moss"); // branch manager, Mossy Creek
        String dee = token("riverbend", "dee"); // headquarters and tenant admin
        String question = "Which large-print books came in this week? " + UUID.randomUUID();
        String wanted = offer(question);
        String everything = CALL_BACKS;
        String before = staff(dee, everything).body();

        String[] bad = {
                wanted.replace(",\"contact\":{\"name\":\"Ada\",\"phone\":\"555-0142\",\"language\":\"en\"}", ""),
                wanted.replace("\"phone\":\"555-0142\",", ""),
                wanted.replace("555-0142", "call me <b>now</b>"),
                wanted.replace("\"language\":\"en\"", "\"language\":\"fr\""),
                wanted.replace(json(question), "\"<script>alert(1)</script>\""),
                wanted.replace(json(question), json("x".repeat(1001))),
                wanted.replace(json(question), "\"   \""),
                wanted.replace("PINE-HOLLOW", "NO-SUCH"),
                wanted.replace("PINE-HOLLOW", "pine hollow"),
                wanted.replace("{\"branch\"", "{\"key\":\"no spaces allowed\",\"branch\""),
                wanted.replace("{\"branch\"", "{\"colour\":\"red\",\"branch\""),
                "not json"};
        for (String body : bad) {
            HttpResponse<String> refused = staffSend(sam, "POST", CALL_BACKS, body);
            assertEquals(400, refused.statusCode(), body + " → " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), refused.body());
            assertFalse(refused.body().contains("alert(1)"), refused.body());
        }
        assertProblem(staffSend(sam, "POST", CALL_BACKS, bad[0]), 400, "invalid-input");
        // Desk staff offer at their own branch only.
        assertProblem(staffSend(sam, "POST", CALL_BACKS, wanted.replace("PINE-HOLLOW", "MOSSY-CREEK")), 403, "forbidden");
        assertProblem(staff(sam, CALL_BACKS + "?state=lost"), 400, "invalid-input");
        assertProblem(staff(sam, CALL_BACKS + "?branch=bad%20branch"), 400, "invalid-input");
        assertEquals(before, staff(dee, everything).body(), "nothing was stored by the refused requests");

        // Offered: numbered, due by the rule, in the branch's queue.
        HttpResponse<String> made = staffSend(sam, "POST", CALL_BACKS, wanted.replace("{\"branch\"", "{\"key\":\"it-offer-1\",\"branch\""));
        assertEquals(201, made.statusCode(), made.body());
        String id = idIn(made.body());
        assertTrue(made.headers().firstValue("Location").orElse("").endsWith("/call-backs/" + id), made.headers().toString());
        assertTrue(made.body().matches(".*\"reference\":\"B-20[0-9]{2}-[0-9]{4}\".*") && made.body().contains("\"dueAt\":\"")
                && made.body().contains("\"state\":\"open\"") && made.body().contains(question), made.body());
        HttpResponse<String> again = staffSend(sam, "POST", CALL_BACKS, wanted.replace("{\"branch\"", "{\"key\":\"it-offer-1\",\"branch\""));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(id, idIn(again.body()));
        String queue = staff(sam, CALL_BACKS).body();
        assertTrue(queue.contains(id) && !queue.contains(question), "the queue lists no question: " + queue);

        // Bad input on the other endpoints: nothing changes.
        assertProblem(staffSend(sam, "POST", CALL_BACKS + "/" + id + "/attempts", "{\"outcome\":\"maybe\"}"), 400, "invalid-input");
        assertProblem(staffSend(sam, "POST", CALL_BACKS + "/" + id + "/attempts", "{}"), 400, "invalid-input");
        assertProblem(staffSend(sam, "POST", CALL_BACKS + "/" + id + "/hand-over", "{}"), 400, "invalid-input");
        assertProblem(staffSend(sam, "POST", CALL_BACKS + "/" + id + "/hand-over", "{\"to\":\"" + UUID.randomUUID() + "\"}"),
                400, "invalid-input");
        assertProblem(staffSend(sam, "POST", CALL_BACKS + "/" + id + "/hand-over", "{\"to\":\"not-a-uuid\"}"), 400, "unreadable-body");
        assertProblem(staffSend(sam, "POST", CALL_BACKS + "/" + id + "/contact", ""), 409, "conflict");
        assertProblem(staffSend(sam, "POST", CALL_BACKS + "/" + UUID.randomUUID() + "/claim", ""), 404, "not-found");
        assertProblem(staffSend(sam, "POST", CALL_BACKS + "/not-an-id/claim", ""), 404, "not-found");
        assertProblem(staff(sam, CALL_BACKS + "/colleagues"), 400, "invalid-input");
        assertTrue(staff(sam, CALL_BACKS + "/" + id).body().contains("\"state\":\"open\""));

        // The branch rule: Mossy Creek's manager neither lists, reads nor claims it; headquarters sees it.
        assertFalse(staff(moss, CALL_BACKS).body().contains(id));
        assertProblem(staff(moss, CALL_BACKS + "/" + id), 404, "not-found");
        assertProblem(staffSend(moss, "POST", CALL_BACKS + "/" + id + "/claim", ""), 404, "not-found");
        assertProblem(staff(moss, CALL_BACKS + "?branch=PINE-HOLLOW"), 404, "not-found");
        assertTrue(staff(dee, CALL_BACKS + "?branch=PINE-HOLLOW").body().contains(id));

        // Claimed, the contact revealed to make the call, no answer, then done.
        HttpResponse<String> claimed = staffSend(sam, "POST", CALL_BACKS + "/" + id + "/claim", "");
        assertEquals(200, claimed.statusCode(), claimed.body());
        assertTrue(claimed.body().contains("\"claimedBy\":\"sam\"") && claimed.body().contains("\"mine\":true"), claimed.body());
        assertProblem(staffSend(dee, "POST", CALL_BACKS + "/" + id + "/claim", ""), 409, "conflict");
        HttpResponse<String> contact = staffSend(sam, "POST", CALL_BACKS + "/" + id + "/contact", "");
        assertEquals(200, contact.statusCode(), contact.body());
        assertTrue(contact.body().contains("\"phone\":\"555-0142\""), contact.body());
        HttpResponse<String> noAnswer = staffSend(sam, "POST", CALL_BACKS + "/" + id + "/attempts", "{\"outcome\":\"no-answer\"}");
        assertEquals(200, noAnswer.statusCode(), noAnswer.body());
        assertTrue(noAnswer.body().contains("\"state\":\"claimed\"") && noAnswer.body().contains("\"outcome\":\"no-answer\""), noAnswer.body());
        HttpResponse<String> done = staffSend(sam, "POST", CALL_BACKS + "/" + id + "/attempts", "{\"outcome\":\"done\"}");
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("\"state\":\"done\"") && done.body().contains("\"closedAt\":\""), done.body());
        assertFalse(staff(sam, CALL_BACKS).body().contains(id));
        assertTrue(staff(sam, CALL_BACKS + "?state=done").body().contains(id));
        assertProblem(staffSend(sam, "POST", CALL_BACKS + "/" + id + "/attempts", "{\"outcome\":\"done\"}"), 409, "conflict");

        // Handed over to someone on the roster at the branch, who then holds it.
        String rosa = onRoster("Rosa", "rosa", "branch-manager", "PINE-HOLLOW");
        String second = idIn(staffSend(sam, "POST", CALL_BACKS, offer("Renew a museum pass?")).body());
        assertTrue(staff(sam, CALL_BACKS + "/colleagues?branch=PINE-HOLLOW").body().contains(rosa));
        HttpResponse<String> handed = staffSend(sam, "POST", CALL_BACKS + "/" + second + "/hand-over", "{\"to\":\"" + rosa + "\"}");
        assertEquals(200, handed.statusCode(), handed.body());
        assertTrue(handed.body().contains("\"claimedBy\":\"rosa\"") && handed.body().contains("\"step\":\"handed-over\""), handed.body());
        assertProblem(staffSend(sam, "POST", CALL_BACKS + "/" + second + "/attempts", "{\"outcome\":\"no-answer\"}"), 409, "conflict");

        // Another library system's token reaches nothing of it, by slug or by id.
        String priya = token("hollis-college", "priya");
        assertProblem(staff(priya, CALL_BACKS), 404, "not-found");
        assertProblem(staff(priya, CALL_BACKS + "/" + id), 404, "not-found");
        assertProblem(staff(priya, "tenants/hollis-college/call-backs/" + id), 404, "not-found");
        assertProblem(staffSend(priya, "POST", "tenants/hollis-college/call-backs/" + second + "/claim", ""), 404, "not-found");
        assertProblem(staffSend(priya, "POST", "tenants/hollis-college/call-backs/" + second + "/contact", ""), 404, "not-found");
        assertFalse(staff(priya, "tenants/hollis-college/call-backs").body().contains(second));
        assertProblem(staffSend(priya, "POST", CALL_BACKS, wanted), 404, "not-found");
    }

    /** Plain SQL as the database's superuser: to move a call-back's times back, as the clock would. */
    static void sql(String statement, String id) throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "");
             PreparedStatement p = c.prepareStatement(statement)) {
            p.setObject(1, UUID.fromString(id));
            assertEquals(1, p.executeUpdate(), statement);
        }
    }

    /** In-app notices, to anyone, that name a reference. */
    static long notices(String reference) throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "");
             // Told in the app, or by mail when the person told has an address but no sign-in.
             PreparedStatement p = c.prepareStatement("select (select count(*) from staff_notice where text like ?)"
                     + " + (select count(*) from incident_delivery where kind = 'STAFF_MAIL' and subject like ?)")) {
            p.setString(1, "%" + reference + "%");
            p.setString(2, "%" + reference + "%");
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The call-back as headquarters reads it, once {@code field} has a time (the watch runs every second here). */
    String once(String token, String id, String field) throws Exception {
        String body = "";
        for (int i = 0; i < 60; i++) {
            body = staff(token, CALL_BACKS + "/" + id).body();
            if (body.contains("\"" + field + "\":\"")) {
                return body;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(field + " never set: " + body);
    }

    static String textIn(String body, String field) {
        var m = java.util.regex.Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(body);
        assertTrue(m.find(), field + " in " + body);
        return m.group(1);
    }

    @Test
    @RunAsClient
    void an_overdue_call_back_is_told_to_the_person_in_charge_once_and_later_to_headquarters_once() throws Exception {
        String sam = token("riverbend", "sam");
        String dee = token("riverbend", "dee");
        onRoster("Rosa", "rosa", "branch-manager", "PINE-HOLLOW");
        onRoster("Dee", "dee", "executive-director", "HQ");
        HttpResponse<String> made = staffSend(sam, "POST", CALL_BACKS, offer("When does the book sale start?"));
        assertEquals(201, made.statusCode(), made.body());
        String id = idIn(made.body());
        String reference = textIn(made.body(), "reference");
        assertFalse(made.body().contains("\"inChargeToldAt\":\""), made.body());

        sql("update call_back set due_at = now() - interval '1 hour' where id = ?", id);
        String told = once(dee, id, "inChargeToldAt");
        assertTrue(told.contains("\"overdue\":true") && !told.contains("\"headquartersToldAt\":\""), told);
        long inCharge = notices(reference);
        assertTrue(inCharge >= 1, "the person in charge has a notice of " + reference);
        Thread.sleep(3000);
        String later = staff(dee, CALL_BACKS + "/" + id).body();
        assertEquals(textIn(told, "inChargeToldAt"), textIn(later, "inChargeToldAt"), "told once");
        assertEquals(inCharge, notices(reference), "no second notice while headquarters' time has not come");

        sql("update call_back set in_charge_told_at = now() - interval '3 hours' where id = ?", id);
        String escalated = once(dee, id, "headquartersToldAt");
        assertTrue(notices(reference) > inCharge, "headquarters has a notice of " + reference + ": " + escalated);
        long both = notices(reference);
        Thread.sleep(3000);
        assertEquals(both, notices(reference), "headquarters is told once");
        assertEquals(textIn(escalated, "headquartersToldAt"), textIn(staff(dee, CALL_BACKS + "/" + id).body(), "headquartersToldAt"));
    }
}
