package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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

    @Test
    void text_of_nothing_but_no_break_or_other_spaces_is_empty() {
        assertThatThrownBy(() -> FreeText.check("reason", "\u00A0 \u2007\u202F\u3000", 100, true, true)).hasMessageContaining("is required");
        assertThat(FreeText.check("displayName", "\u00A0", 100, false, false)).isNull();
        assertThat(FreeText.check("displayName", "Ana\u00A0Ruiz", 100, false, false)).isEqualTo("Ana\u00A0Ruiz");
    }

    @Test
    void markup_is_refused_with_what_was_found_and_lone_angle_brackets_and_ampersands_stay_text() {
        for (String bad : new String[] {"<b>shouted</b>", "x <script>alert(1)</script>", "a <img src=x onerror=alert(1)> b",
                "<!-- hidden -->", "&lt;b&gt;bold", "<![CDATA[x]]>", "<?xml version=\"1.0\"?>"}) {
            assertThatThrownBy(() -> FreeText.check("note", bad, 100, true, true))
                    .as(bad).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.violations().get(0).message()).contains("markup"));
        }
        assertThat(FreeText.check("note", "5 < 6 & 7 > 3, I <3 books", 100, true, false)).isEqualTo("5 < 6 & 7 > 3, I <3 books");
    }
}
