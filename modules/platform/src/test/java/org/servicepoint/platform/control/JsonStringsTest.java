package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonStringsTest {

    @Test
    void only_the_quote_the_backslash_and_control_characters_are_escaped() {
        assertThat(JsonStrings.quote("say \"hi\" \\ </script> ليلى é 😀"))
                .isEqualTo("\"say \\\"hi\\\" \\\\ </script> ليلى é 😀\"");
    }

    @Test
    void control_characters_take_the_short_escape_where_json_has_one_and_lower_case_hex_elsewhere() {
        assertThat(JsonStrings.quote("\n\r\t\b\f\u0000\u001f\u007f"))
                .isEqualTo("\"\\n\\r\\t\\b\\f\\u0000\\u001f\u007f\"");
    }

    @Test
    void a_quoted_text_is_appended_where_the_writer_is() {
        StringBuilder out = new StringBuilder("{\"a\":");
        JsonStrings.quote(out, "");
        assertThat(out.append('}')).hasToString("{\"a\":\"\"}");
    }
}
