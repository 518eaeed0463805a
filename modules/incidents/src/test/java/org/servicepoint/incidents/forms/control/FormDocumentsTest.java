package org.servicepoint.incidents.forms.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.Refusals.refusalOf;

import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantSpec;

class FormDocumentsTest {

    static final String FILE = "tenants/test/incident-form.yaml";
    static final Set<String> POSITIONS = Set.of("library-assistant", "branch-manager", "business-manager");

    static final String GOOD = """
            title: Incident report
            fields:
              - key: location
                label: Where
                type: text
                required: true
            categories:
              - code: theft
                recipients: [branch-manager]
                fields:
                  - key: itemsTaken
                    label: What was taken
                    type: long-text
            """;

    static Violation only(Refusal refusal) {
        assertThat(refusal.violations()).hasSize(1);
        return refusal.violations().get(0);
    }

    static Refusal refusal(String yaml) {
        Refusal refusal = refusalOf(() -> FormDocuments.read(FILE, yaml, InputFormat.YAML, POSITIONS));
        assertThat(refusal.status()).isEqualTo(400);
        return refusal;
    }

    @Test
    void a_good_form_is_read_with_its_defaults_filled_in() {
        FormDocuments.Checked form = FormDocuments.read(FILE, GOOD, InputFormat.YAML, POSITIONS);
        FormDefinition.Category theft = form.form().category("theft").orElseThrow();
        assertThat(theft.title()).isEqualTo("Theft");
        assertThat(theft.needsVerbalReport()).isFalse();
        assertThat(form.form().fieldsFor(theft).keySet()).containsExactly("location", "itemsTaken");
        assertThat(form.form().fieldsFor(theft).get("itemsTaken").maxLength()).isEqualTo(4000);
        assertThat(form.form().fieldsFor(theft).get("location").maxLength()).isEqualTo(200);
        assertThat(form.hash()).matches("^[0-9a-f]{64}$").isEqualTo(CanonicalJson.sha256(form.canonical()));
    }

    @Test
    void a_field_of_an_unknown_type_is_named_with_its_line_and_path() {
        String yaml = GOOD.replace("type: long-text", "type: paragraph");
        Violation v = only(refusal(yaml));
        assertThat(v.at()).isEqualTo(FILE + ":13");
        assertThat(v.field()).isEqualTo("categories[0].fields[0].type");
    }

    @Test
    void an_unknown_key_and_a_missing_label_are_both_reported_each_at_its_line() {
        String yaml = GOOD.replace("    label: Where\n", "    colour: red\n");
        Refusal refusal = refusal(yaml);
        assertThat(refusal.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("fields[0].label", "fields[0].colour");
        Violation colour = refusal.violations().stream().filter(v -> v.field().equals("fields[0].colour")).findFirst().orElseThrow();
        assertThat(colour.at()).isEqualTo(FILE + ":4");
    }

    @Test
    void rules_beyond_the_schema_are_located_too_duplicate_keys_choices_and_recipients() {
        String yaml = """
                fields:
                  - key: location
                    label: Where
                    type: text
                categories:
                  - code: theft
                    recipients: [branch-manager, treasurer]
                    fields:
                      - key: location
                        label: Again
                        type: text
                      - key: kind
                        label: Kind
                        type: choice
                      - key: notes
                        label: Notes
                        type: yes-no
                        maxLength: 20
                """;
        Refusal refusal = refusal(yaml);
        assertThat(refusal.violations()).extracting(v -> v.at() + " " + v.field()).containsExactly(
                FILE + ":7 categories[0].recipients[1]",
                FILE + ":9 categories[0].fields[0].key",
                FILE + ":12 categories[0].fields[1].choices",
                FILE + ":18 categories[0].fields[2].maxLength");
        assertThat(refusal.violations().get(0).message()).contains("treasurer", "branch-manager");
    }

    @Test
    void a_category_listed_twice_and_a_category_outside_the_catalogue_are_refused() {
        Refusal twice = refusal(GOOD + "  - code: theft\n");
        assertThat(only(twice).field()).isEqualTo("categories[1].code");
        assertThat(only(twice).at()).isEqualTo(FILE + ":14");
        Refusal unknown = refusal(GOOD.replace("code: theft", "code: littering"));
        assertThat(only(unknown).field()).isEqualTo("categories[0].code");
        assertThat(only(unknown).at()).isEqualTo(FILE + ":8");
    }

    @Test
    void yaml_that_is_not_well_formed_names_its_line_and_a_key_written_twice_is_an_error() {
        Violation broken = only(refusal(GOOD.replace("    type: text\n", "    type: [text\n")));
        assertThat(broken.field()).isEqualTo("(document)");
        assertThat(broken.at()).startsWith(FILE + ":");
        assertThat(broken.message()).contains("not well-formed");
        Violation twice = only(refusal(GOOD.replace("title: Incident report\n", "title: A\ntitle: B\n")));
        assertThat(twice.at()).isEqualTo(FILE + ":2");
    }

    @Test
    void comments_layout_and_spelled_out_defaults_do_not_change_the_hash_but_a_label_does() {
        String same = "# our form\n" + GOOD.replace("    required: true\n", "    required: true\n    maxLength: 200\n")
                .replace("  - code: theft\n", "  - code: theft   # most common\n    verbalReportToHeadquarters: false\n");
        String hash = FormDocuments.read(FILE, GOOD, InputFormat.YAML, POSITIONS).hash();
        assertThat(FormDocuments.read(FILE, same, InputFormat.YAML, POSITIONS).hash()).isEqualTo(hash);
        String json = "{\"title\":\"Incident report\",\"fields\":[{\"key\":\"location\",\"label\":\"Where\",\"type\":\"text\","
                + "\"required\":true}],\"categories\":[{\"code\":\"theft\",\"recipients\":[\"branch-manager\"],\"fields\":"
                + "[{\"key\":\"itemsTaken\",\"label\":\"What was taken\",\"type\":\"long-text\"}]}]}";
        assertThat(FormDocuments.read("body", json, InputFormat.JSON, POSITIONS).hash()).isEqualTo(hash);
        assertThat(FormDocuments.read(FILE, GOOD.replace("label: Where", "label: Where exactly"), InputFormat.YAML, POSITIONS).hash())
                .isNotEqualTo(hash);
    }

    @Test
    void the_built_in_form_offers_every_category_and_names_no_positions() {
        FormDocuments.Checked form = FormDocuments.defaultForm();
        assertThat(form.form().categories()).extracting(FormDefinition.Category::code)
                .containsExactlyElementsOf(java.util.Arrays.stream(IncidentCategory.values()).map(IncidentCategory::code).toList());
        assertThat(form.form().categories()).allSatisfy(c -> assertThat(c.recipients()).isNull());
        assertThat(form.form().category("accident-injury").orElseThrow().guidance()).anySatisfy(g -> assertThat(g).contains("insurance"));
        assertThat(FormDocuments.stored(form.canonical())).isEqualTo(form.form());
    }

    @Test
    void the_demo_forms_fit_the_positions_of_their_library_systems() throws IOException {
        for (String slug : new String[] {"riverbend", "lakeview-law"}) {
            Path tenantFile = Path.of("../../tenants", slug, "tenant.yaml");
            TenantSpec spec = TenantDocuments.readTenant(tenantFile.toString(), Files.readString(tenantFile, StandardCharsets.UTF_8),
                    InputFormat.YAML);
            Set<String> positions = spec.positions().stream().map(TenantSpec.PositionSpec::code).collect(Collectors.toSet());
            Path form = Path.of("../../tenants", slug, FormDocuments.FILE_NAME);
            FormDocuments.Checked checked = FormDocuments.read(form.toString(), Files.readString(form, StandardCharsets.UTF_8),
                    InputFormat.YAML, positions);
            assertThat(checked.form().categories()).isNotEmpty();
            Library library = Library.of(spec);
            assertThat(checked.form().categories()).allSatisfy(c -> assertThat(library.recipients(c)).isNotEmpty());
        }
    }

    /** The delivery deadline's default (end of the incident's day) is written as nothing. */
    @Test
    void the_default_rule_leaves_the_form_hash_alone() {
        assertThat(new FormDefinition.DeliveryDeadline(null, null).normalised()).isNull();
        assertThat(new FormDefinition.DeliveryDeadline(0, "24:00").normalised()).isNull();
        assertThat(new FormDefinition.DeliveryDeadline(0, "17:00").normalised()).isEqualTo(new FormDefinition.DeliveryDeadline(0, "17:00"));
    }
}
