package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfTextTest {

    @Test
    void arabic_is_drawn_joined_and_from_right_to_left() {
        // ع initial, لا as the final lam-alef ligature, ء (which never joins); drawn from the left, the last letter first.
        assertThat(PdfText.visual("علاء")).isEqualTo("\u0621\uFEFC\uFECB");
        assertThat(PdfText.visual("Name: علاء.")).isEqualTo("Name: \u0621\uFEFC\uFECB.");
        assertThat(PdfText.visual("Plain Latin (unchanged)")).isEqualTo("Plain Latin (unchanged)");
    }

    @Test
    void every_script_of_a_name_prints_and_reads_back_as_written() throws IOException {
        String[] names = {"علاء الدين", "Nguyễn Thị Ánh Tuyết", "王小明", "山田はなこ", "김민준", "Ζωή Παπαδοπούλου", "Дарья", "שרה כהן"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PdfText text = new PdfText(doc);
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = 700;
                for (String name : names) {
                    text.show(cs, PdfText.Style.BOLD, 14, 72, y, "Tag: " + name);
                    assertThat(text.width(PdfText.Style.BOLD, 14, "Tag: " + name)).isPositive();
                    y -= 24;
                }
            }
            doc.save(out);
        }
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            String read = new PDFTextStripper().getText(doc);
            for (String name : names) {
                assertThat(read).contains("Tag: " + name);
            }
        }
    }

    @Test
    void decomposed_accents_are_composed_and_invisible_controls_and_overrides_dropped() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfText text = new PdfText(doc);
            assertThat(text.printable(PdfText.Style.REGULAR, "Nguye\u0302\u0303n\u200B\u0007")).isEqualTo("Nguyễn");
            assertThat(text.printable(PdfText.Style.MONO, "ễ")).isEqualTo("ễ");
            // A right-to-left override in a name cannot turn the rest of a line around.
            assertThat(text.printable(PdfText.Style.REGULAR, "Sam\u202Etxet")).isEqualTo("Samtxet");
            assertThat(text.printable(PdfText.Style.REGULAR, "\uD83E\uDD84")).isEqualTo("\uFFFD");
        }
    }
}
