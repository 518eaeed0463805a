package org.servicepoint.patronrequests.publicpages.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Public pages are read by screen readers and show what strangers wrote: labels, languages and escaping. */
class PublicPageTest {

    @Test
    void everyValueIsEscapedWhereverItIsWritten() {
        String hostile = "\"><script>alert('x')</script>&";
        String html = new String(new PublicPage(Locale.ENGLISH, "").title(hostile).heading(hostile).paragraph(hostile)
                .formStart("/p/x/y/comment").hidden("token", hostile)
                .input("name", "text", hostile, hostile, hostile, 10, "name", Map.of())
                .textArea("text", hostile, null, hostile, 10, true, Map.of())
                .formEnd(hostile).html(), StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<script").doesNotContain("'x'")
                .contains("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;");
    }

    @Test
    void thePageSaysItsLanguageAndLoadsOnlyItsOwnStylesheet() {
        String spanish = new String(new PublicPage(Locale.forLanguageTag("es"), "/ctx").title("t").html(), StandardCharsets.UTF_8);

        assertThat(spanish).contains("<html lang=\"es\">").contains("href=\"/ctx/p/public.css\"")
                .doesNotContain("<script").doesNotContain("http");
    }

    @Test
    void anErrorIsLinkedFromTheSummaryAndNamedByItsFieldsDescription() {
        Map<String, org.servicepoint.platform.control.Text> errors = Map.of("email", org.servicepoint.platform.control.Text.of("patronrequests.contact.email"),
                "kind", org.servicepoint.platform.control.Text.of("patronrequests.cards.form.kind-missing"));
        String html = new String(new PublicPage(Locale.ENGLISH, "").errorSummary(errors)
                .choice("kind", "What?", List.of("praise"), List.of("Praise"), null, errors)
                .input("email", "email", "Email", "We answer here", "x", 254, "email", errors).html(), StandardCharsets.UTF_8);

        assertThat(html).contains("<a href=\"#email\">").contains("<label for=\"email\">")
                .contains("aria-describedby=\"email-hint email-error\"").contains("aria-invalid=\"true\"")
                .contains("<p class=\"error\" id=\"email-error\">")
                .contains("<fieldset id=\"kind\" aria-describedby=\"kind-error\"><legend>What?</legend>")
                .contains("<label for=\"kind-praise\">Praise</label>");
    }

    @Test
    void everyPublicWordExistsInEnglishAndSpanish() {
        org.servicepoint.platform.testing.MessageBundles.assertComplete(PublicPage.BUNDLE);
        assertThat(new PublicPage(Locale.forLanguageTag("es"), "").say("patronrequests.public.send")).isEqualTo("Enviar");
    }
}
