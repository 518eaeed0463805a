package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Retention periods are stored and changed under these codes: they must not change with a constant's name. */
class RecordTypeTest {

    @Test
    void record_types_keep_the_codes_retention_periods_are_stored_under() {
        assertThat(Arrays.stream(RecordType.values()).map(RecordType::code)).containsExactly("disclosure-request", "patron-reference");
    }

    @Test
    void a_code_names_its_record_type_and_anything_else_names_none() {
        assertThat(RecordType.of("patron-reference")).contains(RecordType.PATRON_REFERENCE);
        assertThat(RecordType.of("disclosure-request")).contains(RecordType.DISCLOSURE_REQUEST);
        assertThat(RecordType.of("PATRON_REFERENCE")).isEmpty();
        assertThat(RecordType.of(null)).isEmpty();
    }
}
