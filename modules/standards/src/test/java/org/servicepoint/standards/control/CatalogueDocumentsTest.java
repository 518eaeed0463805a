package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.servicepoint.standards.control.Catalogues.PART;
import static org.servicepoint.standards.control.Catalogues.entry;
import static org.servicepoint.standards.control.Catalogues.part;
import static org.servicepoint.standards.control.Catalogues.refused;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.standards.control.CatalogueDocuments.Part;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.StandardKind;

/** Reading the catalogue's own files: every problem names the file, the line and the field. */
class CatalogueDocumentsTest {

    static Refusal refusalOf(String yaml) {
        return refused(() -> CatalogueDocuments.read(1, List.of(new Part(PART, yaml))));
    }

    static OneViolation onlyViolationOf(String yaml) {
        return OneViolation.of(refusalOf(yaml), PART, yaml);
    }

    @Test
    void a_good_part_reads_with_both_languages_of_every_entry() {
        Catalogue catalogue = Catalogues.first();

        assertThat(catalogue.version()).isEqualTo(1);
        assertThat(catalogue.entries()).extracting(e -> e.id())
                .containsExactly("principle.alpha", "guide.beta", "method.gamma", "scenario.delta");
        assertThat(catalogue.find("method.gamma").orElseThrow().kind()).isEqualTo(StandardKind.METHOD);
        assertThat(catalogue.find("guide.beta").orElseThrow().text().in(Language.ES_US).title()).isEqualTo("Beta (es)");
        assertThat(catalogue.find("scenario.delta").orElseThrow().text().en().scenario().recommended()).isEqualTo("b");
    }

    @Test
    void an_entry_without_its_spanish_is_named_where_its_text_begins() {
        String yaml = part(entry("principle.alpha", "principle", 1, "alpha").replaceAll("(?m)^      es-US: .*\n", ""));

        // a missing field is shown where its parent begins: the text's first language
        onlyViolationOf(yaml).isAbout("entries[0].text.es-US").isOnLineWith("en: {");
    }

    @Test
    void spanish_with_fewer_points_than_the_english_is_named_at_its_points() {
        String yaml = part(entry("checklist.alpha", "checklist", 1, "alpha")
                .replace("es-US: {title: Alpha (es), summary: About alpha (es)., points: [One alpha, Two alpha, Three alpha]}",
                        "es-US: {title: Alpha (es), summary: About alpha (es)., points: [One alpha, Two alpha, Three alpha, Four]}"));

        onlyViolationOf(yaml).isAbout("entries[0].text.es-US.points").isOnLineWith("es-US:")
                .message().isEqualTo("has 4 item(s) but the English has 3");
    }

    @Test
    void a_spanish_scenario_recommending_another_choice_than_the_english_is_refused() {
        String english = entry("scenario.alpha", "scenario", 1, "alpha");
        int spanishLine = english.indexOf("es-US:");
        String yaml = part(english.substring(0, spanishLine)
                + english.substring(spanishLine).replace("recommended: b", "recommended: a"));

        assertThat(refusalOf(yaml).violations()).extracting(Violation::field)
                .containsExactly("entries[0].text.es-US.scenario.recommended");
    }

    @Test
    void a_scenario_recommending_a_choice_it_does_not_offer_is_refused_in_both_languages() {
        String yaml = part(entry("scenario.alpha", "scenario", 1, "alpha").replace("recommended: b", "recommended: c"));

        assertThat(refusalOf(yaml).violations()).extracting(Violation::field, Violation::message).containsExactlyInAnyOrder(
                tuple("entries[0].text.en.scenario.recommended", "\"c\" is none of the choices [a, b]"),
                tuple("entries[0].text.es-US.scenario.recommended", "\"c\" is none of the choices [a, b]"));
    }

    @Test
    void a_method_written_as_points_is_told_it_needs_steps() {
        String yaml = part(entry("method.alpha", "principle", 1, "alpha").replace("kind: principle", "kind: method"));

        assertThat(refusalOf(yaml).violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "entries[0].text.en.points", "entries[0].text.en.steps",
                "entries[0].text.es-US.points", "entries[0].text.es-US.steps");
    }

    @Test
    void an_id_that_does_not_say_its_kind_is_refused_at_the_id() {
        String yaml = part(entry("guide.alpha", "principle", 1, "alpha"));

        onlyViolationOf(yaml).isAbout("entries[0].id").isOnLineWith("id: guide.alpha").message().contains("principle.");
    }

    @Test
    void an_id_used_in_two_files_is_refused_in_the_second_file() {
        String first = part(entry("principle.alpha", "principle", 1, "alpha"));
        String second = part(entry("guide.beta", "response-guide", 1, "beta"), entry("principle.alpha", "principle", 1, "alpha"));

        Refusal refusal = refused(() -> CatalogueDocuments.read(1, List.of(new Part("one.yaml", first), new Part("two.yaml", second))));

        OneViolation.of(refusal, "two.yaml", second).isAbout("entries[1].id").isOnLineWith("id: principle.alpha")
                .message().contains("one.yaml");
    }

    @Test
    void every_problem_of_every_file_is_reported_at_once() {
        String unknownKind = part(entry("principle.alpha", "principle", 1, "alpha").replace("kind: principle", "kind: rule"));
        String noVersion = part(entry("guide.beta", "response-guide", 1, "beta").replace("    version: 1\n", ""));

        Refusal refusal = refused(() -> CatalogueDocuments.read(1, List.of(new Part("one.yaml", unknownKind),
                new Part("two.yaml", noVersion))));

        assertThat(refusal.violations()).extracting(Violation::at, Violation::field).containsExactly(
                tuple("one.yaml:3", "entries[0].kind"),
                tuple("two.yaml:2", "entries[0].version"));
    }

    @Test
    void the_index_gives_the_version_and_the_files_in_order() {
        CatalogueDocuments.Index index = CatalogueDocuments.index("catalogue.yaml", "version: 3\nparts: [b.yaml, a.yaml]\n");

        assertThat(index.version()).isEqualTo(3);
        assertThat(index.parts()).containsExactly("b.yaml", "a.yaml");
    }

    @Test
    void an_index_without_a_version_is_refused() {
        Refusal refusal = refused(() -> CatalogueDocuments.index("catalogue.yaml", "parts: [a.yaml]\n"));

        assertThat(refusal.violations()).extracting(Violation::field).containsExactly("version");
    }
}
