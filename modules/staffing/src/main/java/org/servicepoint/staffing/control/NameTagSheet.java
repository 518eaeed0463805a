package org.servicepoint.staffing.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.PdfText;
import org.servicepoint.platform.control.PdfText.Style;

/**
 * Printable sheets of name tags: ten badges a page in two columns of five, each with the library system's name,
 * the tag name large and the position. Badges touch, so one straight cut separates two of them; dashed grey
 * guides show where to cut. Names print as written in any script the roster accepts ({@link PdfText}: accented,
 * Greek, Cyrillic, Hebrew, Arabic shaped and right to left, Chinese, Japanese, Korean), with the fonts embedded as
 * subsets so any printer prints them.
 */
public final class NameTagSheet {

    static final String TEXTS = "org.servicepoint.staffing.messages";
    private static final Style REGULAR = Style.REGULAR;
    private static final Style BOLD = Style.BOLD;

    public static final int COLUMNS = 2;
    public static final int ROWS = 5;
    public static final int PER_PAGE = COLUMNS * ROWS;

    private static final float POINTS_PER_MM = 72f / 25.4f;
    private static final float PADDING = mm(4.5f);
    private static final float TAG_NAME_MAX_SIZE = 30f;
    private static final float TAG_NAME_MIN_SIZE = 8f;
    private static final String ELLIPSIS = "…";

    /** One badge: the name the person chose and their position's name. */
    public record NameTag(String tagName, String positionName) {
    }

    /**
     * Sheet and badge size. A4 carries badges of 86 × 54 mm, the size of a bank card; US Letter carries
     * 3.5 × 2 in badges, the size of a US business card. Either way ten badges leave margins that office
     * printers can print up to.
     */
    public enum Paper {
        A4(PDRectangle.A4, mm(86), mm(54)),
        LETTER(PDRectangle.LETTER, 3.5f * 72, 2f * 72);

        /** Countries whose offices use US Letter; everyone else uses A4. */
        private static final Set<String> LETTER_COUNTRIES = Set.of("US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR",
                "PA", "DO", "SV", "NI", "HN", "BZ");

        private final PDRectangle sheet;
        private final float badgeWidth;
        private final float badgeHeight;

        Paper(PDRectangle sheet, float badgeWidth, float badgeHeight) {
            this.sheet = sheet;
            this.badgeWidth = badgeWidth;
            this.badgeHeight = badgeHeight;
        }

        public static Paper forLocale(Locale locale) {
            return locale != null && LETTER_COUNTRIES.contains(locale.getCountry()) ? LETTER : A4;
        }

        /** "a4" or "letter", as a query parameter says it. */
        public static Optional<Paper> parse(String name) {
            if (name == null || name.isBlank()) {
                return Optional.empty();
            }
            for (Paper paper : values()) {
                if (paper.name().equalsIgnoreCase(name.strip())) {
                    return Optional.of(paper);
                }
            }
            return Optional.empty();
        }

        public PDRectangle sheet() { return sheet; }
        public float badgeWidth() { return badgeWidth; }
        public float badgeHeight() { return badgeHeight; }

        float left() { return (sheet.getWidth() - COLUMNS * badgeWidth) / 2; }
        float bottom() { return (sheet.getHeight() - ROWS * badgeHeight) / 2; }
    }

    private NameTagSheet() {
    }

    /** The PDF: {@code ceil(n / 10)} pages, or one page saying there is nobody to print. */
    public static byte[] render(String librarySystem, List<NameTag> tags, Paper paper, Locale locale) {
        try (PDDocument doc = new PDDocument()) {
            PdfText t = new PdfText(doc);
            describe(doc, librarySystem, locale);
            if (tags.isEmpty()) {
                PDPage page = new PDPage(paper.sheet());
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    String note = Messages.of(TEXTS, locale).get("name-tags.nobody");
                    text(t, cs, REGULAR, 12, note, paper.sheet().getWidth() / 2 - width(t, REGULAR, 12, note) / 2,
                            paper.sheet().getHeight() - mm(30));
                }
            }
            for (int first = 0; first < tags.size(); first += PER_PAGE) {
                PDPage page = new PDPage(paper.sheet());
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (int i = first; i < Math.min(first + PER_PAGE, tags.size()); i++) {
                        int slot = i - first;
                        // Filled row by row from the top left, the way a sheet is read.
                        float x = paper.left() + (slot % COLUMNS) * paper.badgeWidth();
                        float y = paper.bottom() + (ROWS - 1 - slot / COLUMNS) * paper.badgeHeight();
                        badge(t, cs, paper, x, y, librarySystem, tags.get(i));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the name-tag sheet", e);
        }
    }

    private static void describe(PDDocument doc, String librarySystem, Locale locale) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(Messages.of(TEXTS, locale).get("name-tags.title", librarySystem));
        info.setCreator("ServicePoint");
        info.setCreationDate(Calendar.getInstance());
        if (locale != null) {
            doc.getDocumentCatalog().setLanguage(locale.toLanguageTag());
        }
    }

    private static void badge(PdfText t, PDPageContentStream cs, Paper paper, float x, float y,
                              String librarySystem, NameTag tag) throws IOException {
        float w = paper.badgeWidth();
        float h = paper.badgeHeight();
        float inner = w - 2 * PADDING;
        float centre = x + w / 2;

        cs.setStrokingColor(0.6f);
        cs.setLineWidth(0.4f);
        cs.setLineDashPattern(new float[] {3, 3}, 0);
        cs.addRect(x, y, w, h);
        cs.stroke();
        cs.setLineDashPattern(new float[] {}, 0);

        // The library system at the top, a rule under it, the position at the bottom, the name in between.
        String system = t.printable(REGULAR, librarySystem);
        float systemSize = fit(t, REGULAR, system, inner, 9f, 6f);
        system = shorten(t, REGULAR, systemSize, system, inner);
        float systemBaseline = y + h - PADDING - systemSize;
        cs.setNonStrokingColor(0.15f, 0.25f, 0.45f);
        centred(t, cs, REGULAR, systemSize, system, centre, systemBaseline);
        float rule = systemBaseline - 0.35f * systemSize - 2f;
        cs.setStrokingColor(0.15f, 0.25f, 0.45f);
        cs.setLineWidth(0.8f);
        cs.moveTo(x + PADDING, rule);
        cs.lineTo(x + w - PADDING, rule);
        cs.stroke();

        String position = t.printable(REGULAR, tag.positionName() == null ? "" : tag.positionName());
        float positionSize = fit(t, REGULAR, position, inner, 11f, 7f);
        position = shorten(t, REGULAR, positionSize, position, inner);
        float positionBaseline = y + PADDING + 0.25f * positionSize;
        cs.setNonStrokingColor(0.2f);
        centred(t, cs, REGULAR, positionSize, position, centre, positionBaseline);

        float top = rule - 3f;
        float bottom = positionBaseline + positionSize + 2f;
        cs.setNonStrokingColor(0f);
        tagName(t, cs, BOLD, t.printable(BOLD, tag.tagName()), centre, inner, bottom, top);
    }

    /** The name on one line as large as fits; else on two lines split at a space; else smaller and cut short. */
    private static void tagName(PdfText t, PDPageContentStream cs, Style font, String name, float centre, float width, float bottom,
                                float top) throws IOException {
        float height = top - bottom;
        for (float size = TAG_NAME_MAX_SIZE; size >= 12f; size -= 1f) {
            if (width(t, font, size, name) <= width && size * 1.15f <= height) {
                centred(t, cs, font, size, name, centre, middleBaseline(size, bottom, top));
                return;
            }
        }
        List<String> lines = twoLines(t, font, name);
        if (lines.size() == 2) {
            for (float size = 20f; size >= TAG_NAME_MIN_SIZE; size -= 1f) {
                if (width(t, font, size, lines.get(0)) <= width && width(t, font, size, lines.get(1)) <= width
                        && size * 2.3f <= height) {
                    float leading = size * 1.15f;
                    float first = (bottom + top) / 2 + leading / 2 - 0.35f * size;
                    centred(t, cs, font, size, lines.get(0), centre, first);
                    centred(t, cs, font, size, lines.get(1), centre, first - leading);
                    return;
                }
            }
        }
        float size = Math.max(TAG_NAME_MIN_SIZE, Math.min(12f, fit(t, font, name, width, 12f, TAG_NAME_MIN_SIZE)));
        centred(t, cs, font, size, shorten(t, font, size, name, width), centre, middleBaseline(size, bottom, top));
    }

    /** The split at a space that makes the longer line shortest. */
    private static List<String> twoLines(PdfText t, Style font, String name) throws IOException {
        List<String> best = List.of(name);
        float bestWidth = Float.MAX_VALUE;
        for (int i = name.indexOf(' '); i > 0; i = name.indexOf(' ', i + 1)) {
            String a = name.substring(0, i).strip();
            String b = name.substring(i + 1).strip();
            float longer = Math.max(width(t, font, 1, a), width(t, font, 1, b));
            if (!a.isEmpty() && !b.isEmpty() && longer < bestWidth) {
                bestWidth = longer;
                best = List.of(a, b);
            }
        }
        return best;
    }

    private static float middleBaseline(float size, float bottom, float top) {
        // Cap height of DejaVu Sans is about 0.73 em: centre the capitals, not the whole em box.
        return (bottom + top) / 2 - 0.365f * size;
    }

    /** The largest size from {@code max} down to {@code min} at which the text fits the width. */
    private static float fit(PdfText t, Style font, String text, float width, float max, float min) throws IOException {
        float size = max;
        while (size > min && width(t, font, size, text) > width) {
            size -= 0.5f;
        }
        return size;
    }

    /** The text, cut short with an ellipsis if it is still too wide at this size. */
    private static String shorten(PdfText t, Style font, float size, String text, float width) throws IOException {
        if (width(t, font, size, text) <= width) {
            return text;
        }
        int[] cps = text.codePoints().toArray();
        for (int n = cps.length - 1; n > 0; n--) {
            String candidate = new String(cps, 0, n).strip() + ELLIPSIS;
            if (width(t, font, size, candidate) <= width) {
                return candidate;
            }
        }
        return ELLIPSIS;
    }

    private static void centred(PdfText t, PDPageContentStream cs, Style font, float size, String text, float centre, float baseline)
            throws IOException {
        text(t, cs, font, size, text, centre - width(t, font, size, text) / 2, baseline);
    }

    private static void text(PdfText t, PDPageContentStream cs, Style font, float size, String text, float x, float baseline)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        t.show(cs, font, size, x, baseline, text);
    }

    private static float width(PdfText t, Style font, float size, String text) throws IOException {
        return t.width(font, size, text);
    }

    static float mm(float millimetres) {
        return millimetres * POINTS_PER_MM;
    }
}
