package org.servicepoint.incidents.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class IncidentReportPdfTest {

    static ReportView report(String description) {
        ReportView.Person sam = new ReportView.Person("sam", "Sam", "library-assistant", "Library assistant");
        OffsetDateTime at = OffsetDateTime.parse("2026-03-10T13:30:00-05:00");
        List<FormDefinition.Field> questions = List.of(
                new FormDefinition.Field("description", "What happened", "long-text", true, null, 20000, null),
                new FormDefinition.Field("hurt", "Anyone hurt", "yes-no", false, null, null, null));
        return new ReportView(UUID.randomUUID(), "submitted", "theft", "Theft", "NORTH", "North Branch", at, 1, "f".repeat(64), sam,
                Map.of("description", description, "hurt", true), Map.of(), List.of(), null, List.of(),
                List.of(new ReportView.Signature(1, "reporter", sam, at, "1".repeat(64), SignatureChain.GENESIS, "2".repeat(64))),
                new ReportView.Steps(false, false, false, false, true, false, false, false), questions, List.of(), List.of(), List.of(),
                at, at, at, null, null, null, null, List.of(), 3);
    }

    static IncidentReportPdf.Input input(ReportView report, Locale locale) {
        return new IncidentReportPdf.Input("Riverbend Regional Library System", locale, Fixtures.ZONE, "Incident report", report,
                new Verification(report.id(), 1, true, null, "2".repeat(64)));
    }

    @Test
    void long_text_flows_onto_further_pages_and_markup_and_odd_characters_print_as_text() throws IOException {
        String description = ("The patron said <b>nothing</b> & left. ").repeat(400) + "x".repeat(300) + "\n\tIndented 漢 line.";
        byte[] pdf = IncidentReportPdf.render(input(report(description), Locale.US));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(2);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.LETTER.getWidth());
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("The patron said <b>nothing</b> & left.", "Indented", "Yes", "page 1 of " + doc.getNumberOfPages(),
                    "2".repeat(64), "All 1 signature(s) hold");
        }
    }

    @Test
    void paper_follows_the_library_systems_country() throws IOException {
        try (PDDocument doc = Loader.loadPDF(IncidentReportPdf.render(input(report("Short."), Locale.UK)))) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
        }
    }
}
