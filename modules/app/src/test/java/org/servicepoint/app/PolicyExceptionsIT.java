package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Exceptions on record over HTTP, with real tokens: bad input refused with problem+json and nothing stored, a strict
 * policy refused with its reason, the approver's position checked, a flexible exception recorded once however often it
 * is sent, the branch rule, the consistency report counting it, and another library system reaching none of it.
 */
@Order(6)
class PolicyExceptionsIT extends ServicePointDeployment {

    static final String EXCEPTIONS = "tenants/riverbend/policy-exceptions";

    static int pineHollowCount(String report) {
        Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(objectWith(report, "\"code\":\"PINE-HOLLOW\""));
        assertTrue(count.find(), report);
        return Integer.parseInt(count.group(1));
    }

    @Test
    @RunAsClient
    void a_flexible_exception_is_recorded_once_with_its_approver_checked_and_the_report_counts_it() throws Exception {
        String sam = token("riverbend", "sam"); // desk, Pine Hollow, library assistant
        String moss = token("riverbend", "moss"); // branch manager, Mossy Creek
        String dee = token("riverbend", "dee"); // executive director, headquarters and tenant admin
        String rosa = onRoster("Rosa", "rosa", "branch-manager", "PINE-HOLLOW");
        // Callers who approve their own exceptions are found on the roster by their sign-in name.
        onRoster("Sam", "sam", "library-assistant", "PINE-HOLLOW");
        onRoster("Dee", "dee", "executive-director", "HQ");
        String everything = EXCEPTIONS + "?limit=500";
        String before = staff(dee, everything).body();
        int pineHollowBefore = pineHollowCount(staff(dee, EXCEPTIONS + "/consistency").body());
        String mark = "Asked to waive 6 dollars <3 & more " + UUID.randomUUID();
        String wanted = "{\"policy\":\"overdue-fines\",\"asked\":" + json(mark) + ",\"granted\":\"Waived once\","
                + "\"approvedBy\":\"" + rosa + "\",\"toldOneTime\":true}";

        // The desk is offered who may approve: Rosa, at Sam's own branch, first; a strict policy has nobody.
        HttpResponse<String> approvers = staff(sam, EXCEPTIONS + "/approvers?policy=overdue-fines");
        assertEquals(200, approvers.statusCode(), approvers.body());
        assertTrue(approvers.body().startsWith("[{") && approvers.body().indexOf(rosa) > 0
                && !approvers.body().contains("\"position\":\"library-assistant\""), approvers.body());
        assertProblem(staff(sam, EXCEPTIONS + "/approvers?policy=patron-records"), 409, "policy-strict");
        assertProblem(staff(sam, EXCEPTIONS + "/approvers"), 400, "invalid-input");

        // Bad input: 400 problem+json, nothing stored.
        String[] bad = {
                wanted.replace("\"toldOneTime\":true", "\"toldOneTime\":false"),
                wanted.replace(",\"toldOneTime\":true", ""),
                wanted.replace(json(mark), "\"<b>waive</b>\""),
                wanted.replace(json(mark), json("x".repeat(1001))),
                wanted.replace("overdue-fines", "no-such-policy"),
                wanted.replace("\"policy\"", "\"branch\":\"NO-SUCH\",\"policy\""),
                wanted.replace(rosa, UUID.randomUUID().toString()),
                wanted.replace("\"toldOneTime\":true", "\"toldOneTime\":true,\"occurredAt\":\"2099-01-01T10:00\""),
                wanted.replace("\"toldOneTime\":true", "\"toldOneTime\":true,\"patronReference\":\"" + UUID.randomUUID() + "\""),
                wanted.replace("\"toldOneTime\":true", "\"toldOneTime\":true,\"colour\":\"red\""),
                "not json"};
        for (String body : bad) {
            HttpResponse<String> refused = staffSend(sam, "POST", EXCEPTIONS, body);
            assertEquals(400, refused.statusCode(), body + " → " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), refused.body());
            // The markup found is named, the text sent is not echoed.
            assertFalse(refused.body().contains("waive</b>"), refused.body());
        }
        assertProblem(staffSend(sam, "POST", EXCEPTIONS, bad[0]), 400, "invalid-input");

        // A strict policy: 409 with the policy's own reason.
        HttpResponse<String> strict = staffSend(sam, "POST", EXCEPTIONS, wanted.replace("overdue-fines", "patron-records"));
        assertProblem(strict, 409, "policy-strict");
        assertTrue(strict.body().contains("allows no exceptions"), strict.body());
        // Sam approving himself: a library assistant may not grant exceptions; 422 names who may.
        HttpResponse<String> self = staffSend(sam, "POST", EXCEPTIONS, wanted.replace(",\"approvedBy\":\"" + rosa + "\"", ""));
        assertProblem(self, 422, "approver-may-not-grant");
        assertTrue(self.body().contains("Assistant librarian, Branch manager, Executive director"), self.body());
        // The director may grant exceptions, but the computer-use policy names only assistant librarians and branch managers.
        HttpResponse<String> narrowed = staffSend(dee, "POST", EXCEPTIONS, wanted.replace("overdue-fines", "computer-use")
                .replace("\"approvedBy\":\"" + rosa + "\",", "\"branch\":\"PINE-HOLLOW\","));
        assertProblem(narrowed, 422, "approver-may-not-grant");
        assertTrue(narrowed.body().contains("positions that may: Assistant librarian, Branch manager\""), narrowed.body());
        // Desk staff record at their own branch only.
        assertProblem(staffSend(sam, "POST", EXCEPTIONS, wanted.replace("\"policy\"", "\"branch\":\"MOSSY-CREEK\",\"policy\"")),
                403, "forbidden");
        assertEquals(before, staff(dee, everything).body(), "nothing was stored by the refused requests");

        // Recorded, at Sam's branch, approved by Rosa; the same request again is the same exception.
        HttpResponse<String> made = staffSend(sam, "POST", EXCEPTIONS, wanted);
        assertEquals(201, made.statusCode(), made.body());
        String id = idIn(made.body());
        assertTrue(made.headers().firstValue("Location").orElse("").endsWith("/policy-exceptions/" + id), made.headers().toString());
        assertTrue(made.body().contains("\"branch\":\"PINE-HOLLOW\"") && made.body().contains("\"staffId\":\"" + rosa + "\"")
                && made.body().contains("\"position\":\"branch-manager\"") && made.body().contains("\"recordedBy\":\"sam\""), made.body());
        assertTrue(made.body().contains(mark), "kept as typed: " + made.body());
        HttpResponse<String> again = staffSend(sam, "POST", EXCEPTIONS, wanted);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(id, idIn(again.body()));
        assertEquals(200, staff(sam, EXCEPTIONS + "/" + id).statusCode());

        // The branch rule: Mossy Creek's manager neither lists nor reads it; headquarters does.
        assertTrue(staff(sam, EXCEPTIONS + "?policy=overdue-fines").body().contains(id));
        assertFalse(staff(moss, everything).body().contains(id));
        assertProblem(staff(moss, EXCEPTIONS + "/" + id), 404, "not-found");
        assertProblem(staff(moss, EXCEPTIONS + "?branch=PINE-HOLLOW"), 404, "not-found");
        assertTrue(staff(dee, EXCEPTIONS + "?branch=PINE-HOLLOW").body().contains(id));

        // The consistency report: headquarters only, and Pine Hollow counts one more.
        assertProblem(staff(sam, EXCEPTIONS + "/consistency"), 403, "forbidden");
        assertProblem(staff(moss, EXCEPTIONS + "/consistency"), 403, "forbidden");
        HttpResponse<String> report = staff(dee, EXCEPTIONS + "/consistency");
        assertEquals(200, report.statusCode(), report.body());
        assertEquals(pineHollowBefore + 1, pineHollowCount(report.body()), report.body());
        assertTrue(report.body().contains("\"key\":\"overdue-fines\"") && report.body().contains("\"medians\""), report.body());
        // Fields in the order the API contract lists them; a branch near the median says so with an explicit null.
        assertTrue(report.body().startsWith("{\"from\":") && report.body().contains("\"flag\":null"), report.body());
        assertProblem(staff(dee, EXCEPTIONS + "/consistency?from=2026-03-01&to=2026-02-01"), 400, "invalid-input");

        // Another library system's token reaches nothing of it, by slug or by id.
        String priya = token("hollis-college", "priya");
        assertProblem(staff(priya, everything), 404, "not-found");
        assertProblem(staff(priya, EXCEPTIONS + "/" + id), 404, "not-found");
        assertProblem(staff(priya, "tenants/hollis-college/policy-exceptions/" + id), 404, "not-found");
        assertFalse(staff(priya, "tenants/hollis-college/policy-exceptions?limit=500").body().contains(mark));
        assertProblem(staffSend(priya, "POST", EXCEPTIONS, wanted), 404, "not-found");
    }
}
