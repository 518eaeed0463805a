package org.servicepoint.confidentiality.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;

class FreeTextTest {

    @Test
    void plain_text_with_newlines_and_tabs_is_kept_and_tidied() {
        assertThat(FreeText.check("requestText", "  Records of\r\nthe patron\twho \u00e9 \ud83d\udcda  ", 100, true, true))
                .isEqualTo("Records of\nthe patron\twho \u00e9 \ud83d\udcda");
        assertThat(FreeText.check("displayName", "   ", 100, false, false)).isNull();
        assertThat(FreeText.check("displayName", null, 100, false, false)).isNull();
    }

    @Test
    void control_and_reordering_characters_are_refused() {
        for (String bad : new String[] {"bell\u0007", "nul\u0000", "esc\u001b[31m", "del\u007f", "c1\u0085",
                "rlo\u202Eevil", "isolate\u2066x", "line\u2028sep", "lone\ud800surrogate"}) {
            assertThatThrownBy(() -> FreeText.check("requestText", bad, 100, true, true))
                    .as(bad).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.status()).isEqualTo(400));
        }
    }

    @Test
    void limits_required_and_single_line_are_enforced() {
        assertThatThrownBy(() -> FreeText.check("requestText", "x".repeat(101), 100, true, true)).hasMessageContaining("at most 100");
        assertThat(FreeText.check("requestText", "x".repeat(100), 100, true, true)).hasSize(100);
        assertThatThrownBy(() -> FreeText.check("requestText", " \n ", 100, true, true)).hasMessageContaining("is required");
        assertThatThrownBy(() -> FreeText.check("requesterName", "two\nlines", 100, true, false)).hasMessageContaining("single line");
    }
}
