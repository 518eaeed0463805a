package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.servicepoint.standards.control.Catalogues.entry;
import static org.servicepoint.standards.control.Catalogues.retired;

import com.networknt.schema.InputFormat;
import org.junit.jupiter.api.Test;
import org.servicepoint.standards.entity.Adoption;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.CatalogueChange;
import org.servicepoint.standards.entity.CatalogueChange.What;
import org.servicepoint.standards.entity.CatalogueUpdate;
import org.servicepoint.standards.entity.Language;

/** What a newer catalogue changes for a library system, and which of the changed entries it had reworded. */
class CatalogueChangesTest {

    static final Catalogue OLDER = Catalogues.first();

    /**
     * Version 2: alpha's English summary and Spanish title rewritten, beta unchanged, gamma retired, delta gone (which
     * the catalogue should never do, but the comparison still says so), epsilon new.
     */
    static final Catalogue NEWER = Catalogues.catalogue(2,
            entry("principle.alpha", "principle", 2, "alpha")
                    .replace("summary: About alpha.", "summary: About alpha again.")
                    .replace("title: Alpha (es)", "title: Alfa (es)"),
            entry("guide.beta", "response-guide", 1, "beta"),
            retired("method.gamma", "method", 2, "gamma"),
            entry("guide.epsilon", "response-guide", 1, "epsilon"));

    static Adoption adoption(String yaml) {
        return AdoptionDocuments.read("standards.yaml", yaml, InputFormat.YAML, OLDER);
    }

    /** What moving from {@link #OLDER} to {@link #NEWER} means for a library system that adopted as the yaml says. */
    static CatalogueUpdate newerFor(String adoptionYaml) {
        return CatalogueChanges.between(OLDER, NEWER, adoption(adoptionYaml));
    }

    static CatalogueChange change(CatalogueUpdate update, String id) {
        return update.changes().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not among the changes " + update.changes()));
    }

    @Test
    void the_same_catalogue_twice_changes_nothing() {
        CatalogueUpdate update = CatalogueChanges.between(OLDER, Catalogues.first(), adoption("adopt: all\n"));

        assertThat(update.changes()).isEmpty();
    }

    @Test
    void every_kind_of_change_is_reported_with_the_versions_before_and_after() {
        CatalogueUpdate update = newerFor("adopt: all\n");

        assertThat(update.fromVersion()).isEqualTo(1);
        assertThat(update.toVersion()).isEqualTo(2);
        assertThat(update.changes()).extracting(CatalogueChange::id, CatalogueChange::what, CatalogueChange::fromVersion,
                CatalogueChange::toVersion).containsExactly(
                tuple("principle.alpha", What.CHANGED, 1, 2),
                tuple("method.gamma", What.RETIRED, 1, 2),
                tuple("guide.epsilon", What.ADDED, null, 1),
                tuple("scenario.delta", What.REMOVED, 1, null));
    }

    @Test
    void a_changed_entry_names_the_parts_that_changed_in_each_language() {
        CatalogueUpdate update = newerFor("adopt: all\n");

        assertThat(change(update, "principle.alpha").changedParts()).containsExactly("en.summary", "es-US.title");
    }

    @Test
    void a_changed_entry_the_tenant_had_reworded_is_flagged_with_the_languages_it_reworded() {
        CatalogueUpdate update = newerFor("""
                adopt: all
                reword:
                  - shared: principle.alpha
                    text:
                      es-US: {summary: Alfa a nuestra manera.}
                  - shared: guide.beta
                    text:
                      en: {summary: Beta our way.}
                """);

        assertThat(update.rewordedAndChanged()).extracting(CatalogueChange::id).containsExactly("principle.alpha");
        assertThat(change(update, "principle.alpha").rewordedIn()).containsExactly(Language.ES_US);
    }

    @Test
    void a_new_entry_reaches_a_tenant_that_adopts_all_and_is_only_offered_to_one_that_adopts_a_list() {
        CatalogueUpdate all = newerFor("adopt: all\n");
        CatalogueUpdate listed = newerFor("""
                adopt: listed
                standards:
                  - shared: principle.alpha
                """);

        assertThat(change(all, "guide.epsilon").adopted()).isTrue();
        assertThat(change(listed, "guide.epsilon").adopted()).isFalse();
    }

    @Test
    void changes_to_entries_the_tenant_does_not_use_are_listed_but_do_not_concern_it() {
        CatalogueUpdate update = newerFor("""
                adopt: listed
                standards:
                  - shared: method.gamma
                """);

        assertThat(update.concerningTheTenant()).extracting(CatalogueChange::id, CatalogueChange::what)
                .containsExactly(tuple("method.gamma", What.RETIRED));
        assertThat(change(update, "principle.alpha").adopted()).isFalse();
    }

    @Test
    void a_retired_entry_the_tenant_had_reworded_is_among_what_it_should_read_again() {
        CatalogueUpdate update = newerFor("""
                adopt: all
                reword:
                  - shared: method.gamma
                    text:
                      en: {title: Gamma our way}
                """);

        assertThat(update.rewordedAndChanged()).extracting(CatalogueChange::id, CatalogueChange::what)
                .containsExactly(tuple("method.gamma", What.RETIRED));
    }

    @Test
    void a_new_version_number_alone_is_reported_as_a_change_without_changed_parts() {
        Catalogue renumbered = Catalogues.catalogue(2, entry("principle.alpha", "principle", 2, "alpha"),
                entry("guide.beta", "response-guide", 1, "beta"), entry("method.gamma", "method", 1, "gamma"),
                entry("scenario.delta", "scenario", 1, "delta"));

        CatalogueUpdate update = CatalogueChanges.between(OLDER, renumbered, adoption("adopt: all\n"));

        assertThat(update.changes()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("principle.alpha");
            assertThat(c.what()).isEqualTo(What.CHANGED);
            assertThat(c.changedParts()).isEmpty();
        });
    }
}
