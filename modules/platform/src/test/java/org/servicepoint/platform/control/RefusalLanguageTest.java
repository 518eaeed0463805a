package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal.Violation;

class RefusalLanguageTest {

    private static final Locale ES_US = Locale.forLanguageTag("es-US");

    @Test
    void a_refusal_said_with_keys_reads_in_english_as_before_and_in_spanish_for_a_spanish_reply() {
        Refusal refusal = Refusal.notFound(Text.of("platform.not-found.branch", "PINE-HOLLOW"));
        assertThat(refusal.getMessage()).isEqualTo("branch PINE-HOLLOW does not exist");
        assertThat(refusal.detail(Locale.US)).isEqualTo("branch PINE-HOLLOW does not exist");
        assertThat(refusal.detail(ES_US)).isEqualTo("la sucursal PINE-HOLLOW no existe");
    }

    @Test
    void a_field_refusal_says_its_detail_and_its_violation_in_the_replys_language() {
        Refusal refusal = Refusal.invalid("reason", Text.of("platform.text.too-long", 2000));
        assertThat(refusal.getMessage()).isEqualTo("reason: must be at most 2000 characters");
        assertThat(refusal.violations()).containsExactly(new Violation("reason", "must be at most 2000 characters"));
        assertThat(refusal.detail(ES_US)).isEqualTo("reason: debe tener como máximo 2000 caracteres");
        assertThat(refusal.violations(ES_US)).extracting(Violation::message).containsExactly("debe tener como máximo 2000 caracteres");
        assertThat(refusal.violations(ES_US).get(0).text()).as("the wire carries words, not keys").isNull();
    }

    @Test
    void free_text_rules_answer_in_spanish_through_their_keys() {
        assertThatThrownBy(() -> FreeText.check("note", "<b>hi</b>", 100, true, false)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.getMessage()).isEqualTo("note: contains markup (<b>); write plain text: it is kept, mailed and printed as typed");
            assertThat(r.violations(ES_US).get(0).message()).startsWith("contiene marcado (<b>); escriba texto simple");
        });
    }

    @Test
    void a_refusal_written_as_plain_english_stays_english_in_every_language() {
        Refusal refusal = Refusal.invalid("2 problems", List.of(new Violation("a", "is required")));
        assertThat(refusal.detail(ES_US)).isEqualTo("2 problems");
        assertThat(refusal.violations(ES_US)).containsExactly(new Violation("a", "is required"));
    }

    @Test
    void arguments_print_as_the_code_printed_them_and_a_word_inside_a_word_follows_the_language() {
        assertThat(Text.of("platform.text.too-long", 12000).english()).isEqualTo("must be at most 12000 characters");
        Text nested = new Violation("endsAt", Text.of("platform.text.required"), "x.yaml:3").said();
        assertThat(nested.english()).isEqualTo("x.yaml:3: endsAt: is required");
        assertThat(nested.in(ES_US)).isEqualTo("x.yaml:3: endsAt: es obligatorio");
    }

    @Test
    void a_key_that_names_no_module_is_refused_when_it_is_written() {
        assertThatThrownBy(() -> Text.of("required")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_refusal_logged_at_start_up_names_each_violation_on_a_line_of_its_own() {
        Refusal refusal = Refusal.invalid("2 problem(s) in the tenant files", List.of(
                new Violation("slug", "must be lower case", "tenants/x/tenant.yaml:2"), new Violation("name", "is required")));

        assertThat(refusal.forLog()).isEqualTo("2 problem(s) in the tenant files"
                + "\n  tenants/x/tenant.yaml:2: slug: must be lower case\n  name: is required");
    }
}
