package org.servicepoint.demo.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationRules;
import org.servicepoint.platform.control.Refusal;

/** Riverbend's demo requests to reconsider an item: one in review, one decided, each a request the form would take. */
class DemoReconsiderationsTest {

    @Test
    void riverbend_shows_one_request_in_review_and_one_decided_each_as_the_public_form_would_take_it() throws IOException {
        List<DemoSet.Reconsidered> requests = DemoDocumentsTest.shipped("riverbend").reconsiderations();
        assertThat(requests).hasSize(2);
        assertThat(requests).filteredOn(r -> r.decisionBy() == null).singleElement()
                .satisfies(r -> assertThat(r.steps()).extracting(DemoSet.ReviewStepDone::step).containsExactly("acknowledge"));
        assertThat(requests).filteredOn(r -> r.decisionBy() != null).singleElement()
                .satisfies(r -> assertThat(r.steps()).extracting(DemoSet.ReviewStepDone::step)
                        .containsExactly("acknowledge", "read-and-review"));
        for (DemoSet.Reconsidered r : requests) {
            ReconsiderationRules.check(new org.servicepoint.patronrequests.reconsideration.control.NewReconsideration(r.title(),
                    r.author(), r.format(), r.objection(), r.consumed(), r.asks()), null);
            if (r.decisionBy() != null) {
                ReconsiderationRules.decision(r.outcome(), r.reasons());
            }
        }
    }

    @Test
    void a_step_by_someone_who_is_not_a_demo_user_or_an_unknown_key_is_refused_with_its_line() {
        String yaml = """
                reconsiderations:
                  - branch: PINE-HOLLOW
                    title: A book
                    format: book
                    objection: Too long.
                    consumed: whole
                    shelf: top
                    steps:
                      - {step: acknowledge, by: nobody}
                """;
        assertThatThrownBy(() -> DemoDocuments.read("riverbend", List.of(new DemoDocuments.Source("demo/r.yaml", yaml)), Set.of("dee")))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations().toString()).contains("shelf", "by"));
    }
}
