package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Complaints over HTTP with real tokens, real mail (GreenMail) and riverbend's patron-requests.yaml (the executive
 * director handles complaints): bad input refused with problem+json and nothing stored; recorded once by the desk
 * citing a policy; the director told first, once, in the app and by one mail to the roster address; opened, responded
 * to by email (the patron's mail arrives) and closed, each step listed; the branch rule; another library system
 * reaching none of it.
 */
@Order(6)
class ComplaintsIT extends ServicePointDeployment {

    static final String COMPLAINTS = "tenants/riverbend/complaints";
    static final String DEE_MAIL = "dee@riverbend.example";

    /** A string field of the first object holding it, or null when it is null or absent. */
    static String field(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(null|\"((?:[^\"\\\\]|\\\\.)*)\")").matcher(body);
        return m.find() && m.group(2) != null ? m.group(2) : null;
    }

    static int count(String body, String part) {
        int n = 0;
        for (int i = body.indexOf(part); i >= 0; i = body.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** Someone on riverbend's roster with this username and roster address, added or given the address once. */
    String onRosterWithEmail(String tagName, String username, String position, String branch, String email) throws Exception {
        String dee = token("riverbend", "dee");
        String id = onRoster(tagName, username, position, branch);
        HttpResponse<String> entry = staff(dee, "tenants/riverbend/staff/" + id);
        assertEquals(200, entry.statusCode(), entry.body());
        if (!email.equals(field(entry.body(), "email"))) {
            HttpResponse<String> changed = staffSend(dee, "PUT", "tenants/riverbend/staff/" + id, "{\"tagName\":" + json(tagName)
                    + ",\"username\":" + json(username) + ",\"position\":" + json(position) + ",\"branch\":" + json(branch)
                    + ",\"employmentType\":\"permanent\",\"startsOn\":" + json(field(entry.body(), "startsOn"))
                    + ",\"version\":" + versionIn(entry.body()) + ",\"email\":" + json(email) + "}");
            assertEquals(200, changed.statusCode(), changed.body());
        }
        return id;
    }

    static void waitForMail(int skip, String address, String inSubject) throws Exception {
        for (int i = 0; i < 120 && TestMail.to(skip, address, inSubject) == 0; i++) {
            Thread.sleep(250);
        }
    }

    @Test
    @RunAsClient
    void a_complaint_tells_the_director_first_once_and_goes_through_every_step() throws Exception {
        String sam = token("riverbend", "sam"); // desk, Pine Hollow
        String moss = token("riverbend", "moss"); // branch manager, Mossy Creek
        String rosa = token("riverbend", "rosa"); // person in charge, Pine Hollow
        String dee = token("riverbend", "dee"); // executive director, headquarters and tenant admin
        String deeId = onRosterWithEmail("Dee", "dee", "executive-director", "HQ", DEE_MAIL);
        onRoster("Sam", "sam", "library-assistant", "PINE-HOLLOW");
        onRoster("Rosa", "rosa", "branch-manager", "PINE-HOLLOW");
        String mark = "Charged twice for a book I returned <3 " + UUID.randomUUID();
        String patron = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String wanted = "{\"channel\":\"in-person\",\"about\":" + json(mark) + ",\"policy\":\"overdue-fines\","
                + "\"asks\":\"A refund\",\"contact\":{\"name\":\"Pat\",\"email\":\"" + patron + "\",\"language\":\"en\"},"
                + "\"key\":\"it-" + UUID.randomUUID() + "\"}";
        int before = count(staff(dee, COMPLAINTS).body(), "\"reference\"");
        int mailBefore = TestMail.messageCount();

        // Bad input: 400 problem+json, the text sent not echoed, nothing stored.
        String[] bad = {
                wanted.replace(json(mark), "\"<b>bold</b>\""),
                wanted.replace(json(mark), json("x".repeat(2001))),
                wanted.replace(json(mark), "\"  \""),
                wanted.replace("in-person", "fax"),
                wanted.replace("overdue-fines", "no-such-policy"),
                wanted.replace("\"channel\"", "\"branch\":\"NO-SUCH\",\"channel\""),
                wanted.replace(patron, "not-an-address"),
                wanted.replace("\"language\":\"en\"", "\"language\":\"fr\""),
                wanted.replace("\"asks\"", "\"colour\":\"red\",\"asks\""),
                "not json"};
        for (String body : bad) {
            HttpResponse<String> refused = staffSend(sam, "POST", COMPLAINTS, body);
            assertEquals(400, refused.statusCode(), body + " → " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), refused.body());
            assertFalse(refused.body().contains("bold</b>") || refused.body().contains(patron), refused.body());
        }
        assertProblem(staffSend(sam, "POST", COMPLAINTS, bad[0]), 400, "invalid-input");
        // The desk records at its own branch only; another library system's token reaches nothing.
        assertProblem(staffSend(sam, "POST", COMPLAINTS, wanted.replace("\"channel\"", "\"branch\":\"MOSSY-CREEK\",\"channel\"")),
                403, "forbidden");
        String priya = token("hollis-college", "priya");
        assertProblem(staffSend(priya, "POST", COMPLAINTS, wanted), 404, "not-found");
        assertEquals(before, count(staff(dee, COMPLAINTS).body(), "\"reference\""), "nothing was stored by the refused requests");

        // Recorded at Sam's branch; the same key again is the same complaint.
        HttpResponse<String> made = staffSend(sam, "POST", COMPLAINTS, wanted);
        assertEquals(201, made.statusCode(), made.body());
        String id = idIn(made.body());
        String reference = field(made.body(), "reference");
        assertNotNull(reference, made.body());
        assertTrue(reference.matches("C-\\d{4}-\\d{4}"), reference);
        assertTrue(made.headers().firstValue("Location").orElse("").endsWith("/complaints/" + id), made.headers().toString());
        assertTrue(made.body().contains("\"branch\":\"PINE-HOLLOW\"") && made.body().contains("\"state\":\"received\"")
                && made.body().contains("\"hasContact\":true") && made.body().contains("\"recordedBy\":\"sam\"")
                && made.body().contains("\"position\":\"executive-director\"") && made.body().contains("\"staffId\":\"" + deeId + "\"")
                && made.body().contains("\"title\":\"Overdue fines") && made.body().contains(mark), made.body());
        assertFalse(made.body().contains(patron), "the contact is not shown: " + made.body());
        String toldAt = field(made.body(), "directorToldAt");
        assertNotNull(toldAt, "the director was told in the recording transaction: " + made.body());
        HttpResponse<String> again = staffSend(sam, "POST", COMPLAINTS, wanted);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(id, idIn(again.body()));
        assertEquals(before + 1, count(staff(dee, COMPLAINTS).body(), "\"reference\""));

        // The director's notice: once, naming the reference, branch and policy, never what the patron said.
        String notices = staff(dee, "tenants/riverbend/duty/notices").body();
        assertEquals(1, count(notices, reference), notices);
        assertTrue(notices.contains("Pine Hollow") && notices.contains("Overdue fines"), notices);
        assertFalse(notices.contains("Charged twice"), notices);
        // The director's mail: exactly one, to the roster address, without the patron's words.
        waitForMail(mailBefore, DEE_MAIL, reference);
        Thread.sleep(1500); // a second mail would have come by now: the outbox is polled every second
        assertEquals(1, TestMail.to(mailBefore, DEE_MAIL, reference), "one mail to the director's roster address");
        String mailText = TestMail.textTo(mailBefore, DEE_MAIL, reference);
        assertTrue(mailText.contains(reference) && !mailText.contains("Charged twice"), mailText);

        // Desk and person in charge of the branch read it without opening it for the director; Mossy Creek sees nothing.
        HttpResponse<String> bySam = staff(sam, COMPLAINTS + "/" + id);
        assertEquals(200, bySam.statusCode(), bySam.body());
        assertNull(field(bySam.body(), "directorOpenedAt"), bySam.body());
        assertTrue(staff(rosa, COMPLAINTS).body().contains(id));
        assertFalse(staff(moss, COMPLAINTS).body().contains(id));
        assertProblem(staff(moss, COMPLAINTS + "/" + id), 404, "not-found");
        assertProblem(staff(moss, COMPLAINTS + "?branch=PINE-HOLLOW"), 404, "not-found");
        // Only the handling position, headquarters and tenant admins respond.
        assertProblem(staffSend(sam, "POST", COMPLAINTS + "/" + id + "/response", "{\"text\":\"Sorry\",\"channel\":\"phone\"}"),
                403, "forbidden");
        assertProblem(staffSend(rosa, "POST", COMPLAINTS + "/" + id + "/close", "{}"), 403, "forbidden");

        // The director opens it: with the director, once.
        HttpResponse<String> opened = staff(dee, COMPLAINTS + "/" + id);
        assertEquals(200, opened.statusCode(), opened.body());
        String openedAt = field(opened.body(), "directorOpenedAt");
        assertNotNull(openedAt, opened.body());
        assertTrue(opened.body().contains("\"state\":\"with-director\""), opened.body());
        assertEquals(openedAt, field(staff(dee, COMPLAINTS + "/" + id).body(), "directorOpenedAt"));

        // Bad responses change nothing; by email the patron's mail arrives once.
        assertProblem(staffSend(dee, "POST", COMPLAINTS + "/" + id + "/response", "{\"text\":\"<script>x</script>\",\"channel\":\"email\"}"),
                400, "invalid-input");
        assertProblem(staffSend(dee, "POST", COMPLAINTS + "/" + id + "/response", "{\"text\":\"Sorry\",\"channel\":\"letter\"}"),
                400, "invalid-input");
        assertFalse(staff(dee, COMPLAINTS + "/" + id).body().contains("\"response\":{"), "nothing stored");
        HttpResponse<String> responded = staffSend(dee, "POST", COMPLAINTS + "/" + id + "/response",
                "{\"text\":\"We refunded the second charge.\",\"channel\":\"email\"}");
        assertEquals(200, responded.statusCode(), responded.body());
        assertTrue(responded.body().contains("\"state\":\"responded\"") && responded.body().contains("We refunded"), responded.body());
        waitForMail(mailBefore, patron, reference);
        assertEquals(1, TestMail.to(mailBefore, patron, reference), "the patron's mail arrived");
        assertProblem(staffSend(dee, "POST", COMPLAINTS + "/" + id + "/response", "{\"text\":\"Again\",\"channel\":\"phone\"}"),
                409, "conflict");

        // Closed, and every step listed in order: the director was told before anything else happened.
        HttpResponse<String> closed = staffSend(dee, "POST", COMPLAINTS + "/" + id + "/close", "{\"note\":\"Refund confirmed\"}");
        assertEquals(200, closed.statusCode(), closed.body());
        assertTrue(closed.body().contains("\"state\":\"closed\"") && field(closed.body(), "closedAt") != null, closed.body());
        assertProblem(staffSend(dee, "POST", COMPLAINTS + "/" + id + "/close", "{}"), 409, "conflict");
        Matcher steps = Pattern.compile("\\{\"at\":\"([^\"]+)\",\"step\":\"([a-z-]+)\"").matcher(closed.body());
        List<String> names = new ArrayList<>();
        OffsetDateTime told = OffsetDateTime.parse(toldAt);
        while (steps.find()) {
            names.add(steps.group(2));
            if (!steps.group(2).equals("received")) {
                assertFalse(OffsetDateTime.parse(steps.group(1)).isBefore(told), steps.group(2) + " before the director was told");
            }
        }
        assertEquals(List.of("received", "director-told", "opened", "responded", "closed"), names, closed.body());
        assertFalse(OffsetDateTime.parse(openedAt).isBefore(told));
        assertEquals(1, TestMail.to(mailBefore, DEE_MAIL, reference), "still one mail to the director");
        assertEquals(1, count(staff(dee, "tenants/riverbend/duty/notices").body(), reference));

        // Another library system's token reaches none of it, by slug or by id.
        assertProblem(staff(priya, COMPLAINTS), 404, "not-found");
        assertProblem(staff(priya, COMPLAINTS + "/" + id), 404, "not-found");
        assertProblem(staff(priya, "tenants/hollis-college/complaints/" + id), 404, "not-found");
        assertFalse(staff(priya, "tenants/hollis-college/complaints").body().contains(id));
    }

    @Test
    @RunAsClient
    void a_response_by_email_without_an_address_is_refused_and_lists_filter_strictly() throws Exception {
        String sam = token("riverbend", "sam");
        String dee = token("riverbend", "dee");
        onRosterWithEmail("Dee", "dee", "executive-director", "HQ", DEE_MAIL);
        onRoster("Sam", "sam", "library-assistant", "PINE-HOLLOW");
        HttpResponse<String> made = staffSend(sam, "POST", COMPLAINTS, "{\"channel\":\"phone\",\"about\":\"The restroom was locked "
                + UUID.randomUUID() + "\"}");
        assertEquals(201, made.statusCode(), made.body());
        String id = idIn(made.body());
        assertTrue(!made.body().contains("\"policy\":{") && made.body().contains("\"hasContact\":false"), made.body());

        assertProblem(staffSend(dee, "POST", COMPLAINTS + "/" + id + "/response", "{\"text\":\"Sorry\",\"channel\":\"email\"}"),
                422, "no-patron-email");
        assertFalse(staff(dee, COMPLAINTS + "/" + id).body().contains("\"response\":{"), "nothing stored");
        HttpResponse<String> byPhone = staffSend(dee, "POST", COMPLAINTS + "/" + id + "/response",
                "{\"text\":\"Called back: the restroom is open again.\",\"channel\":\"phone\"}");
        assertEquals(200, byPhone.statusCode(), byPhone.body());

        assertTrue(staff(dee, COMPLAINTS + "?state=responded&branch=PINE-HOLLOW").body().contains(id));
        assertFalse(staff(dee, COMPLAINTS + "?state=received").body().contains(id));
        assertFalse(staff(dee, COMPLAINTS + "?overdue=true").body().contains(id));
        assertProblem(staff(dee, COMPLAINTS + "?state=lost"), 400, "invalid-input");
        assertProblem(staff(dee, COMPLAINTS + "?overdue=maybe"), 400, "invalid-input");
        assertProblem(staff(dee, COMPLAINTS + "?branch=NO-SUCH"), 400, "invalid-input");
        assertProblem(staff(dee, COMPLAINTS + "/not-an-id"), 404, "not-found");
        assertProblem(staffSend(dee, "POST", COMPLAINTS + "/" + id + "/close", "{\"note\":" + json("n".repeat(501)) + "}"),
                400, "invalid-input");
        assertTrue(staff(dee, COMPLAINTS + "/" + id).body().contains("\"closedAt\":null"), "nothing stored");
    }
}
