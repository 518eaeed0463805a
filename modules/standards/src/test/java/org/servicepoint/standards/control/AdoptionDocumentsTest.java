package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.standards.control.Catalogues.entry;
import static org.servicepoint.standards.control.Catalogues.lineWith;
import static org.servicepoint.standards.control.Catalogues.refused;
import static org.servicepoint.standards.control.Catalogues.retired;

import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.standards.entity.Adoption;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.StandardKind;

/** Reading a library system's standards.yaml: every problem names the file, the line and the field. */
class AdoptionDocumentsTest {

    static final String FILE = "tenants/millbrook/standards.yaml";
    static final Catalogue CATALOGUE = Catalogues.first();

    static final String GOOD = """
            adopt: listed
            standards:
              - shared: guide.beta
              - own: quiet-floors
                kind: response-guide
                text:
                  en:
                    title: Quiet floors
                    summary: The third floor is silent.
                    points: [Remind patrons quietly.]
              - shared: principle.alpha
            reword:
              - shared: principle.alpha
                text:
                  en:
                    summary: Alpha in our words.
            """;

    static Adoption read(String yaml) {
        return AdoptionDocuments.read(FILE, yaml, InputFormat.YAML, CATALOGUE);
    }

    static Violation onlyViolationOf(String yaml) {
        Refusal refusal = refused(() -> read(yaml));
        assertThat(refusal.violations()).hasSize(1);
        return refusal.violations().get(0);
    }

    @Test
    void a_good_file_reads_with_its_list_its_own_entry_and_its_rewording() {
        Adoption adoption = read(GOOD);

        assertThat(adoption.adopt()).isEqualTo(Adoption.Mode.LISTED);
        assertThat(adoption.standards()).extracting(Adoption.Item::shared).containsExactly("guide.beta", null, "principle.alpha");
        assertThat(adoption.standards().get(1).kind()).isEqualTo(StandardKind.RESPONSE_GUIDE);
        assertThat(adoption.rewordingOf("principle.alpha").orElseThrow().text().en().summary()).isEqualTo("Alpha in our words.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"riverbend", "hollis-college", "lakeview-law"})
    void every_demo_library_systems_file_reads_against_the_shipped_catalogue(String slug) throws IOException {
        Path file = Catalogues.tenantsFolder().resolve(slug).resolve(AdoptionDocuments.FILE_NAME);

        Adoption adoption = AdoptionDocuments.read("tenants/" + slug + "/standards.yaml",
                Files.readString(file, StandardCharsets.UTF_8), InputFormat.YAML, SharedCatalogue.current());

        assertThat(adoption.adopt()).isNotNull();
    }

    @Test
    void an_id_the_catalogue_does_not_have_is_named_by_file_line_and_field() {
        String yaml = GOOD.replace("- shared: guide.beta", "- shared: guide.betta");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("standards[0].shared");
        assertThat(v.message()).isEqualTo("\"guide.betta\" is not in the service-standards catalogue (version 1)");
        assertThat(v.at()).isEqualTo(FILE + ":" + lineWith(yaml, "guide.betta"));
    }

    @Test
    void an_entry_listed_twice_is_refused_where_it_is_listed_the_second_time() {
        String yaml = GOOD.replace("  - shared: principle.alpha\nreword:", "  - shared: guide.beta\n  - shared: principle.alpha\nreword:");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("standards[2].shared");
        assertThat(v.message()).isEqualTo("\"guide.beta\" is listed twice (first at standards[0])");
        assertThat(v.at()).isEqualTo(FILE + ":11");
    }

    @Test
    void two_own_entries_with_the_same_id_are_refused() {
        String yaml = GOOD.replace("  - shared: principle.alpha\nreword:",
                "  - own: quiet-floors\n    kind: checklist\n    text:\n      en: {title: Q, summary: S, points: [a, b, c]}\n"
                        + "  - shared: principle.alpha\nreword:");

        assertThat(onlyViolationOf(yaml).field()).isEqualTo("standards[2].own");
    }

    @Test
    void an_own_id_shaped_like_a_shared_id_is_refused_so_no_catalogue_entry_can_ever_take_it() {
        String yaml = GOOD.replace("- own: quiet-floors", "- own: guide.quiet-floors");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("standards[1].own");
        assertThat(v.at()).isEqualTo(FILE + ":" + lineWith(yaml, "guide.quiet-floors"));
    }

    @Test
    void an_own_entry_without_its_words_is_refused_where_it_begins() {
        String yaml = """
                adopt: all
                standards:
                  - own: quiet-floors
                    kind: response-guide
                """;

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("standards[0].text");
        assertThat(v.message()).startsWith("is missing");
        assertThat(v.at()).isEqualTo(FILE + ":3");
    }

    @Test
    void an_own_entry_without_its_kind_is_refused() {
        String yaml = GOOD.replace("    kind: response-guide\n", "");

        assertThat(onlyViolationOf(yaml).field()).isEqualTo("standards[1].kind");
    }

    @Test
    void an_own_entry_missing_a_part_its_kind_needs_is_named_at_that_language() {
        String yaml = GOOD.replace("        points: [Remind patrons quietly.]\n", "");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("standards[1].text.en.points");
        assertThat(v.message()).isEqualTo("is missing; a response-guide needs it");
        assertThat(v.at()).isEqualTo(FILE + ":" + lineWith(yaml, "title: Quiet floors"));
    }

    @Test
    void an_own_entry_without_a_title_is_refused() {
        String yaml = GOOD.replace("        title: Quiet floors\n", "");

        assertThat(onlyViolationOf(yaml).field()).isEqualTo("standards[1].text.en.title");
    }

    @Test
    void an_item_naming_both_a_shared_and_an_own_entry_is_refused() {
        String yaml = GOOD.replace("- shared: guide.beta", "- shared: guide.beta\n    own: beta-too");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("standards[0]");
        assertThat(v.message()).startsWith("give either shared");
    }

    @Test
    void a_shared_entry_given_words_in_the_list_is_sent_to_reword() {
        String yaml = GOOD.replace("- shared: guide.beta", "- shared: guide.beta\n    text:\n      en: {summary: Ours.}");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("standards[0].text");
        assertThat(v.message()).contains("reword");
    }

    @Test
    void a_rewording_with_no_words_is_refused_at_its_text() {
        String yaml = GOOD.replace("      en:\n        summary: Alpha in our words.\n", "      en: {}\n");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("reword[0].text.en");
        assertThat(v.at()).isEqualTo(FILE + ":" + lineWith(yaml, "en: {}"));
    }

    @Test
    void a_rewording_of_an_entry_not_adopted_is_refused() {
        String yaml = GOOD.replace("  - shared: principle.alpha\nreword:", "reword:");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("reword[0].shared");
        assertThat(v.message()).isEqualTo("\"principle.alpha\" is not adopted; list it under standards first");
    }

    @Test
    void with_adopt_all_any_current_entry_may_be_reworded_without_being_listed() {
        Adoption adoption = read(GOOD.replace("adopt: listed", "adopt: all").replace("  - shared: principle.alpha\nreword:", "reword:"));

        assertThat(adoption.rewordingOf("principle.alpha")).isPresent();
    }

    @Test
    void an_entry_reworded_twice_is_refused_at_the_second_rewording() {
        String yaml = GOOD + """
                  - shared: principle.alpha
                    text:
                      es-US:
                        summary: Alfa en nuestras palabras.
                """;

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("reword[1].shared");
        assertThat(v.message()).contains("reworded twice");
    }

    @Test
    void a_rewording_that_adds_a_part_the_kind_does_not_use_is_refused() {
        String yaml = GOOD.replace("        summary: Alpha in our words.\n",
                "        summary: Alpha in our words.\n        steps: [{name: One, action: Do, say: [Hi], avoid: [Bye]}]\n");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("reword[0].text.en.steps");
        assertThat(v.message()).isEqualTo("is not part of a principle");
    }

    @Test
    void a_retired_entry_cannot_be_adopted_or_reworded() {
        Catalogue catalogue = Catalogues.catalogue(2, entry("principle.alpha", "principle", 1, "alpha"),
                retired("guide.beta", "response-guide", 2, "beta"));
        String yaml = """
                adopt: all
                standards:
                  - shared: guide.beta
                reword:
                  - shared: guide.beta
                    text:
                      en: {summary: Ours.}
                """;

        Refusal refusal = refused(() -> AdoptionDocuments.read(FILE, yaml, InputFormat.YAML, catalogue));

        assertThat(refusal.violations()).extracting(Violation::field).containsExactly("standards[0].shared", "reword[0].shared");
        assertThat(refusal.violations().get(0).message()).contains("retired");
    }

    @Test
    void an_unknown_field_is_named_where_it_is_written() {
        String yaml = GOOD.replace("adopt: listed\n", "adopt: listed\norder: [guide.beta]\n");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("order");
        assertThat(v.at()).isEqualTo(FILE + ":2");
    }

    @Test
    void a_file_that_does_not_say_what_it_adopts_is_refused() {
        assertThat(onlyViolationOf(GOOD.replace("adopt: listed\n", "")).field()).isEqualTo("adopt");
    }

    @Test
    void a_line_indented_wrongly_is_named_by_file_and_line() {
        String yaml = GOOD.replace("  - shared: guide.beta", "  - shared: guide.beta\n   broken: here");

        Violation v = onlyViolationOf(yaml);

        assertThat(v.field()).isEqualTo("(document)");
        assertThat(v.message()).startsWith("is not well-formed YAML");
        assertThat(v.at()).startsWith(FILE + ":");
    }

    @Test
    void a_file_longer_than_the_limit_is_refused_before_it_is_read() {
        String yaml = GOOD + "#".repeat(AdoptionDocuments.MAX_CHARS);

        assertThat(onlyViolationOf(yaml).message()).startsWith("is longer than");
    }

    @Test
    void every_problem_of_the_file_is_reported_at_once() {
        String yaml = GOOD.replace("- shared: guide.beta", "- shared: guide.betta").replace("    kind: response-guide\n", "")
                .replace("  - shared: principle.alpha\nreword:", "reword:");

        Refusal refusal = refused(() -> read(yaml));

        assertThat(refusal.violations()).extracting(Violation::field)
                .containsExactly("standards[0].shared", "standards[1].kind", "reword[0].shared");
        assertThat(refusal.getMessage()).isEqualTo(FILE + ": 3 problem(s); nothing was changed");
    }
}
