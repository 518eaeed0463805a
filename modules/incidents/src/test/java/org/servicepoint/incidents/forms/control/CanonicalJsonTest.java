package org.servicepoint.incidents.forms.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keys_are_sorted_numbers_normalised_and_strings_escaped_only_where_json_must() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", List.of(1, new BigDecimal("2.500"), 1.0e3));
        value.put("a", "quote \" slash \\ line\n bell \u0007 é <b>");
        value.put("c", Map.of("z", true, "y", false));
        assertThat(CanonicalJson.write(value)).isEqualTo(
                "{\"a\":\"quote \\\" slash \\\\ line\\n bell \\u0007 é <b>\",\"b\":[1,2.5,1000],\"c\":{\"y\":false,\"z\":true}}");
    }

    @Test
    void what_was_written_reads_back_to_the_same_text() {
        String text = CanonicalJson.write(Map.of("n", new BigDecimal("0.10"), "list", List.of("x", Map.of("k", "v")), "nil", "null"));
        assertThat(CanonicalJson.write(CanonicalJson.read(text))).isEqualTo(text);
        assertThat(CanonicalJson.sha256("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
