package org.servicepoint.incidents.forms.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.incidents.forms.control.FormDocumentsTest.FILE;
import static org.servicepoint.incidents.forms.control.FormDocumentsTest.GOOD;
import static org.servicepoint.incidents.forms.control.FormDocumentsTest.refusal;

import com.networknt.schema.InputFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;

/** The rules the editor leans on: text that is only spaces, and two questions of one report with the same label. */
class FormRulesTest {

    static List<String> fieldsOf(Refusal refusal) {
        return refusal.violations().stream().map(Violation::field).toList();
    }

    @Test
    void a_label_title_help_guidance_line_or_choice_of_only_spaces_is_refused_at_its_field() {
        String yaml = GOOD.replace("label: Where", "label: \"   \"\n    help: \"  \"")
                .replace("title: Incident report", "title: \" \"\nguidance: [Facts only, \"  \"]")
                .replace("    recipients: [branch-manager]", "    recipients: [branch-manager]\n    title: \"  \"")
                .replace("    type: long-text", "    type: choice\n        choices: [Perhaps, \" \"]");
        Refusal refusal = refusal(yaml);
        assertThat(fieldsOf(refusal)).containsExactlyInAnyOrder("title", "guidance[1]", "fields[0].label", "fields[0].help",
                "categories[0].title", "categories[0].fields[0].choices[1]");
        assertThat(refusal.violations()).allSatisfy(v -> assertThat(v.at()).startsWith(FILE + ":"));
    }

    @Test
    void two_questions_asked_in_one_report_may_not_share_a_label_whatever_its_case() {
        String yaml = GOOD.replace("label: What was taken", "label: \"where \"");
        assertThat(fieldsOf(refusal(yaml))).containsExactly("categories[0].fields[0].label");
        String twiceInTheForm = GOOD.replace("    required: true\n", "    required: true\n  - key: place\n    label: WHERE\n    type: text\n");
        assertThat(fieldsOf(refusal(twiceInTheForm))).containsExactly("fields[1].label");
    }

    @Test
    void the_same_label_in_two_categories_is_fine_since_no_report_asks_both() {
        String yaml = GOOD + """
                  - code: vandalism
                    fields:
                      - key: damage
                        label: What was taken
                        type: text
                """;
        assertThat(FormDocuments.read(FILE, yaml, InputFormat.YAML, FormDocumentsTest.POSITIONS).form().categories()).hasSize(2);
    }
}
