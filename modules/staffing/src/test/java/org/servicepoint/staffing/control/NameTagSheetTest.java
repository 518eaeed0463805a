package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.MessageBundles;
import org.servicepoint.staffing.control.NameTagSheet.NameTag;
import org.servicepoint.staffing.control.NameTagSheet.Paper;

class NameTagSheetTest {

    static final List<String> NAMES = List.of("Zoë", "José Ñúñez", "Ólafur", "Łucja", "Σοφία", "Дмитрий", "Ngozi", "Siobhán",
            "Øystein", "Çağla", "Þórunn");
    static final String LIBRARY = "Millbrook County Libraries";

    static List<NameTag> tags(List<String> names) {
        List<NameTag> tags = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            tags.add(new NameTag(names.get(i), i % 2 == 0 ? "Library assistant" : "Branch manager"));
        }
        return tags;
    }

    @Test
    void eleven_names_make_two_pages_of_ten_and_one_and_every_name_reads_back() throws IOException {
        byte[] pdf = NameTagSheet.render(LIBRARY, tags(NAMES), Paper.A4, Locale.UK);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String first = stripper.getText(doc);
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String second = stripper.getText(doc);
            for (String name : NAMES.subList(0, 10)) {
                assertThat(first).contains(name);
                assertThat(second).doesNotContain(name);
            }
            assertThat(second).contains(NAMES.get(10));
            assertThat(occurrences(first, LIBRARY)).isEqualTo(10);
            assertThat(occurrences(second, LIBRARY)).isEqualTo(1);
            assertThat(first).contains("Library assistant", "Branch manager");
        }
    }

    @Test
    void every_font_is_embedded_as_a_subset_of_dejavu_sans() throws IOException {
        byte[] pdf = NameTagSheet.render(LIBRARY, tags(NAMES), Paper.A4, Locale.UK);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                // A subset's name starts with six capital letters and a plus sign.
                assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans(-Bold)?");
            });
            assertThat(fonts).extracting(PDFont::getName).anyMatch(n -> n.endsWith("DejaVuSans-Bold"))
                    .anyMatch(n -> n.endsWith("DejaVuSans"));
        }
    }

    @Test
    void badges_fill_the_sheet_row_by_row_from_the_top_left() throws IOException {
        byte[] pdf = NameTagSheet.render(LIBRARY, tags(NAMES.subList(0, 10)), Paper.A4, Locale.UK);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea areas = new PDFTextStripperByArea();
            Paper paper = Paper.A4;
            float top = (paper.sheet().getHeight() - NameTagSheet.ROWS * paper.badgeHeight()) / 2;
            float left = (paper.sheet().getWidth() - NameTagSheet.COLUMNS * paper.badgeWidth()) / 2;
            for (int slot = 0; slot < 10; slot++) {
                // Text areas count from the top of the page down.
                areas.addRegion("slot" + slot, new Rectangle2D.Float(left + (slot % 2) * paper.badgeWidth(),
                        top + (slot / 2) * paper.badgeHeight(), paper.badgeWidth(), paper.badgeHeight()));
            }
            areas.extractRegions(doc.getPage(0));
            for (int slot = 0; slot < 10; slot++) {
                String text = areas.getTextForRegion("slot" + slot);
                assertThat(text).as("badge " + slot).contains(NAMES.get(slot), LIBRARY);
                for (int other = 0; other < 10; other++) {
                    if (other != slot && !NAMES.get(slot).contains(NAMES.get(other))) {
                        assertThat(text).as("badge " + slot).doesNotContain(NAMES.get(other));
                    }
                }
            }
        }
    }

    @Test
    void paper_follows_the_locale_and_both_layouts_leave_printable_margins() throws IOException {
        assertThat(Paper.forLocale(Locale.US)).isEqualTo(Paper.LETTER);
        assertThat(Paper.forLocale(Locale.forLanguageTag("fr-CA"))).isEqualTo(Paper.LETTER);
        assertThat(Paper.forLocale(Locale.forLanguageTag("es-MX"))).isEqualTo(Paper.LETTER);
        assertThat(Paper.forLocale(Locale.UK)).isEqualTo(Paper.A4);
        assertThat(Paper.forLocale(Locale.forLanguageTag("de-DE"))).isEqualTo(Paper.A4);
        assertThat(Paper.forLocale(Locale.ENGLISH)).isEqualTo(Paper.A4);
        assertThat(Paper.forLocale(null)).isEqualTo(Paper.A4);
        assertThat(Paper.parse("Letter")).contains(Paper.LETTER);
        assertThat(Paper.parse("a5")).isEmpty();

        float quarterInch = 18f;
        for (Paper paper : Paper.values()) {
            assertThat(paper.left()).as(paper + " side margin").isGreaterThanOrEqualTo(quarterInch);
            assertThat(paper.bottom()).as(paper + " top and bottom margin").isGreaterThanOrEqualTo(quarterInch);
        }
        assertThat(Paper.A4.badgeWidth()).isEqualTo(NameTagSheet.mm(86));
        assertThat(Paper.A4.badgeHeight()).isEqualTo(NameTagSheet.mm(54));

        try (PDDocument letter = Loader.loadPDF(NameTagSheet.render(LIBRARY, tags(NAMES), Paper.LETTER, Locale.US))) {
            PDRectangle size = letter.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isEqualTo(PDRectangle.LETTER.getWidth());
            assertThat(size.getHeight()).isEqualTo(PDRectangle.LETTER.getHeight());
            assertThat(letter.getNumberOfPages()).isEqualTo(2);
            assertThat(letter.getDocumentCatalog().getLanguage()).isEqualTo("en-US");
        }
    }

    @Test
    void long_names_still_print_whole_on_two_lines() throws IOException {
        String longName = "Maria Fernanda de los Ángeles Villaseñor-Castellanos";
        byte[] pdf = NameTagSheet.render(LIBRARY, List.of(new NameTag(longName, "Volunteer")), Paper.A4, Locale.UK);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains(longName);
        }
    }

    @Test
    void a_script_no_font_has_prints_as_replacement_marks_instead_of_failing() throws IOException {
        // Linear B: no font of the sheet draws it.
        byte[] pdf = NameTagSheet.render(LIBRARY, List.of(new NameTag("\uD800\uDC00\uD800\uDC01\uD800\uDC02 Lee", "Volunteer")),
                Paper.A4, Locale.UK);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("\uFFFD\uFFFD\uFFFD Lee");
        }
    }

    @Test
    void chinese_arabic_vietnamese_japanese_and_korean_names_print_and_read_back_as_written() throws IOException {
        List<String> names = List.of("李小龍 Lee", "علاء الدين", "Nguyễn Thị Ánh", "山田はなこ", "김민준");
        byte[] pdf = NameTagSheet.render(LIBRARY, tags(names), Paper.A4, Locale.UK);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).doesNotContain("\uFFFD");
            for (String name : names) {
                assertThat(text).contains(name);
            }
        }
    }

    @Test
    void an_empty_roster_gives_one_page_that_says_so() throws IOException {
        try (PDDocument doc = Loader.loadPDF(NameTagSheet.render(LIBRARY, List.of(), Paper.A4, Locale.UK))) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(new PDFTextStripper().getText(doc)).contains("Nobody on the roster");
        }
    }

    @Test
    void a_spanish_speaking_library_system_gets_its_sheet_in_spanish() throws IOException {
        MessageBundles.assertComplete(NameTagSheet.TEXTS);
        try (PDDocument doc = Loader.loadPDF(NameTagSheet.render(LIBRARY, List.of(), Paper.LETTER, Locale.forLanguageTag("es-US")))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("No hay nadie en la plantilla para imprimir.");
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Identificadores, " + LIBRARY);
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
