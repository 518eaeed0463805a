package org.servicepoint.incidents.forms.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TurkishLocale;

/** Form files, stored reports and headquarters' counts hold these codes: they must not change with a constant's name. */
class FormCodesTest {

    @Test
    void field_types_keep_the_codes_form_files_use() {
        assertThat(Arrays.stream(FieldType.values()).map(FieldType::code)).containsExactly(
                "text", "long-text", "date-time", "choice", "multi-choice", "yes-no", "number", "staff-member");
    }

    @Test
    void incident_categories_keep_the_codes_reports_are_stored_and_counted_under() {
        assertThat(Arrays.stream(IncidentCategory.values()).map(IncidentCategory::code)).containsExactly(
                "accident-injury", "theft", "vandalism", "break-in", "physical-altercation", "missing-person", "threat-of-harm",
                "angry-patron", "abusive-behaviour", "computer-use-ban", "other");
    }

    @Test
    void a_code_names_its_constant_and_anything_else_names_none() {
        for (FieldType type : FieldType.values()) {
            assertThat(FieldType.ofCode(type.code())).contains(type);
        }
        for (IncidentCategory category : IncidentCategory.values()) {
            assertThat(IncidentCategory.ofCode(category.code())).contains(category);
        }
        assertThat(FieldType.ofCode("LONG_TEXT")).isEmpty();
        assertThat(FieldType.ofCode(null)).isEmpty();
        assertThat(IncidentCategory.ofCode("Theft")).isEmpty();
    }

    @Test
    void codes_are_the_same_on_a_turkish_jvm() {
        assertThat(TurkishLocale.during(FieldType.MULTI_CHOICE::code)).isEqualTo("multi-choice");
        assertThat(TurkishLocale.during(() -> IncidentCategory.ofCode("physical-altercation"))).contains(IncidentCategory.PHYSICAL_ALTERCATION);
    }
}
