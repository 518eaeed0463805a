package org.servicepoint.incidents.reports.control;

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
import org.servicepoint.incidents.Fixtures;
import org.servicepoint.platform.testing.MessageBundles;

class IncidentReportPdfTest {

    private static final Locale ES_US = Locale.forLanguageTag("es-US");

    static IncidentReportPdf.Input input(ReportView report, Locale locale) {
        return new IncidentReportPdf.Input("Riverbend Regional Library System", locale, Fixtures.ZONE, "Incident report", report,
                new Verification(report.id(), 1, true, null, "2".repeat(64)));
    }

    @Test
    void long_text_flows_onto_further_pages_and_markup_and_odd_characters_print_as_text() throws IOException {
        String description = ("The patron said <b>nothing</b> & left. ").repeat(400) + "x".repeat(300) + "\n\tIndented 漢 line.";
        byte[] pdf = IncidentReportPdf.render(input(Fixtures.report(description), Locale.US));
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
        try (PDDocument doc = Loader.loadPDF(IncidentReportPdf.render(input(Fixtures.report("Short."), Locale.UK)))) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
        }
    }

    @Test
    void the_incident_texts_are_complete_in_english_and_spanish() {
        MessageBundles.assertComplete(IncidentReportPdf.TEXTS);
    }

    @Test
    void a_spanish_speaking_library_system_prints_its_report_in_spanish_with_local_dates() throws IOException {
        ReportView report = Fixtures.report("Un usuario se llevó un portátil.");
        try (PDDocument doc = Loader.loadPDF(IncidentReportPdf.render(input(report, ES_US)))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Categoría: Theft (theft)", "Sucursal: North Branch (NORTH)", "Estado: presentado",
                    "Llamada a la oficina central", "Respuestas", "Sí", "Firmas", "Firmado por quien informa",
                    "Las 1 firma(s) son válidas", "página 1 de " + doc.getNumberOfPages(), "Un usuario se llevó un portátil.");
            // The library system's zone (13:30 at UTC-5 is 13:30 daylight time in Chicago), written the Spanish way.
            assertThat(Fixtures.spaced(text)).contains("Ocurrió: 10 mar. 2026 1:30:00 p. m. " + Fixtures.ZONE.getId());
            assertThat(text).doesNotContain("Signatures", "Answers", "Mar 10, 2026");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("es-US");
        }
    }

    @Test
    void arabic_vietnamese_chinese_and_japanese_names_print_and_read_back_in_logical_order() throws IOException {
        String arabic = "علاء الدين";
        String vietnamese = "Nguyễn Thị Ánh Tuyết";
        String chinese = "王小明";
        String japanese = "山田はなこ";
        ReportView.Person reporter = new ReportView.Person("alaa", arabic, "library-assistant", "Library assistant");
        ReportView report = Fixtures.report(vietnamese + " saw " + chinese + " and " + japanese + " at the desk.", reporter);
        byte[] pdf = IncidentReportPdf.render(input(report, Locale.US));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Reported by: " + arabic + " (Library assistant)", vietnamese, chinese, japanese)
                    .doesNotContain("\uFFFD");
            List<String> embedded = new java.util.ArrayList<>();
            for (org.apache.pdfbox.cos.COSName name : doc.getPage(0).getResources().getFontNames()) {
                org.apache.pdfbox.pdmodel.font.PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                embedded.add(font.getName());
            }
            assertThat(embedded).anyMatch(n -> n.contains("DroidSansFallback")).anyMatch(n -> n.contains("DejaVuSans"));
        }
    }
}
