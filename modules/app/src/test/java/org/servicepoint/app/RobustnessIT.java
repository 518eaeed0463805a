package org.servicepoint.app;

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
}
