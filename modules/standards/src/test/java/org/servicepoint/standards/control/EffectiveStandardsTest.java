package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.standards.control.Catalogues.entry;
import static org.servicepoint.standards.control.Catalogues.retired;

import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicepoint.standards.entity.AdoptedStandard;
import org.servicepoint.standards.entity.AdoptedStandard.Origin;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.StandardKind;
import org.servicepoint.standards.entity.TenantStandards;

/** A library system's effective standards: its order, its own entries, its rewordings beside the shared words. */
class EffectiveStandardsTest {

    static final Catalogue CATALOGUE = Catalogues.first();

    /** Beta's English summary in the library system's words, nothing else. */
    static final String REWORDED_BETA = """
            adopt: all
            reword:
              - shared: guide.beta
                text:
                  en:
                    summary: Beta, the way we do it.
            """;

    static TenantStandards effective(Catalogue catalogue, String yaml) {
        return EffectiveStandards.of(catalogue, AdoptionDocuments.read("standards.yaml", yaml, InputFormat.YAML, catalogue));
    }

    static TenantStandards demo(String slug) throws IOException {
        String yaml = Files.readString(Catalogues.tenantsFolder().resolve(slug).resolve(AdoptionDocuments.FILE_NAME),
                StandardCharsets.UTF_8);
        return EffectiveStandards.of(SharedCatalogue.current(), AdoptionDocuments.read("standards.yaml", yaml, InputFormat.YAML,
                SharedCatalogue.current(), Catalogues.demoLinkTargets(slug)));
    }

    @Test
    void adopting_all_without_a_list_gives_every_entry_in_catalogue_order_in_the_shared_words() {
        TenantStandards standards = effective(CATALOGUE, "adopt: all\n");

        assertThat(standards.catalogueVersion()).isEqualTo(1);
        assertThat(standards.ids()).containsExactly("principle.alpha", "guide.beta", "method.gamma", "scenario.delta");
        assertThat(standards.standards()).allSatisfy(s -> {
            assertThat(s.origin()).isEqualTo(Origin.SHARED);
            assertThat(s.reworded()).isFalse();
            assertThat(s.text()).isEqualTo(s.shared());
        });
    }

    @Test
    void adopting_all_puts_the_listed_entries_first_in_the_tenants_order_and_the_rest_after_in_catalogue_order() {
        TenantStandards standards = effective(CATALOGUE, """
                adopt: all
                standards:
                  - shared: scenario.delta
                  - own: our-own
                    kind: principle
                    text:
                      en: {title: Ours, summary: Our principle., points: [Keep it.]}
                  - shared: guide.beta
                """);

        assertThat(standards.ids()).containsExactly("scenario.delta", "our-own", "guide.beta", "principle.alpha", "method.gamma");
    }

    @Test
    void adopting_listed_entries_gives_exactly_those_in_the_tenants_order_with_its_own_where_it_put_them() {
        TenantStandards standards = effective(CATALOGUE, """
                adopt: listed
                standards:
                  - shared: method.gamma
                  - own: our-own
                    kind: principle
                    text:
                      en: {title: Ours, summary: Our principle., points: [Keep it.]}
                  - shared: principle.alpha
                """);

        assertThat(standards.ids()).containsExactly("method.gamma", "our-own", "principle.alpha");
        AdoptedStandard own = standards.find("our-own").orElseThrow();
        assertThat(own.origin()).isEqualTo(Origin.OWN);
        assertThat(own.kind()).isEqualTo(StandardKind.PRINCIPLE);
        assertThat(own.sharedVersion()).isNull();
        assertThat(own.shared()).isNull();
    }

    @Test
    void a_reworded_entry_shows_the_tenants_words_and_keeps_the_shared_original_beside_them() {
        TenantStandards standards = effective(CATALOGUE, REWORDED_BETA);

        AdoptedStandard beta = standards.find("guide.beta").orElseThrow();
        assertThat(beta.reworded()).isTrue();
        assertThat(beta.rewordedIn()).containsExactly(Language.EN);
        assertThat(beta.text().en().summary()).isEqualTo("Beta, the way we do it.");
        assertThat(beta.shared().en().summary()).isEqualTo("About beta.");
        assertThat(beta.sharedVersion()).isEqualTo(1);
    }

    @Test
    void a_rewording_of_one_part_keeps_the_other_parts_and_the_other_language_in_the_shared_words() {
        TenantStandards standards = effective(CATALOGUE, REWORDED_BETA);

        AdoptedStandard beta = standards.find("guide.beta").orElseThrow();
        assertThat(beta.text().en().title()).isEqualTo("Beta");
        assertThat(beta.text().en().points()).containsExactly("Do beta");
        assertThat(beta.text().esUs()).isEqualTo(beta.shared().esUs());
    }

    @Test
    void rewording_an_entry_does_not_move_it() {
        TenantStandards standards = effective(CATALOGUE, """
                adopt: all
                reword:
                  - shared: scenario.delta
                    text:
                      es-US:
                        title: Delta a nuestra manera
                """);

        assertThat(standards.ids()).containsExactly("principle.alpha", "guide.beta", "method.gamma", "scenario.delta");
        assertThat(standards.find("scenario.delta").orElseThrow().rewordedIn()).containsExactly(Language.ES_US);
    }

    @Test
    void retired_entries_are_left_out_when_the_whole_catalogue_is_adopted() {
        Catalogue catalogue = Catalogues.catalogue(2, entry("principle.alpha", "principle", 1, "alpha"),
                retired("guide.beta", "response-guide", 2, "beta"));

        assertThat(effective(catalogue, "adopt: all\n").ids()).containsExactly("principle.alpha");
    }

    @Test
    void an_own_entry_written_only_in_english_is_shown_in_english_to_spanish_speaking_staff() {
        TenantStandards standards = effective(CATALOGUE, """
                adopt: listed
                standards:
                  - own: our-own
                    kind: principle
                    text:
                      en: {title: Ours, summary: Our principle., points: [Keep it.]}
                """);

        assertThat(standards.find("our-own").orElseThrow().text().shownIn(Language.of(Locale.forLanguageTag("es-US"))).title())
                .isEqualTo("Ours");
    }

    @Test
    void riverbend_sees_the_whole_catalogue_with_three_entries_in_its_own_words() throws IOException {
        TenantStandards riverbend = demo("riverbend");

        assertThat(riverbend.ids()).isEqualTo(SharedCatalogue.current().current().stream().map(e -> e.id()).toList());
        assertThat(riverbend.standards()).filteredOn(AdoptedStandard::reworded).extracting(AdoptedStandard::id)
                .containsExactly("principle.ownership", "guide.request-cannot-be-met", "phone.answering");
        AdoptedStandard phone = riverbend.find("phone.answering").orElseThrow();
        assertThat(phone.rewordedIn()).isEqualTo(Set.of(Language.EN, Language.ES_US));
        assertThat(phone.text().en().points()).anySatisfy(p -> assertThat(p).contains("Riverbend Regional Library"));
        assertThat(phone.shared().en().points()).noneSatisfy(p -> assertThat(p).contains("Riverbend"));
    }

    @Test
    void hollis_college_sees_its_seven_chosen_standards_in_its_order_and_its_own_two() throws IOException {
        TenantStandards hollis = demo("hollis-college");

        assertThat(hollis.standards()).filteredOn(s -> s.origin() == Origin.SHARED).extracting(AdoptedStandard::id).containsExactly(
                "principle.present-patrons-first", "principle.find-ways-to-say-yes", "principle.ownership",
                "principle.equal-respect", "checklist.desk-conduct", "guide.tech-help-limits", "email.replies");
        assertThat(hollis.standards()).filteredOn(s -> s.origin() == Origin.OWN).extracting(AdoptedStandard::id)
                .containsExactly("follow-up-on-open-questions", "ask-before-you-guess");
        assertThat(hollis.ids().indexOf("follow-up-on-open-questions")).isEqualTo(3);
    }

    @Test
    void hollis_college_names_its_seven_service_values_in_both_languages_with_the_shared_words_beside_them() throws IOException {
        TenantStandards hollis = demo("hollis-college");

        assertThat(hollis.standards()).extracting(s -> s.text().en().title().split(":")[0]).containsSubsequence(
                "Service oriented", "Empowered", "Responsible", "Engaged", "Values driven", "Courteous", "Informed");
        assertThat(hollis.standards()).filteredOn(s -> s.origin() == Origin.SHARED).extracting(s -> s.text().esUs().title())
                .filteredOn(t -> t.contains(":")).hasSize(6);
        AdoptedStandard values = hollis.find("principle.equal-respect").orElseThrow();
        assertThat(values.rewordedIn()).containsExactlyInAnyOrder(Language.EN, Language.ES_US);
        assertThat(values.shared().en().title()).isEqualTo("Equal respect, the same service for everyone");
    }

    @Test
    void lakeview_law_sees_a_few_shared_standards_and_its_own_rule_for_requests_about_patrons() throws IOException {
        TenantStandards lakeview = demo("lakeview-law");

        assertThat(lakeview.standards()).filteredOn(s -> s.origin() == Origin.SHARED).hasSize(5);
        AdoptedStandard own = lakeview.find("requests-about-a-patron").orElseThrow();
        assertThat(own.origin()).isEqualTo(Origin.OWN);
        assertThat(own.kind()).isEqualTo(StandardKind.RESPONSE_GUIDE);
        assertThat(own.text().en().summary()).contains("supervisor on duty", "confidential");
    }
}
