package org.servicepoint.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.RequestLanguage;

class ProblemLanguageTest {

    private static final Locale ES_US = Locale.forLanguageTag("es-US");

    @AfterEach
    void clear() {
        RequestLanguage.clear();
    }

    @Test
    void a_spanish_speaking_request_gets_spanish_problem_titles_and_platform_details() {
        RequestLanguage.set(() -> ES_US);
        assertThat(ProblemText.title("conflict", "Conflict with the current state")).isEqualTo("Conflicto con el estado actual");
        assertThat(ProblemText.title("not-found", "Not Found")).isEqualTo("No encontrado");
        assertThat(ProblemText.detail("no-such-resource")).isEqualTo("no existe tal recurso");
        assertThat(ProblemText.detail("body-too-large", "1048576")).startsWith("el cuerpo supera").contains("(1048576 bytes)");
    }

    @Test
    void english_replies_keep_the_titles_and_details_they_had() {
        RequestLanguage.set(() -> Locale.US);
        assertThat(ProblemText.title("not-found", "Not Found")).isEqualTo("Not Found");
        assertThat(ProblemText.detail("no-such-resource")).isEqualTo("no such resource");
        assertThat(ProblemText.detail("body-too-large", "1048576"))
                .isEqualTo("the body is larger than this endpoint accepts (1048576 bytes); nothing was stored");
        assertThat(ProblemText.detail("fields-not-acceptable", "2")).isEqualTo("2 field(s) are not acceptable");
    }

    @Test
    void an_unknown_problem_type_keeps_its_title_in_any_language() {
        RequestLanguage.set(() -> ES_US);
        assertThat(ProblemText.title("something-new", "Something new")).isEqualTo("Something new");
    }

    /** Spanish, counting how often the language is worked out. */
    private static int[] spanishCounted() {
        int[] asked = new int[1];
        RequestLanguage.set(() -> {
            asked[0]++;
            return ES_US;
        });
        return asked;
    }

    @Test
    void a_database_outage_is_told_in_english_without_asking_for_the_library_systems_language() {
        int[] asked = spanishCounted();
        assertThat(ProblemText.title("database-unavailable", "Service Unavailable")).isEqualTo("Service Unavailable");
        assertThat(asked[0]).isZero();
    }

    @Test
    void without_a_request_problems_are_written_in_english() {
        assertThat(RequestLanguage.current()).isEqualTo(Locale.US);
    }

    @Test
    void the_language_is_worked_out_once_per_request() {
        int[] asked = spanishCounted();
        RequestLanguage.current();
        RequestLanguage.current();
        assertThat(asked[0]).isEqualTo(1);
    }
}
