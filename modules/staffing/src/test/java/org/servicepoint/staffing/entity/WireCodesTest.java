package org.servicepoint.staffing.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TurkishLocale;

class WireCodesTest {

    @Test
    void codes_stay_the_same_on_a_jvm_with_a_turkish_default_locale() {
        List<String> codes = TurkishLocale.during(() -> List.of(EmploymentType.STUDENT_ASSISTANT.code(), AbsenceKind.SICK.code()));

        assertThat(codes).containsExactly("student-assistant", "sick");
        assertThat(TurkishLocale.during(() -> EmploymentType.ofCode("student-assistant"))).isEqualTo(EmploymentType.STUDENT_ASSISTANT);
    }
}
