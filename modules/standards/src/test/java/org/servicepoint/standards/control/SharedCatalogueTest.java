package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.Standard;
import org.servicepoint.standards.entity.StandardKind;
import org.servicepoint.standards.entity.StandardText;
import org.servicepoint.standards.entity.StandardText.MethodStep;

/** The catalogue this build ships: complete, in both languages, and holding what the product promises. */
class SharedCatalogueTest {

    static final Catalogue CATALOGUE = SharedCatalogue.current();

    static StandardText english(String id) {
        return CATALOGUE.find(id).orElseThrow(() -> new AssertionError(id + " is not in the catalogue")).text().en();
    }

    /** A check of one entry's Spanish against its English; the id names the entry in a failure. */
    interface TranslationCheck {
        void check(String id, StandardText en, StandardText es);
    }

    static void forEveryTranslation(TranslationCheck check) {
        assertThat(CATALOGUE.entries()).allSatisfy(entry -> check.check(entry.id(), entry.text().en(), entry.text().esUs()));
    }

    @Test
    void the_shipped_catalogue_reads_without_a_problem_and_has_a_version() {
        assertThat(CATALOGUE.version()).isPositive();
        assertThat(CATALOGUE.entries()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(CATALOGUE.entries()).allSatisfy(e -> assertThat(e.version()).isPositive());
    }

    @Test
    void every_entry_has_its_title_and_summary_in_english_and_in_spanish() {
        assertThat(CATALOGUE.entries()).allSatisfy(entry -> {
            for (Language language : Language.values()) {
                StandardText text = entry.text().in(language);
                assertThat(text).as("%s in %s", entry.id(), language.code()).isNotNull();
                assertThat(text.title()).as("%s title in %s", entry.id(), language.code()).isNotBlank();
                assertThat(text.summary()).as("%s summary in %s", entry.id(), language.code()).isNotBlank();
            }
        });
    }

    @Test
    void every_spanish_text_is_a_translation_and_not_a_copy_of_the_english() {
        forEveryTranslation((id, en, es) -> {
            assertThat(es.title()).as("%s title", id).isNotEqualTo(en.title());
            assertThat(es.summary()).as("%s summary", id).isNotEqualTo(en.summary());
            for (int i = 0; i < en.points().size(); i++) {
                assertThat(es.points().get(i)).as("%s point %d", id, i).isNotEqualTo(en.points().get(i));
            }
            for (int i = 0; i < en.steps().size(); i++) {
                assertThat(es.steps().get(i).action()).as("%s step %d", id, i).isNotEqualTo(en.steps().get(i).action());
            }
            if (en.scenario() != null) {
                assertThat(es.scenario().why()).as("%s why", id).isNotEqualTo(en.scenario().why());
            }
        });
    }

    @Test
    void every_spanish_text_says_as_much_as_the_english() {
        forEveryTranslation((id, en, es) -> {
            assertThat(es.points()).as("%s points", id).hasSameSizeAs(en.points());
            assertThat(es.avoid()).as("%s avoid", id).hasSameSizeAs(en.avoid());
            assertThat(es.steps()).as("%s steps", id).hasSameSizeAs(en.steps());
            if (en.scenario() != null) {
                assertThat(es.scenario().choices()).as("%s choices", id).hasSameSizeAs(en.scenario().choices());
                assertThat(es.scenario().recommended()).as("%s recommended", id).isEqualTo(en.scenario().recommended());
            }
        });
    }

    @Test
    void every_id_is_unique_and_starts_with_its_kinds_prefix() {
        Map<String, Long> ids = CATALOGUE.entries().stream().collect(Collectors.groupingBy(Standard::id, Collectors.counting()));
        assertThat(ids.values()).allMatch(count -> count == 1);
        assertThat(CATALOGUE.entries()).allSatisfy(e ->
                assertThat(e.kind().idPrefixes()).contains(e.id().substring(0, e.id().indexOf('.'))));
    }

    @Test
    void every_kind_the_product_promises_is_in_the_catalogue() {
        Map<StandardKind, Long> kinds = CATALOGUE.current().stream()
                .collect(Collectors.groupingBy(Standard::kind, Collectors.counting()));
        assertThat(kinds.keySet()).containsExactlyInAnyOrder(StandardKind.values());
    }

    @Test
    void the_four_service_principles_are_there() {
        assertThat(ids(StandardKind.PRINCIPLE)).containsExactly("principle.equal-respect", "principle.ownership",
                "principle.present-patrons-first", "principle.find-ways-to-say-yes");
    }

    @Test
    void blast_has_its_five_steps_each_with_what_to_say_and_what_to_avoid_in_both_languages() {
        assertThat(english("method.blast").steps()).extracting(MethodStep::name)
                .containsExactly("Believe", "Listen", "Apologize and assist", "Solve", "Thank");
        assertThat(CATALOGUE.find("method.blast").orElseThrow().text().esUs().steps()).hasSize(5).allSatisfy(step -> {
            assertThat(step.say()).isNotEmpty();
            assertThat(step.avoid()).isNotEmpty();
        });
    }

    @Test
    void hear_has_its_four_steps_each_with_what_to_say_and_what_to_avoid() {
        assertThat(english("method.hear").steps()).extracting(MethodStep::name)
                .containsExactly("Hear", "Empathize", "Apologize", "Resolve");
        assertThat(english("method.hear").steps()).allSatisfy(step -> {
            assertThat(step.say()).isNotEmpty();
            assertThat(step.avoid()).isNotEmpty();
        });
    }

    @Test
    void the_response_guides_cover_the_situations_staff_ask_about() {
        assertThat(ids(StandardKind.RESPONSE_GUIDE)).containsExactlyInAnyOrder("guide.grumpy-or-abusive", "guide.safety-first",
                "guide.private-area", "guide.tech-help-limits", "guide.someone-else-was-allowed", "guide.request-cannot-be-met");
    }

    @Test
    void a_request_that_cannot_be_met_offers_interlibrary_loan_e_resources_and_another_branch_in_both_languages() {
        String english = String.join(" ", english("guide.request-cannot-be-met").points());
        String spanish = String.join(" ", CATALOGUE.find("guide.request-cannot-be-met").orElseThrow().text().esUs().points());

        assertThat(english).contains("Interlibrary loan", "e-resources", "another branch");
        assertThat(spanish).contains("préstamo interbibliotecario", "recursos electrónicos", "otra sucursal");
    }

    @Test
    void the_telephone_and_email_standards_cover_greeting_present_patrons_call_backs_and_response_times() {
        assertThat(ids(StandardKind.PHONE_AND_EMAIL)).containsExactly("phone.answering", "phone.in-person-first",
                "phone.call-back", "email.replies");
        assertThat(english("phone.answering").points()).anySatisfy(p -> assertThat(p).contains("[library]", "[your name]"));
        assertThat(english("email.replies").points()).anySatisfy(p -> assertThat(p).contains("working day"));
    }

    @Test
    void the_desk_conduct_checklist_includes_clearing_the_screen_and_the_name_tag() {
        assertThat(english("checklist.desk-conduct").points())
                .anySatisfy(p -> assertThat(p).containsIgnoringCase("name tag"))
                .anySatisfy(p -> assertThat(p).containsIgnoringCase("clear the screen"));
    }

    @Test
    void every_scenario_offers_choices_recommends_one_of_them_and_says_why() {
        List<Standard> scenarios = CATALOGUE.current().stream().filter(e -> e.kind() == StandardKind.SCENARIO).toList();

        assertThat(scenarios).hasSizeGreaterThanOrEqualTo(4).allSatisfy(s -> {
            for (Language language : Language.values()) {
                StandardText.Scenario scenario = s.text().in(language).scenario();
                assertThat(scenario.choices()).hasSizeGreaterThanOrEqualTo(2);
                assertThat(scenario.choices()).extracting(StandardText.Choice::key).contains(scenario.recommended());
                assertThat(scenario.why()).isNotBlank();
            }
        });
    }

    @Test
    void reading_the_catalogue_twice_gives_the_same_catalogue() {
        assertThat(SharedCatalogue.load(SharedCatalogue.FOLDER)).isEqualTo(CATALOGUE);
    }

    private static List<String> ids(StandardKind kind) {
        return CATALOGUE.current().stream().filter(e -> e.kind() == kind).map(Standard::id).toList();
    }
}
