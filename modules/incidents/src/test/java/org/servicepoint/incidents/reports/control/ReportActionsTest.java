package org.servicepoint.incidents.reports.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.Fixtures;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.platform.control.Caller;

/** What a screen is told it may offer on a report, step by step through the workflow. */
class ReportActionsTest {

    private static final String T = "riverbend";
    private static final Library LIBRARY = Fixtures.library(T);
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-10T13:30:00-05:00");

    private static IncidentReport report(boolean countersign) {
        return new IncidentReport(UUID.randomUUID(), 1, "f".repeat(64), "theft", false, countersign, "NORTH", AT, "sam", "Sam",
                "library-assistant", AT);
    }

    private static java.util.List<String> actions(Caller caller, IncidentReport report) {
        return ReportRules.actions(caller, LIBRARY, report);
    }

    @Test
    void a_draft_is_the_reporters_to_edit_and_sign_and_nobody_elses() {
        IncidentReport draft = report(true);
        assertThat(actions(Fixtures.assistant(T), draft)).containsExactly("edit", "sign");
        assertThat(actions(Fixtures.volunteer(T), draft)).isEmpty();
        assertThat(actions(Fixtures.northManager(T), draft)).isEmpty();
        assertThat(actions(Fixtures.headquarters(T), draft)).isEmpty();
        // A volunteer's own draft: they may write it down but not sign it.
        IncidentReport volunteers = new IncidentReport(UUID.randomUUID(), 1, "f".repeat(64), "theft", false, false, "NORTH", AT,
                "kit", "Kit", "volunteer", AT);
        assertThat(actions(Fixtures.volunteer(T), volunteers)).containsExactly("edit");
    }

    @Test
    void a_signed_report_waits_for_the_person_in_charge_before_headquarters_acknowledges_it() {
        IncidentReport report = report(true);
        report.submitted(AT);
        assertThat(actions(Fixtures.assistant(T), report)).containsExactly("add-addendum");
        assertThat(actions(Fixtures.northManager(T), report)).containsExactly("countersign", "add-addendum");
        assertThat(actions(Fixtures.headquarters(T), report)).containsExactly("countersign", "add-addendum", "retry-deliveries");

        report.countersigned(AT);
        assertThat(actions(Fixtures.northManager(T), report)).containsExactly("add-addendum");
        assertThat(actions(Fixtures.headquarters(T), report)).containsExactly("add-addendum", "acknowledge", "retry-deliveries");

        report.acknowledged(AT);
        assertThat(actions(Fixtures.headquarters(T), report)).containsExactly("add-addendum", "close", "retry-deliveries");

        report.closed("dee", AT);
        assertThat(actions(Fixtures.headquarters(T), report)).containsExactly("retry-deliveries");
        assertThat(actions(Fixtures.assistant(T), report)).isEmpty();
    }

    @Test
    void the_reporter_never_countersigns_and_the_system_is_offered_nothing() {
        IncidentReport report = new IncidentReport(UUID.randomUUID(), 1, "f".repeat(64), "theft", false, true, "NORTH", AT,
                "rosa", "Rosa", "branch-manager", AT);
        report.submitted(AT);
        assertThat(actions(Fixtures.northManager(T), report)).containsExactly("add-addendum");
        assertThat(actions(Caller.SYSTEM, report)).isEmpty();
        assertThat(actions(null, report)).isEmpty();
    }

    @Test
    void without_a_countersignature_to_wait_for_headquarters_may_acknowledge_at_once() {
        IncidentReport report = report(false);
        report.submitted(AT);
        assertThat(actions(Fixtures.northManager(T), report)).containsExactly("add-addendum");
        assertThat(actions(Fixtures.headquarters(T), report)).containsExactly("add-addendum", "acknowledge", "retry-deliveries");
    }
}
