package org.servicepoint.demo.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;

/** Riverbend's demo call-backs, and what a broken entry is told. */
class DemoCallBacksTest {

    @Test
    void riverbend_ships_call_backs_for_today_one_from_days_ago_and_one_done() throws IOException {
        List<DemoSet.CallBackOffer> offers = DemoDocumentsTest.shipped("riverbend").callBacks();
        assertThat(offers).filteredOn(c -> c.daysAgo() == 0 && c.outcome() == null).hasSizeGreaterThanOrEqualTo(2);
        assertThat(offers).filteredOn(c -> c.daysAgo() >= 2 && c.outcome() == null).hasSize(1);
        assertThat(offers).filteredOn(c -> "done".equals(c.outcome())).hasSize(1);
        assertThat(offers).allSatisfy(c -> assertThat(c.phone()).startsWith("555-01"));
        assertThat(offers).filteredOn(c -> c.daysAgo() > 0).allSatisfy(c -> assertThat(c.time()).isNotNull());
    }

    @Test
    void a_call_back_without_its_question_or_from_someone_who_cannot_sign_in_is_refused_with_its_line() {
        String text = """
                callBacks:
                  - by: sam
                    branch: PINE-HOLLOW
                    phone: 555-0100
                  - by: nobody
                    branch: PINE-HOLLOW
                    question: Hours?
                    phone: 555-0101
                    daysAgo: 40
                """;
        assertThatThrownBy(() -> DemoDocuments.read("riverbend", List.of(new DemoDocuments.Source("call-backs.yaml", text)),
                Set.of("sam")))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("nothing was applied")
                .satisfies(e -> assertThat(((Refusal) e).violations()).extracting(Object::toString)
                        .anyMatch(v -> v.contains("question"))
                        .anyMatch(v -> v.contains("by"))
                        .anyMatch(v -> v.contains("daysAgo")));
    }
}
