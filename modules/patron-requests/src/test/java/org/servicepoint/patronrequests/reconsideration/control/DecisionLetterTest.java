package org.servicepoint.patronrequests.reconsideration.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The decision letter read back from the PDF, in English and in Spanish. */
class DecisionLetterTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    // 03:30 UTC on 1 April is still 31 March in Chicago: the letter's dates are the library system's.
    static final Instant RECEIVED = Instant.parse("2026-03-02T16:00:00Z");
    static final Instant DECIDED = Instant.parse("2026-04-01T03:30:00Z");

    static DecisionLetter.Letter letter(String name) {
        return new DecisionLetter.Letter("Riverbend Public Library", "R-2026-0042", RECEIVED,
                new ReconsiderationView.Item("Los árboles de Zoë", "Ana María Núñez", "book"), "relabel",
                "The committee read the whole book.\nIt is suited to readers from twelve on, and its label now says so.",
                DECIDED, name);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void the_letter_in_english_names_the_item_the_reference_the_dates_the_decision_and_its_reasons() throws IOException {
        String text = text(DecisionLetter.render(letter(null), Locale.forLanguageTag("en-US"), CHICAGO));
        assertThat(text).contains("Riverbend Public Library", "Decision on your request to reconsider a library item",
                "Reference: R-2026-0042", "Request received: March 2, 2026", "March 31, 2026", "Dear patron,",
                "Title: Los árboles de Zoë", "Author: Ana María Núñez", "Format: book",
                "The item stays in the collection with a new label.", "The committee read the whole book.",
                "its label now says so.", "The reconsideration committee, Riverbend Public Library");
        assertThat(text).doesNotContain("April 1", "patronrequests.");
    }

    @Test
    void the_letter_in_spanish_has_every_word_of_its_own_in_spanish() throws IOException {
        String text = text(DecisionLetter.render(letter(null), Locale.forLanguageTag("es-US"), CHICAGO));
        assertThat(text).contains("Decisión sobre su solicitud de reconsideración", "Referencia: R-2026-0042",
                "Solicitud recibida: 2 de marzo de 2026", "31 de marzo de 2026", "Estimado usuario, estimada usuaria:",
                "Título: Los árboles de Zoë", "Formato: libro", "El material se queda en la colección con una nueva etiqueta.",
                "Las razones del comité", "The committee read the whole book.");
        assertThat(text).doesNotContain("Dear", "Title:", "Reference:", "stays in the collection");
    }

    @Test
    void the_patron_is_named_only_when_they_gave_a_name() throws IOException {
        assertThat(text(DecisionLetter.render(letter("Zoë Ødegaard"), Locale.US, CHICAGO))).contains("Dear Zoë Ødegaard,")
                .doesNotContain("Dear patron");
        assertThat(text(DecisionLetter.render(letter(null), Locale.US, CHICAGO))).doesNotContain("Zoë Ødegaard");
    }

    @Test
    void long_reasons_run_onto_further_pages_rather_than_off_the_page() throws IOException {
        DecisionLetter.Letter base = letter(null);
        String reasons = "A considered reason among many. ".repeat(200) + "The very last words.";
        byte[] pdf = DecisionLetter.render(new DecisionLetter.Letter(base.librarySystem(), base.reference(), base.receivedAt(),
                base.item(), "keep", reasons, base.decidedAt(), null), Locale.US, CHICAGO);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(text(pdf)).contains("The very last words.", "The item stays in the collection as it is.");
    }
}
