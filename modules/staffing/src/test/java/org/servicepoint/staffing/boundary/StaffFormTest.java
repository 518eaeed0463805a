package org.servicepoint.staffing.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.WireChecks;

class StaffFormTest {

    static Set<String> invalid(Object form) {
        return Set.copyOf(WireChecks.invalid(form));
    }

    static StaffForm form(String tagName, String username, String type, LocalDate startsOn) {
        return new StaffForm(tagName, username, "library-assistant", "HQ", type, startsOn, null, null, null, null);
    }

    @Test
    void a_complete_form_passes_with_or_without_a_username() {
        assertThat(invalid(form("Łucja", "lucja", "permanent", LocalDate.of(2025, 1, 1)))).isEmpty();
        assertThat(invalid(form("Łucja", null, "student-assistant", LocalDate.of(2025, 1, 1)))).isEmpty();
        assertThat(invalid(form("Łucja", "", "page", LocalDate.of(2025, 1, 1)))).isEmpty();
    }

    @Test
    void the_cheap_checks_name_each_bad_field() {
        assertThat(invalid(form(" ", "Lucja!", "intern", null)))
                .containsExactlyInAnyOrder("tagName", "username", "employmentType", "startsOn");
        assertThat(invalid(form("x".repeat(61), "lu", "PERMANENT", LocalDate.of(2025, 1, 1))))
                .containsExactlyInAnyOrder("tagName", "username", "employmentType");
        assertThat(invalid(new EndForm(null))).containsExactly("endsOn");
    }
}
