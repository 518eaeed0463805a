package org.servicepoint.patronrequests.followups.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.servicepoint.patronrequests.control.PatronRequestRules;
import org.servicepoint.patronrequests.control.PatronRequestRules.Template;
import org.servicepoint.patronrequests.control.PatronRequestRules.Templates;
import org.servicepoint.platform.testing.MessageBundles;

/** Which words a mail to a patron is written in: the library system's template for the language, else ServicePoint's. */
class PatronMailsTest {

    static final PatronMails.Values VALUES = new PatronMails.Values("Riverbend Library", "Pine Hollow", "C-2026-0042",
            "The {reference} shelf was fixed.");

    static final PatronRequestRules OWN_ENGLISH = new PatronRequestRules(null, null, null, null, Map.of("en",
            new Templates(null, new Template("Update on {reference}\nBcc: x@evil.example", "Dear patron of {library} at {branch}:\n{text}"), null)));

    @Test
    void the_library_systems_template_for_the_patrons_language_is_filled_once_and_its_subject_stays_one_line() {
        PatronMails.Composed mail = PatronMails.compose(OWN_ENGLISH, "en", "update", VALUES);

        assertThat(mail.tenantTemplate()).isTrue();
        assertThat(mail.subject()).isEqualTo("Update on C-2026-0042 Bcc: x@evil.example").doesNotContain("\n");
        // The patron-facing text keeps a placeholder typed by staff as written: filled once, not again.
        assertThat(mail.body()).isEqualTo("Dear patron of Riverbend Library at Pine Hollow:\nThe {reference} shelf was fixed.");
    }

    @Test
    void without_the_librarys_template_for_that_language_or_kind_servicepoints_own_wording_is_used_in_the_patrons_language() {
        PatronMails.Composed spanish = PatronMails.compose(OWN_ENGLISH, "es", "update", VALUES);
        PatronMails.Composed receipt = PatronMails.compose(OWN_ENGLISH, "en", "receipt", VALUES);
        PatronMails.Composed none = PatronMails.compose(PatronRequestRules.NONE, "en", "decision", VALUES);

        assertThat(spanish.tenantTemplate()).isFalse();
        assertThat(spanish.subject()).isEqualTo("Riverbend Library: novedades sobre C-2026-0042");
        assertThat(spanish.body()).contains("Hola:", "Pine Hollow", "The {reference} shelf was fixed.");
        assertThat(receipt.tenantTemplate()).isFalse();
        assertThat(receipt.subject()).isEqualTo("Riverbend Library: we received your message (C-2026-0042)");
        assertThat(none.subject()).isEqualTo("Riverbend Library: our decision on C-2026-0042");
        assertThat(none.body()).contains("has decided", "The {reference} shelf was fixed.");
    }

    @Test
    void the_follow_ups_words_are_in_english_and_spanish_with_the_same_placeholders() {
        MessageBundles.assertComplete("org.servicepoint.patronrequests.messages");
    }
}
