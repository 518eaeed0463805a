package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicepoint.standards.entity.Adoption;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.tenancy.control.Plan.Action;
import org.servicepoint.tenancy.control.Plan.Change;
import org.servicepoint.tenancy.control.Plan.FieldChange;

/** What applying a standards.yaml changes in what staff see, entry by entry. */
class AdoptionPlanTest {

    static final Catalogue CATALOGUE = Catalogues.first();
    static final AdoptionDocuments.LinkTargets TARGETS = new AdoptionDocuments.LinkTargets(Set.of("branch-manager", "librarian"),
            Set.of("difficult-situation"));

    static final String LISTED = """
            adopt: listed
            standards:
              - shared: guide.beta
              - shared: principle.alpha
            """;

    static Adoption read(String yaml) {
        return AdoptionDocuments.read("standards.yaml", yaml, InputFormat.YAML, CATALOGUE, TARGETS);
    }

    static List<Change> plan(String before, String after) {
        return AdoptionPlan.between("millbrook", before == null ? null : read(before), read(after), CATALOGUE, false);
    }

    static Change change(List<Change> changes, String id) {
        return changes.stream().filter(c -> c.key().equals("millbrook/" + id)).findFirst()
                .orElseThrow(() -> new AssertionError("no change for " + id + " in " + changes));
    }

    static String what(Change change) {
        return change.fields().get(0).after();
    }

    @Test
    void the_same_file_again_is_one_unchanged_line_for_the_library_system() {
        List<Change> changes = AdoptionPlan.between("millbrook", read(LISTED), read(LISTED), CATALOGUE, true);

        assertThat(changes).containsExactly(new Change("standards", "millbrook", Action.UNCHANGED, List.of()));
    }

    @Test
    void a_first_file_is_compared_with_the_whole_catalogue_that_was_shown_until_then() {
        List<Change> changes = plan(null, LISTED);

        assertThat(changes).extracting(AdoptionPlanTest::what).containsExactly("reordered", "reordered", "dropped", "dropped");
        assertThat(change(changes, "guide.beta").fields()).contains(new FieldChange("position", "2", "1"));
        assertThat(change(changes, "principle.alpha").fields()).contains(new FieldChange("position", "1", "2"));
        assertThat(change(changes, "method.gamma").fields()).contains(new FieldChange("position", "3", null));
        assertThat(change(changes, "scenario.delta").action()).isEqualTo(Action.UPDATE);
    }

    @Test
    void an_entry_listed_anew_is_adopted_at_its_place() {
        List<Change> changes = plan(LISTED, LISTED + "  - shared: method.gamma\n");

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).action()).isEqualTo(Action.CREATE);
        assertThat(changes.get(0).fields()).containsExactly(new FieldChange("change", null, "adopted"),
                new FieldChange("position", null, "3"));
    }

    @Test
    void entries_that_only_shift_because_another_was_adopted_before_them_are_not_reordered() {
        List<Change> changes = plan(LISTED, LISTED.replace("standards:\n", "standards:\n  - shared: method.gamma\n"));

        assertThat(changes).extracting(Change::key).containsExactly("millbrook/method.gamma");
    }

    @Test
    void swapping_two_entries_reorders_them() {
        List<Change> changes = plan(LISTED, "adopt: listed\nstandards:\n  - shared: principle.alpha\n  - shared: guide.beta\n");

        assertThat(changes).extracting(AdoptionPlanTest::what).containsOnly("reordered");
        assertThat(change(changes, "principle.alpha").fields()).contains(new FieldChange("position", "2", "1"));
    }

    @Test
    void a_rewording_shows_the_shared_words_and_the_new_ones_part_by_part() {
        List<Change> changes = plan(LISTED, LISTED + "reword:\n  - shared: principle.alpha\n    text:\n      es-US: {summary: Nuestro alfa.}\n");

        Change reworded = change(changes, "principle.alpha");
        assertThat(what(reworded)).isEqualTo("reworded");
        assertThat(reworded.fields()).contains(new FieldChange("es-US.summary", "About alpha (es).", "Nuestro alfa."));
        assertThat(reworded.fields()).noneMatch(f -> f.field().startsWith("en."));
    }

    @Test
    void an_own_entry_whose_words_change_is_shown_as_changed() {
        String own = LISTED + "  - own: quiet-floors\n    kind: checklist\n    text:\n      en: {title: Quiet, summary: S, points: [a, b, c]}\n";

        List<Change> changes = plan(own, own.replace("points: [a, b, c]", "points: [a, b, d]"));

        assertThat(changes).hasSize(1);
        assertThat(what(changes.get(0))).isEqualTo("own entry changed");
        assertThat(changes.get(0).fields()).contains(new FieldChange("en.points", "a | b | c", "a | b | d"));
    }

    @Test
    void a_link_added_to_a_guide_is_shown_with_its_positions_and_situations() {
        List<Change> changes = plan(LISTED, LISTED + "links:\n  - standard: guide.beta\n    positions: [librarian]\n"
                + "    situations: [difficult-situation]\n");

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).fields()).containsExactly(new FieldChange("change", null, "links changed"),
                new FieldChange("links.positions", null, "librarian"),
                new FieldChange("links.situations", null, "difficult-situation"));
    }

    @Test
    void a_file_that_changes_only_comments_is_stored_and_says_staff_see_the_same() {
        List<Change> changes = plan(LISTED, "# our standards\n" + LISTED);

        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).key()).isEqualTo("millbrook");
        assertThat(changes.get(0).action()).isEqualTo(Action.UPDATE);
    }
}
