package org.servicepoint.incidents.reports.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.servicepoint.platform.testing.Refusals.refusalOf;

import com.networknt.schema.InputFormat;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.Fixtures;
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.incidents.forms.control.FormDocuments;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Refusal;

class AnswerRulesTest {

    static final FormDefinition FORM = FormDocuments.read("form", """
            fields:
              - {key: location, label: Where, type: text, required: true, maxLength: 20}
              - {key: description, label: What happened, type: long-text, required: true, maxLength: 50}
              - {key: when, label: When, type: date-time}
              - {key: hurt, label: Anyone hurt, type: yes-no, required: true}
              - {key: count, label: How many, type: number}
              - {key: who, label: Who, type: choice, choices: [Patron, Staff member]}
              - {key: treatment, label: Treatment, type: multi-choice, choices: [None, First aid, Ambulance]}
              - {key: witness, label: Witness, type: staff-member}
            categories:
              - code: other
            """, InputFormat.YAML, null).form();
    static final Map<String, FormDefinition.Field> FIELDS = FORM.fieldsFor(FORM.category("other").orElseThrow());

    static AnswerRules.Checked check(Map<String, Object> answers) {
        return AnswerRules.checked(FIELDS, answers, Fixtures.ZONE, Fixtures.roster());
    }

    static List<Violation> refused(Map<String, Object> answers) {
        Refusal refusal = refusalOf(() -> check(answers));
        assertThat(refusal.status()).isEqualTo(400);
        return refusal.violations();
    }

    static Map<String, Object> answers(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void every_kind_of_answer_is_stored_in_one_normal_form() {
        AnswerRules.Checked checked = check(answers(
                "location", "  Children's room ",
                "description", "Line one\r\nLine two",
                "when", "2026-03-10T14:05",
                "hurt", false,
                "count", new BigDecimal("2.50"),
                "who", "Patron",
                "treatment", List.of("Ambulance", "None"),
                "witness", Fixtures.WITNESS.toString()));
        assertThat(checked.answers()).containsEntry("location", "Children's room")
                .containsEntry("description", "Line one\nLine two")
                .containsEntry("when", "2026-03-10T14:05:00-05:00")
                .containsEntry("hurt", false)
                .containsEntry("count", new BigDecimal("2.5"))
                .containsEntry("treatment", List.of("None", "Ambulance"));
        assertThat(checked.staffNames()).containsEntry(Fixtures.WITNESS.toString(), "Zoë");
    }

    @Test
    void markup_is_refused_with_what_was_found_and_lone_angle_brackets_stay_text() {
        for (String markup : List.of("<b>shouted</b> & left", "<script>alert(1)</script>", "a <img src=x onerror=alert(1)> b",
                "</div>", "<!-- hidden -->", "&lt;b&gt;bold", "<a href='x'>link</a>", "<BR/>")) {
            List<Violation> violations = refused(answers("description", markup));
            assertThat(violations).as(markup).extracting(Violation::field).containsExactly("answers.description");
            assertThat(violations.get(0).message()).as(markup).contains("markup");
        }
        for (String text : List.of("5 < 6 & 7 > 3", "I <3 books", "a<5 and c>d", "<<>>", "x < y > z", "R&D; Q&A", "-> and <-")) {
            assertThat(check(answers("description", text)).answers()).as(text).containsEntry("description", text);
        }
    }

    @Test
    void an_unknown_field_a_wrong_kind_too_much_text_and_control_characters_are_each_named() {
        List<Violation> violations = refused(answers(
                "colour", "red",
                "hurt", "no",
                "count", "3",
                "location", "x".repeat(21),
                "description", "bell\u0007",
                "who", "Dog",
                "treatment", List.of("None", "None"),
                "witness", "00000000-0000-0000-0000-000000000000",
                "when", "yesterday"));
        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("answers.colour", "answers.hurt",
                "answers.count", "answers.location", "answers.description", "answers.who", "answers.treatment", "answers.witness",
                "answers.when");
    }

    @Test
    void answers_without_question_names_are_refused_not_failed_on() {
        Map<String, Object> unnamed = new java.util.HashMap<>();
        unnamed.put(null, "a");
        assertThatThrownBy(() -> check(unnamed)).isInstanceOf(org.servicepoint.platform.control.Refusal.class)
                .hasMessageContaining("answers");
    }

    @Test
    void a_line_break_in_a_single_line_field_and_a_bidirectional_override_are_refused() {
        assertThat(refused(answers("location", "two\nlines"))).extracting(Violation::field).containsExactly("answers.location");
        assertThat(refused(answers("description", "abc\u202Edef"))).extracting(Violation::field).containsExactly("answers.description");
    }

    @Test
    void a_draft_may_be_incomplete_but_submission_names_every_missing_required_answer() {
        AnswerRules.Checked partial = check(answers("location", "Lobby", "description", "  "));
        assertThat(partial.answers()).containsOnlyKeys("location");
        assertThat(AnswerRules.missing(FIELDS, partial.answers())).extracting(Violation::field)
                .containsExactly("answers.description", "answers.hurt");
        assertThat(AnswerRules.missing(FIELDS, check(answers("location", "Lobby", "description", "Fell", "hurt", true)).answers()))
                .isEmpty();
    }

    @Test
    void numbers_must_be_plausible() {
        assertThat(refused(answers("count", new BigDecimal("1e13")))).hasSize(1);
        assertThat(refused(answers("count", new BigDecimal("0.12345")))).hasSize(1);
        assertThat(check(answers("count", 7)).answers()).containsEntry("count", new BigDecimal("7"));
    }
}
