package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.DeskTopic;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.TenantStandards;

/** The desk search over a library system's standards: words, accents, prefixes and ranks. */
class TopicSearchTest {

    static final TenantStandards RIVERBEND = EffectiveStandards.of(SharedCatalogue.current(), AdoptionDocuments.read("s.yaml", """
            adopt: all
            standards:
              - own: quiet-floors
                kind: response-guide
                text:
                  en: {title: Noise on the quiet floor, summary: The third floor is silent., points: [Remind patrons of the café downstairs.]}
                  es-US: {title: Ruido en el piso silencioso, summary: El tercer piso es silencioso., points: [Recuerde la cafetería de abajo.]}
            """, InputFormat.YAML, SharedCatalogue.current()));

    static List<String> ids(List<DeskTopic> topics) {
        return topics.stream().map(DeskTopic::id).toList();
    }

    @Test
    void case_and_accents_do_not_matter_and_a_word_may_be_the_beginning_of_one() {
        assertThat(ids(TopicSearch.find(RIVERBEND, "CAFE", Language.EN, 5))).contains("quiet-floors");
        assertThat(ids(TopicSearch.find(RIVERBEND, "caf", Language.EN, 5))).contains("quiet-floors");
        assertThat(ids(TopicSearch.find(RIVERBEND, "cafétería", Language.ES_US, 5))).contains("quiet-floors");
        assertThat(ids(TopicSearch.find(RIVERBEND, "silencio", Language.ES_US, 5))).containsExactly("quiet-floors");
    }

    @Test
    void every_word_asked_must_be_found() {
        assertThat(ids(TopicSearch.find(RIVERBEND, "quiet floor", Language.EN, 5))).startsWith("quiet-floors");
        assertThat(ids(TopicSearch.find(RIVERBEND, "silent floor", Language.EN, 5))).containsExactly("quiet-floors");
        assertThat(TopicSearch.find(RIVERBEND, "quiet zebra", Language.EN, 5)).isEmpty();
        assertThat(TopicSearch.find(RIVERBEND, "  ,;  ", Language.EN, 5)).isEmpty();
    }

    @Test
    void a_title_match_ranks_above_a_match_in_the_text_only() {
        List<DeskTopic> found = TopicSearch.find(RIVERBEND, "abusive", Language.EN, 20);

        assertThat(found).isNotEmpty();
        assertThat(found.get(0).id()).isEqualTo("guide.grumpy-or-abusive");
        assertThat(found.get(0).rank()).isGreaterThan(found.get(found.size() - 1).rank()).isLessThanOrEqualTo(1.0);
        assertThat(found).allSatisfy(t -> assertThat(t.rank()).isBetween(0.0, 1.0));
    }

    @Test
    void the_topic_is_in_the_language_asked_with_a_passage_holding_the_word() {
        DeskTopic english = TopicSearch.find(RIVERBEND, "downstairs", Language.EN, 1).get(0);
        DeskTopic spanish = TopicSearch.find(RIVERBEND, "cafeteria", Language.ES_US, 1).get(0);

        assertThat(english.title()).isEqualTo("Noise on the quiet floor");
        assertThat(english.snippet()).isEqualTo("Remind patrons of the café downstairs.");
        assertThat(english.kind()).isEqualTo("response-guide");
        assertThat(spanish.title()).isEqualTo("Ruido en el piso silencioso");
        assertThat(spanish.snippet()).isEqualTo("Recuerde la cafetería de abajo.");
    }

    @Test
    void no_more_than_the_limit_is_answered() {
        assertThat(TopicSearch.find(RIVERBEND, "patron", Language.EN, 3)).hasSize(3);
        assertThat(TopicSearch.find(RIVERBEND, "patron", Language.EN, 0)).isEmpty();
    }
}
