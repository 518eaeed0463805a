package org.servicepoint.web.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignedOutPageTest {

    @Test
    void says_so_and_offers_the_way_back_in() {
        String html = SignedOutPage.html("", "riverbend");

        assertThat(html).contains("<h1>You are signed out</h1>")
                .contains("<a href=\"/t/riverbend/\">Sign in again</a>")
                .contains("href=\"/app/signed-out.css\"");
    }

    @Test
    void runs_nothing() {
        String html = SignedOutPage.html("", "riverbend").toLowerCase();

        assertThat(html).doesNotContain("<script", "<style", " style=", "javascript:").doesNotContainPattern("\\son\\w+=");
    }

    @Test
    void stays_under_the_context_path() {
        assertThat(SignedOutPage.html("/servicepoint", "riverbend"))
                .contains("href=\"/servicepoint/t/riverbend/\"")
                .contains("href=\"/servicepoint/app/signed-out.css\"");
    }

    @Test
    void escapes_what_it_echoes() {
        assertThat(SignedOutPage.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
