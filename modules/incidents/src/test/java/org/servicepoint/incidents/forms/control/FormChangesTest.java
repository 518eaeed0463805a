package org.servicepoint.incidents.forms.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.incidents.forms.control.FormDocumentsTest.FILE;
import static org.servicepoint.incidents.forms.control.FormDocumentsTest.GOOD;
import static org.servicepoint.incidents.forms.control.FormDocumentsTest.POSITIONS;

import com.networknt.schema.InputFormat;
import org.junit.jupiter.api.Test;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.Plan.FieldChange;

/** The plan of a form: the version it would make and what differs, by key and code, the same for files and the editor. */
class FormChangesTest {

    static FormDocuments.Checked read(String yaml) {
        return FormDocuments.read(FILE, yaml, InputFormat.YAML, POSITIONS);
    }

    @Test
    void the_same_form_again_is_unchanged_and_names_no_version() {
        FormDocuments.Checked form = read(GOOD);
        Plan.Change change = FormChanges.of("riverbend", 3, form.hash(), form.form(), read("# other layout\n" + GOOD));
        assertThat(change.action()).isEqualTo(Plan.Action.UNCHANGED);
        assertThat(change.key()).isEqualTo("riverbend/incident-form");
        assertThat(change.fields()).isEmpty();
    }

    @Test
    void a_new_question_a_changed_label_and_a_required_toggle_are_each_one_line_after_the_next_version() {
        FormDocuments.Checked before = read(GOOD);
        FormDocuments.Checked after = read(GOOD.replace("label: What was taken", "label: What went missing")
                .replace("    required: true\n", "    required: false\n  - key: floor\n    label: Floor\n    type: number\n    required: true\n"));
        Plan.Change change = FormChanges.of("riverbend", 3, before.hash(), before.form(), after);
        assertThat(change.action()).isEqualTo(Plan.Action.UPDATE);
        assertThat(change.fields()).containsExactly(
                new FieldChange("version", "3", "4"),
                new FieldChange("fields.location.required", "true", "false"),
                new FieldChange("fields.floor", null, "Floor (number, required)"),
                new FieldChange("categories.theft.fields.itemsTaken.label", "What was taken", "What went missing"));
    }

    @Test
    void moving_a_question_is_one_line_of_order_and_a_removed_category_is_named_with_its_title() {
        String two = GOOD + "  - code: vandalism\n";
        FormDocuments.Checked before = read(two.replace("    required: true\n",
                "    required: true\n  - key: floor\n    label: Floor\n    type: number\n"));
        FormDocuments.Checked after = read(GOOD.replace("fields:\n  - key: location",
                "fields:\n  - key: floor\n    label: Floor\n    type: number\n  - key: location"));
        assertThat(FormChanges.of("riverbend", 1, before.hash(), before.form(), after).fields()).containsExactly(
                new FieldChange("version", "1", "2"),
                new FieldChange("fields (order)", "location, floor", "floor, location"),
                new FieldChange("categories.vandalism", "Vandalism", null));
    }

    @Test
    void a_library_system_without_a_version_is_compared_with_the_built_in_form_and_would_get_version_1() {
        Plan.Change change = FormChanges.of("hollis-college", null, null, null, read(GOOD));
        assertThat(change.action()).isEqualTo(Plan.Action.CREATE);
        assertThat(change.fields().get(0)).isEqualTo(new FieldChange("version", null, "1"));
        // The built-in form asks "description"; this one does not, and it has no break-in category.
        assertThat(change.fields()).extracting(FieldChange::field).contains("fields.description", "categories.break-in",
                "categories.theft.recipients");
    }
}
