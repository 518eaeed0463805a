package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.standards.control.Catalogues.entry;
import static org.servicepoint.standards.control.Catalogues.refused;
import static org.servicepoint.standards.control.Catalogues.retired;

import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    static OneViolation onlyViolationOf(String yaml) {
        return OneViolation.of(refused(() -> read(yaml)), FILE, yaml);
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
                Files.readString(file, StandardCharsets.UTF_8), InputFormat.YAML, SharedCatalogue.current(),
                Catalogues.demoLinkTargets(slug));

        assertThat(adoption.adopt()).isNotNull();
        assertThat(adoption.links()).as("each demo library system links its guides to whom to call").isNotEmpty();
    }

    static final AdoptionDocuments.LinkTargets TARGETS = new AdoptionDocuments.LinkTargets(
            java.util.Set.of("branch-manager", "librarian"), java.util.Set.of("difficult-situation", "complaint"));

    static Adoption readLinked(String links) {
        return AdoptionDocuments.read(FILE, GOOD + links, InputFormat.YAML, CATALOGUE, TARGETS);
    }

    @Test
    void a_response_guide_links_to_positions_and_situations_of_the_library_system() {
        Adoption adoption = readLinked("""
                links:
                  - standard: quiet-floors
                    positions: [librarian, branch-manager]
                    situations: [complaint]
                """);

        assertThat(adoption.linksOf("quiet-floors").positions()).containsExactly("librarian", "branch-manager");
        assertThat(adoption.linksOf("quiet-floors").situations()).containsExactly("complaint");
        assertThat(adoption.linksOf("guide.beta")).isEqualTo(Adoption.Link.NONE);
    }

    static Stream<Arguments> badLinks() {
        return Stream.of(
                link("a position the library system does not have", "guide.beta", "    positions: [janitor]\n",
                        "links[0].positions[0]", "\"janitor\" is not a position of this library system"),
                link("a situation nobody can escalate", "guide.beta", "    situations: [fire-drill]\n",
                        "links[0].situations[0]", "\"fire-drill\" is not an escalation situation"),
                link("an entry that is not adopted", "guide.gamma", "    positions: [librarian]\n",
                        "links[0].standard", "\"guide.gamma\" is not one of the standards"),
                link("an entry that is not a response guide", "principle.alpha", "    positions: [librarian]\n",
                        "links[0].standard", "\"principle.alpha\" is a principle; only response guides link"));
    }

    static Arguments link(String sentence, String standard, String targets, String field, String message) {
        return Arguments.of(Named.of(sentence, GOOD + "links:\n  - standard: " + standard + "\n" + targets), field, message);
    }

    @ParameterizedTest(name = "a link to {0} is refused at its file, line and field")
    @MethodSource("badLinks")
    void a_link_to_something_unknown_is_refused_at_its_file_line_and_field(String yaml, String field, String message) {
        OneViolation v = OneViolation.of(refused(() -> AdoptionDocuments.read(FILE, yaml, InputFormat.YAML, CATALOGUE, TARGETS)),
                FILE, yaml);

        int line = field.endsWith("standard") ? yaml.split("\n").length - 1 : yaml.split("\n").length;
        v.isAbout(field).isOnLine(line).message().startsWith(message);
    }

    @Test
    void an_entry_linked_twice_is_refused_at_the_second_link() {
        String yaml = GOOD + "links:\n  - standard: guide.beta\n    positions: [librarian]\n"
                + "  - standard: guide.beta\n    situations: [complaint]\n";

        OneViolation.of(refused(() -> AdoptionDocuments.read(FILE, yaml, InputFormat.YAML, CATALOGUE, TARGETS)), FILE, yaml)
                .isAbout("links[1].standard").isOnLine(yaml.split("\n").length - 1).message().contains("linked twice");
    }

    /** Each case changes one thing in the good file, which must then be refused for that one problem. */
    static Stream<Arguments> oneEditOneProblem() {
        return Stream.of(
                edit("an id the catalogue does not have is named by file, line and field",
                        "- shared: guide.beta", "- shared: guide.betta",
                        v -> v.isAbout("standards[0].shared").isOnLineWith("guide.betta")
                                .message().isEqualTo("\"guide.betta\" is not in the service-standards catalogue (version 1)")),
                edit("an entry listed twice is refused where it is listed the second time",
                        "  - shared: principle.alpha\nreword:", "  - shared: guide.beta\n  - shared: principle.alpha\nreword:",
                        v -> v.isAbout("standards[2].shared").isOnLine(11)
                                .message().isEqualTo("\"guide.beta\" is listed twice (first at standards[0])")),
                edit("two own entries with the same id are refused",
                        "  - shared: principle.alpha\nreword:",
                        "  - own: quiet-floors\n    kind: checklist\n    text:\n      en: {title: Q, summary: S, points: [a, b, c]}\n"
                                + "  - shared: principle.alpha\nreword:",
                        v -> v.isAbout("standards[2].own")),
                edit("an own id shaped like a shared id is refused so no catalogue entry can ever take it",
                        "- own: quiet-floors", "- own: guide.quiet-floors",
                        v -> v.isAbout("standards[1].own").isOnLineWith("guide.quiet-floors")),
                edit("an own entry without its kind is refused",
                        "    kind: response-guide\n", "",
                        v -> v.isAbout("standards[1].kind")),
                edit("an own entry missing a part its kind needs is named at that language",
                        "        points: [Remind patrons quietly.]\n", "",
                        v -> v.isAbout("standards[1].text.en.points").isOnLineWith("title: Quiet floors")
                                .message().isEqualTo("is missing; a response-guide needs it")),
                edit("an own entry without a title is refused",
                        "        title: Quiet floors\n", "",
                        v -> v.isAbout("standards[1].text.en.title")),
                edit("an item naming both a shared and an own entry is refused",
                        "- shared: guide.beta", "- shared: guide.beta\n    own: beta-too",
                        v -> v.isAbout("standards[0]").message().startsWith("give either shared")),
                edit("a shared entry given words in the list is sent to reword",
                        "- shared: guide.beta", "- shared: guide.beta\n    text:\n      en: {summary: Ours.}",
                        v -> v.isAbout("standards[0].text").message().contains("reword")),
                edit("a rewording with no words is refused at its text",
                        "      en:\n        summary: Alpha in our words.\n", "      en: {}\n",
                        v -> v.isAbout("reword[0].text.en").isOnLineWith("en: {}")),
                edit("a rewording of an entry not adopted is refused",
                        "  - shared: principle.alpha\nreword:", "reword:",
                        v -> v.isAbout("reword[0].shared")
                                .message().isEqualTo("\"principle.alpha\" is not adopted; list it under standards first")),
                edit("a rewording that adds a part the kind does not use is refused",
                        "        summary: Alpha in our words.\n",
                        "        summary: Alpha in our words.\n        steps: [{name: One, action: Do, say: [Hi], avoid: [Bye]}]\n",
                        v -> v.isAbout("reword[0].text.en.steps").message().isEqualTo("is not part of a principle")),
                edit("an unknown field is named where it is written",
                        "adopt: listed\n", "adopt: listed\norder: [guide.beta]\n",
                        v -> v.isAbout("order").isOnLine(2)),
                edit("a file that does not say what it adopts is refused",
                        "adopt: listed\n", "",
                        v -> v.isAbout("adopt")));
    }

    static Arguments edit(String sentence, String written, String instead, Consumer<OneViolation> expected) {
        return Arguments.of(Named.of(sentence, GOOD.replace(written, instead)), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneEditOneProblem")
    void a_file_with_one_problem_is_refused_for_that_problem_alone(String yaml, Consumer<OneViolation> expected) {
        assertThat(yaml).as("the edit found what it changes").isNotEqualTo(GOOD);

        expected.accept(onlyViolationOf(yaml));
    }

    @Test
    void an_own_entry_without_its_words_is_refused_where_it_begins() {
        String yaml = """
                adopt: all
                standards:
                  - own: quiet-floors
                    kind: response-guide
                """;

        onlyViolationOf(yaml).isAbout("standards[0].text").isOnLine(3).message().startsWith("is missing");
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

        onlyViolationOf(yaml).isAbout("reword[1].shared").message().contains("reworded twice");
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
    void a_line_indented_wrongly_is_named_by_file_and_line() {
        String yaml = GOOD.replace("  - shared: guide.beta", "  - shared: guide.beta\n   broken: here");

        Violation v = onlyViolationOf(yaml).violation();

        assertThat(v.field()).isEqualTo("(document)");
        assertThat(v.message()).startsWith("is not well-formed YAML");
        assertThat(v.at()).startsWith(FILE + ":");
    }

    @Test
    void a_file_longer_than_the_limit_is_refused_before_it_is_read() {
        String yaml = GOOD + "#".repeat(AdoptionDocuments.MAX_CHARS);

        onlyViolationOf(yaml).message().startsWith("is longer than");
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
