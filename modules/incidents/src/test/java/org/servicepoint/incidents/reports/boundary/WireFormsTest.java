package org.servicepoint.incidents.reports.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The first, cheap checks on what clients send; the controls check the rest. */
class WireFormsTest {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static Set<String> invalid(Object form) {
        return VALIDATOR.validate(form).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void a_signature_needs_the_version_read_and_an_explicit_yes() {
        assertThat(invalid(new SignForm(3L, true))).isEmpty();
        assertThat(invalid(new SignForm(3L, false))).containsExactly("confirm");
        assertThat(invalid(new SignForm(null, null))).containsExactlyInAnyOrder("version", "confirm");
    }

    @Test
    void a_new_report_names_a_category_code_and_at_most_twenty_patrons() {
        assertThat(invalid(new NewReportForm("theft", null, null, null, null))).isEmpty();
        assertThat(invalid(new NewReportForm("<script>", "PINE-HOLLOW", OffsetDateTime.now(), Map.of(), List.of())))
                .containsExactly("category");
        List<UUID> many = java.util.stream.Stream.generate(UUID::randomUUID).limit(21).toList();
        assertThat(invalid(new NewReportForm("theft", "A-BRANCH-CODE-TOO-LONG", null, null, many)))
                .containsExactlyInAnyOrder("branch", "patronReferences");
    }

    @Test
    void an_autosave_sends_its_answers_and_not_too_many() {
        assertThat(invalid(new AnswersForm(Map.of("location", "Lobby"), null, null))).isEmpty();
        assertThat(invalid(new AnswersForm(null, null, null))).containsExactly("answers");
        Map<String, Object> lots = new HashMap<>();
        for (int i = 0; i < 101; i++) {
            lots.put("k" + i, "v");
        }
        assertThat(invalid(new AnswersForm(lots, null, null))).containsExactly("answers");
    }

    @Test
    void a_call_to_headquarters_says_whom_and_when_and_an_addendum_says_something() {
        assertThat(invalid(new VerbalReportForm(null, "Coordinator", OffsetDateTime.now(), null))).isEmpty();
        assertThat(invalid(new VerbalReportForm(null, " ", null, "x".repeat(1001))))
                .containsExactlyInAnyOrder("calledTo", "calledAt", "note");
        assertThat(invalid(new AddendumForm("", null))).containsExactlyInAnyOrder("text", "version");
        assertThat(invalid(new AddendumForm("x".repeat(4001), 1L))).containsExactly("text");
    }
}
