package org.servicepoint.staffing.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TurkishLocale;

class WireCodesTest {

    @Test
    void codes_stay_the_same_on_a_jvm_with_a_turkish_default_locale() {
        TurkishLocale.during(() -> {
            assertThat(EmploymentType.STUDENT_ASSISTANT.code()).isEqualTo("student-assistant");
            assertThat(EmploymentType.ofCode("student-assistant")).isEqualTo(EmploymentType.STUDENT_ASSISTANT);
            assertThat(AbsenceKind.SICK.code()).isEqualTo("sick");
            return null;
        });
    }
}
