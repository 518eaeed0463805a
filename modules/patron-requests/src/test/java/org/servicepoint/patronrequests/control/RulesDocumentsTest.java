package org.servicepoint.patronrequests.control;

import org.servicepoint.patronrequests.entity.MatterKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;

class RulesDocumentsTest {

    static final Set<String> RIVERBEND = Set.of("page", "volunteer", "substitute", "library-assistant", "assistant-librarian",
            "branch-manager", "branch-services-coordinator", "business-manager", "executive-director");

    @Test
    void riverbends_file_names_the_executive_director_and_a_three_step_review() throws IOException {
        Path file = Path.of("../../tenants/riverbend/patron-requests.yaml");
        PatronRequestRules rules = RulesDocuments.read(file.toString(), Files.readString(file), InputFormat.YAML, RIVERBEND);
        assertThat(rules.complaints().handledBy()).isEqualTo("executive-director");
        assertThat(rules.complaints().alsoToHeadquarters()).containsExactly("safety", "privacy");
        assertThat(rules.reconsideration().steps()).extracting(PatronRequestRules.Step::step)
                .containsExactly("acknowledge", "read-and-review", "decide");
        assertThat(rules.retention().days(MatterKind.CALL_BACK)).isEqualTo(90);
    }

    @Test
    void a_library_system_without_the_file_keeps_call_backs_to_the_same_opening_day_and_complaints_ten_days() {
        assertThat(PatronRequestRules.NONE.callBacks().due()).isEqualTo("same-opening-day");
        assertThat(PatronRequestRules.NONE.complaints().respondWithinDays()).isEqualTo(10);
        assertThat(PatronRequestRules.NONE.complaints().handledBy()).isNull();
        assertThat(PatronRequestRules.NONE.retention().days(MatterKind.COMPLAINT)).isEqualTo(1095);
    }

    @Test
    void an_unknown_position_and_hours_without_their_rule_are_refused_with_their_lines() {
        String text = """
                complaints:
                  handledBy: director
                  respondWithinDays: 5
                callBacks:
                  due: same-opening-day
                  withinHours: 3
                """;
        assertThatThrownBy(() -> RulesDocuments.read("riverbend/patron-requests.yaml", text, InputFormat.YAML, RIVERBEND))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations())
                        .extracting(Refusal.Violation::field, Refusal.Violation::at)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("complaints.handledBy", "riverbend/patron-requests.yaml:2"),
                                org.assertj.core.groups.Tuple.tuple("callBacks.withinHours", "riverbend/patron-requests.yaml:6")));
    }

    @Test
    void a_contact_needs_an_address_or_a_phone_and_refuses_markup_in_the_name() {
        assertThat(PatronContacts.check("", new PatronContact("Ana", null, " ", "es")))
                .extracting(Refusal.Violation::field).containsExactly("email");
        assertThat(PatronContacts.check("c.", new PatronContact("<b>Ana</b>", "ana@example.org", null, "en")))
                .extracting(Refusal.Violation::field).containsExactly("c.name");
        assertThat(PatronContacts.check("", new PatronContact(null, "not-an-address", "+1 (555) 010-2030", "fr")))
                .extracting(Refusal.Violation::field).containsExactly("email", "language");
        assertThat(PatronContacts.check("", new PatronContact(null, null, "+1 (555) 010-2030", "en"))).isEmpty();
    }
}
