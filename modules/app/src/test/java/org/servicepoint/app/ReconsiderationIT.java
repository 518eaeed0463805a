package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A request to reconsider a library item over HTTP, as a patron and the committee meet it: sent on the public form,
 * reviewed step by step in order by the committee, decided with reasons, and the decision letter printed and read
 * back. Bad input on every endpoint is refused with problem+json and nothing stored; desk staff see nothing; another
 * library system's token reaches none of it.
 */
@Order(6)
class ReconsiderationIT extends ServicePointDeployment {

    static final String R = "tenants/riverbend/reconsiderations";
    static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    static final Pattern REFERENCE = Pattern.compile("ref=(R-\\d{4}-\\d{4,})");

    /** The public form at Pine Hollow, filled in and sent as a browser without JavaScript would: its reference. */
    String sentOnThePublicForm(Map<String, String> fields) throws Exception {
        String page = APP_URL + "/p/riverbend/pine-hollow/reconsider";
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode(), form.body());
        Map<String, String> sent = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(form.body());
        while (hidden.find()) {
            sent.put(hidden.group(1), hidden.group(2).replace("&amp;", "&"));
        }
        sent.put("website", "");
        sent.putAll(fields);
        // A person takes a while to fill in a form; the page refuses what comes back faster than that.
        Thread.sleep(3_500);
        String body = sent.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, posted.statusCode(), posted.body());
        Matcher reference = REFERENCE.matcher(posted.headers().firstValue("Location").orElse(""));
        assertTrue(reference.find(), posted.headers().toString());
        return reference.group(1);
    }

    /** The list entry of one request (entries start with their id; the item inside them does not). */
    static String entry(String list, String reference) {
        int at = list.indexOf("\"reference\":\"" + reference + "\"");
        assertTrue(at > 0, list);
        int end = list.indexOf("{\"id\":", at);
        return list.substring(list.lastIndexOf("{\"id\":", at), end < 0 ? list.length() : end);
    }

    HttpResponse<byte[]> letter(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(APP_URL + "/api/" + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/pdf, application/problem+json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    void assertRefused(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    @RunAsClient
    void a_request_from_the_public_form_goes_through_every_step_to_a_decision_letter_that_says_why() throws Exception {
        String dee = token("riverbend", "dee"); // executive director: headquarters and tenant admin
        String rosa = token("riverbend", "rosa"); // branch manager at Pine Hollow: a committee position in Riverbend's rules
        String sam = token("riverbend", "sam"); // desk staff, on no committee
        onRoster("Rosa", "rosa", "branch-manager", "PINE-HOLLOW");
        onRoster("Sam", "sam", "library-assistant", "PINE-HOLLOW");
        String mark = UUID.randomUUID().toString().substring(0, 8);
        String title = "The Quiet Fox " + mark;
        String objection = "The fox hunt is drawn in detail; my daughter Ana was frightened " + mark;

        String reference = sentOnThePublicForm(Map.of("title", title, "author", "Mara Pell", "format", "book",
                "objection", objection, "consumed", "whole", "asks", "Move it out of the picture books.",
                "name", "Zoë Patron " + mark, "email", "zoe." + mark + "@example.org"));
        assertTrue(reference.matches("R-\\d{4}-\\d{4,}"), reference);

        HttpResponse<String> list = staff(dee, R);
        assertEquals(200, list.statusCode(), list.body());
        String listed = entry(list.body(), reference);
        assertTrue(listed.contains("\"branch\":\"PINE-HOLLOW\"") && listed.contains("\"state\":\"received\""), list.body());
        assertFalse(list.body().contains(objection), "a list carries no patron text: " + list.body());
        String id = idIn(listed);
        String one = R + "/" + id;

        HttpResponse<String> received = staff(rosa, one);
        assertEquals(200, received.statusCode(), received.body());
        String view = received.body();
        assertTrue(view.contains(objection) && view.contains("\"consumed\":\"whole\"") && view.contains("\"hasContact\":true")
                && view.contains("\"letter\":false") && view.contains("The item stays on the shelf")
                && view.contains("\"position\":\"executive-director\""), view);
        assertTrue(objectWith(view, "\"step\":\"acknowledge\"", "\"days\":5").contains("\"dueAt\":\""), view);
        assertFalse(view.contains(mark + "@example.org") || view.contains("Zoë Patron"), "the contact is not shown: " + view);

        // Out of order, the decision's own step, an unknown step, a decision too soon, a letter too soon: nothing changes.
        String note = "{\"note\":\"Read it twice.\"}";
        assertProblem(staffSend(rosa, "POST", one + "/steps/read-and-review", note), 409, "conflict");
        assertProblem(staffSend(rosa, "POST", one + "/steps/decide", note), 409, "conflict");
        assertProblem(staffSend(rosa, "POST", one + "/steps/burn-it", note), 404, "not-found");
        String decision = "{\"outcome\":\"relabel\",\"reasons\":\"Suited to readers from eight on; the label now says so.\"}";
        assertProblem(staffSend(dee, "POST", one + "/decision", decision), 409, "conflict");
        assertEquals(409, letter(dee, one + "/letter").statusCode());

        // Desk staff on no committee see and change nothing.
        assertProblem(staff(sam, R), 403, "forbidden");
        assertProblem(staff(sam, one), 403, "forbidden");
        assertProblem(staffSend(sam, "POST", one + "/steps/acknowledge", note), 403, "forbidden");
        assertEquals(403, letter(sam, one + "/letter").statusCode());

        // Bad input on every endpoint: 4xx problem+json, nothing stored.
        String[] badNotes = {"{\"note\":" + json("n".repeat(2001)) + "}", "{\"note\":\"<b>done</b>\"}", "{\"note\":\"ok\",\"x\":1}",
                "not json", "[]"};
        for (String body : badNotes) {
            assertRefused(staffSend(rosa, "POST", one + "/steps/acknowledge", body), 400);
        }
        String[] badDecisions = {"{\"outcome\":\"burn\",\"reasons\":\"Because.\"}", "{\"outcome\":\"keep\"}",
                "{\"outcome\":\"keep\",\"reasons\":\"<script>x</script>\"}", "{\"outcome\":\"keep\",\"reasons\":" + json("r".repeat(4001)) + "}",
                "{\"outcome\":\"keep\",\"reasons\":\"ok\",\"x\":1}", "{}", "not json"};
        for (String body : badDecisions) {
            assertRefused(staffSend(dee, "POST", one + "/decision", body), 400);
        }
        assertRefused(staff(dee, R + "?state=lost"), 400);
        assertRefused(staff(dee, R + "?branch=NO-SUCH"), 400);
        assertRefused(staff(dee, R + "/not-an-id"), 404);
        assertRefused(staff(dee, R + "/" + UUID.randomUUID()), 404);
        assertRefused(staffSend(dee, "POST", R + "/" + UUID.randomUUID() + "/decision", decision), 404);
        assertEquals(view.replaceAll("\"overdue\":(true|false)", ""), staff(rosa, one).body().replaceAll("\"overdue\":(true|false)", ""),
                "nothing was stored by the refused requests");

        // Every step in order: a committee member, then headquarters, then the decision.
        HttpResponse<String> acknowledged = staffSend(rosa, "POST", one + "/steps/acknowledge",
                "{\"note\":\"Thanked the patron; copies to the committee.\"}");
        assertEquals(200, acknowledged.statusCode(), acknowledged.body());
        assertTrue(acknowledged.body().contains("\"state\":\"in-review\"") && acknowledged.body().contains("\"by\":\"rosa\"")
                && acknowledged.body().contains("Thanked the patron"), acknowledged.body());
        assertProblem(staffSend(rosa, "POST", one + "/steps/acknowledge", note), 409, "conflict");
        HttpResponse<String> reviewed = staffSend(dee, "POST", one + "/steps/read-and-review", "{\"note\":\"Read by all three.\"}");
        assertEquals(200, reviewed.statusCode(), reviewed.body());
        assertTrue(entry(staff(dee, R).body(), reference).contains("\"currentStep\":{\"step\":\"decide\""),
                "the list shows the step the review waits for");
        HttpResponse<String> decided = staffSend(dee, "POST", one + "/decision", decision);
        assertEquals(200, decided.statusCode(), decided.body());
        assertTrue(decided.body().contains("\"state\":\"decided\"") && decided.body().contains("\"outcome\":\"relabel\"")
                && decided.body().contains("\"letter\":true") && decided.body().contains("\"by\":\"dee\""), decided.body());
        assertProblem(staffSend(dee, "POST", one + "/decision", decision), 409, "conflict");
        assertTrue(staff(dee, R + "?state=decided").body().contains(reference));
        assertFalse(staff(dee, R + "?state=received").body().contains(reference));

        // The patron was told twice by mail, on receipt and of the decision: both are in the matter's history.
        HttpResponse<String> history = staff(dee, "tenants/riverbend/matters/reconsideration/" + id + "/history");
        assertEquals(200, history.statusCode(), history.body());
        assertTrue(history.body().contains("public-form") && history.body().contains("reconsideration-committee")
                && history.body().contains("Suited to readers from eight on"), history.body());
        assertEquals(2, history.body().split("\"channel\":\"email\"", -1).length - 1, history.body());

        // The letter: a PDF in Riverbend's language with the decision, its reasons and the patron's own name.
        HttpResponse<byte[]> pdf = letter(rosa, one + "/letter");
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"), pdf.headers().toString());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("reconsideration-" + id + ".pdf"));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Riverbend Regional Library System") && text.contains("Reference: " + reference)
                    && text.contains("Title: " + title) && text.contains("The item stays in the collection with a new label.")
                    && text.contains("Suited to readers from eight on; the label now says so.")
                    && text.contains("Dear Zoë Patron " + mark + ","), text);
            assertFalse(text.contains(objection), "the letter does not repeat the objection: " + text);
        }

        // Another library system's token reaches none of it, by slug or by id.
        String priya = token("hollis-college", "priya");
        assertProblem(staff(priya, R), 404, "not-found");
        assertProblem(staff(priya, one), 404, "not-found");
        assertProblem(staff(priya, "tenants/hollis-college/reconsiderations/" + id), 404, "not-found");
        assertEquals(404, letter(priya, "tenants/hollis-college/reconsiderations/" + id + "/letter").statusCode());
        assertProblem(staffSend(priya, "POST", "tenants/hollis-college/reconsiderations/" + id + "/decision", decision), 404, "not-found");
        assertProblem(staffSend(priya, "POST", "tenants/hollis-college/reconsiderations/" + id + "/steps/acknowledge", note), 404,
                "not-found");
        assertFalse(staff(priya, "tenants/hollis-college/reconsiderations").body().contains(reference));
    }
}
