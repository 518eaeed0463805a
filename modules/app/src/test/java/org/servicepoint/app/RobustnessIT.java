package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The robustness suite (issue 10): a thousand hostile requests per endpoint family against the
 * running application, 4xx only, nothing stored ({@link RobustnessFamilies}).
 */
@Order(8)
class RobustnessIT extends ServicePointDeployment {

    // ---- the robustness suite (issue 10): a thousand hostile requests per endpoint family, 4xx only, nothing stored ----

    @Test
    @RunAsClient
    void hostile_roster_input_is_refused_with_4xx_problems_and_stores_nothing() throws Exception {
        RobustnessFamilies.hostile_roster_input_is_refused_with_4xx_problems_and_stores_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_shift_and_absence_input_is_refused_with_4xx_problems_and_stores_nothing() throws Exception {
        RobustnessFamilies.hostile_shift_and_absence_input_is_refused_with_4xx_problems_and_stores_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_escalations_are_refused_with_4xx_problems_and_store_nothing() throws Exception {
        RobustnessFamilies.hostile_escalations_are_refused_with_4xx_problems_and_store_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_disclosure_requests_and_patron_references_are_refused_with_4xx_problems_and_store_nothing() throws Exception {
        RobustnessFamilies.hostile_disclosure_requests_and_patron_references_are_refused_with_4xx_problems_and_store_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_incident_reports_drafts_and_answers_are_refused_with_4xx_problems_and_store_nothing() throws Exception {
        RobustnessFamilies.hostile_incident_reports_drafts_and_answers_are_refused_with_4xx_problems_and_store_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_bans_are_refused_with_4xx_problems_and_store_nothing() throws Exception {
        RobustnessFamilies.hostile_bans_are_refused_with_4xx_problems_and_store_nothing(this);
    }

    @Test
    @RunAsClient
    void hostile_tenant_onboarding_is_refused_with_4xx_problems_and_stores_nothing() throws Exception {
        RobustnessFamilies.hostile_tenant_onboarding_is_refused_with_4xx_problems_and_stores_nothing(this);
    }

    @Test
    @RunAsClient
    void a_number_or_a_list_where_text_belongs_is_refused_naming_the_field_and_nothing_is_stored() throws Exception {
        String sam = token("riverbend", "sam");
        String before = staff(sam, "tenants/riverbend/escalations").body();
        HttpResponse<String> number = staffSend(sam, "POST", "tenants/riverbend/escalations",
                "{\"situation\":\"difficult-situation\",\"note\":42}");
        assertProblem(number, 400, "invalid-input");
        assertTrue(number.body().contains("\"field\":\"note\""), number.body());
        HttpResponse<String> list = staffSend(sam, "POST", "tenants/riverbend/escalations", "{\"situation\":[\"difficult-situation\"]}");
        assertProblem(list, 400, "invalid-input");
        assertTrue(list.body().contains("\"field\":\"situation\""), list.body());
        assertEquals(before, staff(sam, "tenants/riverbend/escalations").body());

        // An empty list where the answers belong was read as "no answers" and cleared the draft.
        String id = theftDraft(sam, "Kept as typed " + UUID.randomUUID());
        String draft = staff(sam, "tenants/riverbend/incident-reports/" + id).body();
        HttpResponse<String> cleared = staffSend(sam, "PUT", "tenants/riverbend/incident-reports/" + id + "/answers", "{\"answers\":[]}");
        assertProblem(cleared, 400, "invalid-input");
        assertTrue(cleared.body().contains("\"field\":\"answers\""), cleared.body());
        assertEquals(draft, staff(sam, "tenants/riverbend/incident-reports/" + id).body());
    }
}
