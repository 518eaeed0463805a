package org.servicepoint.platform.control;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Text on the pages of one PDF in whatever script a person's name or words are written: Latin with every accent
 * (Vietnamese too), Greek, Cyrillic, Hebrew and Arabic in DejaVu Sans, Chinese and Japanese in Droid Sans Fallback,
 * Korean in Nanum Gothic. Right-to-left text is shaped (Arabic letters joined as they are at the start, middle or end of a word)
 * and laid out in visual order with the Unicode bidirectional algorithm (ICU4J), so that it reads right and
 * extracts back in logical order. Fonts are embedded as subsets; a character no font has prints as U+FFFD.
 *
 * <pre>{@code
 * PdfText text = new PdfText(doc);
 * float w = text.width(PdfText.Style.BOLD, 12, name);
 * text.show(contentStream, PdfText.Style.BOLD, 12, x, y, name);
 * }</pre>
 */
public final class PdfText {

    public enum Style { REGULAR, BOLD, MONO }

    private static final Logger LOG = Logger.getLogger(PdfText.class.getName());
    private static final String DEJAVU = "/net/sf/jasperreports/fonts/dejavu/";
    /** Put into the platform's jar by the build from Debian's packages (see scripts/fetch-fonts.sh). */
    private static final String FALLBACKS = "/org/servicepoint/platform/fonts/";
    private static final Map<Style, byte[]> FILES = new EnumMap<>(Map.of(
            Style.REGULAR, read(DEJAVU + "DejaVuSans.ttf", true),
            Style.BOLD, read(DEJAVU + "DejaVuSans-Bold.ttf", true),
            Style.MONO, read(DEJAVU + "DejaVuSansMono.ttf", true)));
    /** Tried in this order for what DejaVu lacks. */
    private static final List<byte[]> FALLBACK_FILES = java.util.stream.Stream.of("DroidSansFallbackFull.ttf", "NanumGothic.ttf")
            .map(file -> read(FALLBACKS + file, false)).filter(java.util.Objects::nonNull).toList();

    private final PDDocument doc;
    private final Map<Style, PDFont> fonts = new EnumMap<>(Style.class);
    private final PDFont[] fallbacks = new PDFont[FALLBACK_FILES.size()];

    public PdfText(PDDocument doc) throws IOException {
        this.doc = doc;
        for (Style style : Style.values()) {
            fonts.put(style, PDType0Font.load(doc, new ByteArrayInputStream(FILES.get(style)), true));
        }
    }

    /** The font of a style, for callers that set it themselves. */
    public PDFont font(Style style) {
        return fonts.get(style);
    }

    /**
     * What the text will print as, still in logical order: composed (NFC), tabs as four spaces, line breaks and
     * other controls and invisible format characters dropped, characters no font has as U+FFFD. Use it before
     * measuring or wrapping.
     */
    public String printable(Style style, String text) throws IOException {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int cp : Normalizer.normalize(text, Normalizer.Form.NFC).replace("\t", "    ").codePoints().toArray()) {
            if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                continue;
            }
            out.appendCodePoint(fontFor(style, cp) != null ? cp : 0xFFFD);
        }
        return out.toString();
    }

    /** The width of one line of text at this size, in points, as {@link #show} prints it. */
    public float width(Style style, float size, String text) throws IOException {
        float width = 0;
        for (Run run : runs(style, visual(printable(style, text)))) {
            width += run.font.getStringWidth(run.text) / 1000f * size;
        }
        return width;
    }

    /** One line of text (no line breaks) with its left end at x on baseline y. */
    public void show(PDPageContentStream cs, Style style, float size, float x, float y, String text) throws IOException {
        List<Run> runs = runs(style, visual(printable(style, text)));
        if (runs.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.newLineAtOffset(x, y);
        for (Run run : runs) {
            cs.setFont(run.font, size);
            cs.showText(run.text);
        }
        cs.endText();
    }

    /**
     * The line as it is drawn from left to right: Arabic letters in the forms they take where they stand, then
     * every right-to-left run reversed (brackets mirrored) by the bidirectional algorithm. The paragraph's direction
     * is that of its first strong character, so a label in English followed by an Arabic name stays left to right.
     */
    static String visual(String logical) {
        if (!Bidi.requiresBidi(logical.toCharArray(), 0, logical.length())) {
            return logical;
        }
        String shaped = logical;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(logical);
        } catch (ArabicShapingException e) {
            LOG.fine("not shaped: " + e.getMessage());
        }
        Bidi bidi = new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }

    private record Run(PDFont font, String text) {
    }

    /** The text cut where the font that draws it changes. */
    private List<Run> runs(Style style, String visual) throws IOException {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDFont currentFont = null;
        for (int cp : visual.codePoints().toArray()) {
            PDFont font = fontFor(style, cp);
            int drawn = cp;
            if (font == null) {
                font = fonts.get(Style.REGULAR);
                drawn = has(font, 0xFFFD) ? 0xFFFD : '?';
            }
            if (font != currentFont && current.length() > 0) {
                runs.add(new Run(currentFont, current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(drawn);
        }
        if (current.length() > 0) {
            runs.add(new Run(currentFont, current.toString()));
        }
        return runs;
    }

    /** The style's own font, else regular DejaVu (mono and bold lack a few scripts), else a fallback; else none. */
    private PDFont fontFor(Style style, int cp) throws IOException {
        if (has(fonts.get(style), cp)) {
            return fonts.get(style);
        }
        if (style != Style.REGULAR && has(fonts.get(Style.REGULAR), cp)) {
            return fonts.get(Style.REGULAR);
        }
        for (int i = 0; i < fallbacks.length; i++) {
            if (fallbacks[i] == null) {
                // Loaded only by documents that need it: each file is over 4 MB, of which a subset is embedded.
                fallbacks[i] = PDType0Font.load(doc, new ByteArrayInputStream(FALLBACK_FILES.get(i)), true);
            }
            if (has(fallbacks[i], cp)) {
                return fallbacks[i];
            }
        }
        return null;
    }

    private static boolean has(PDFont font, int cp) {
        try {
            font.encode(new String(Character.toChars(cp)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static byte[] read(String path, boolean required) {
        try (InputStream in = PdfText.class.getResourceAsStream(path)) {
            if (in == null) {
                if (required) {
                    throw new IllegalStateException("font " + path + " is not on the classpath");
                }
                LOG.warning("font " + path + " is not on the classpath: what only it can draw prints as U+FFFD");
                return null;
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read font " + path, e);
        }
    }
}
