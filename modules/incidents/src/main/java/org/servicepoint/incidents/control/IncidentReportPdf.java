package org.servicepoint.incidents.control;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A signed incident report on paper: the report, its call to headquarters, its answers, its addenda and the whole
 * signature trail with every hash, and what verification found when it was printed. Everything staff typed is
 * printed as plain text, wrapped to the page; fonts (DejaVu) are embedded as subsets.
 */
public final class IncidentReportPdf {

    private static final float MARGIN = 54f;
    private static final float BODY = 10f;
    private static final float SMALL = 8f;
    private static final float HASH = 7.5f;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx");
    /** Countries whose offices use US Letter; everyone else uses A4. */
    private static final Set<String> LETTER = Set.of("US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA", "DO", "SV",
            "NI", "HN", "BZ");

    /** What the PDF shows. */
    public record Input(String librarySystem, Locale locale, ZoneId zone, String formTitle, ReportView report,
                        Verification verification) {
    }

    private IncidentReportPdf() {
    }

    public static byte[] render(Input input) {
        PDRectangle paper = input.locale() != null && LETTER.contains(input.locale().getCountry()) ? PDRectangle.LETTER : PDRectangle.A4;
        try (PDDocument doc = new PDDocument()) {
            Fonts fonts = new Fonts(doc);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(input.formTitle() + " " + input.report().id());
            info.setSubject(input.librarySystem());
            info.setCreator("ServicePoint");
            info.setCreationDate(Calendar.getInstance());
            if (input.locale() != null) {
                doc.getDocumentCatalog().setLanguage(input.locale().toLanguageTag());
            }
            try (Pages pages = new Pages(doc, paper, fonts)) {
                write(pages, fonts, input);
            }
            footers(doc, fonts, input);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the incident report PDF", e);
        }
    }

    private static void write(Pages p, Fonts f, Input input) throws IOException {
        ReportView r = input.report();
        p.paragraph(f.bold, 16f, input.formTitle());
        p.paragraph(f.regular, BODY, input.librarySystem());
        p.gap(6);
        p.field(f, "Report", r.id().toString());
        p.field(f, "Category", r.categoryTitle() + " (" + r.category() + ")");
        p.field(f, "Branch", r.branchName() + " (" + r.branch() + ")");
        p.field(f, "Occurred", when(r.occurredAt(), input.zone()));
        p.field(f, "Reported by", person(r.reporter()));
        p.field(f, "Status", r.status());
        p.field(f, "Form", "version " + r.formVersion() + ", " + r.formHash());
        if (!r.patronReferences().isEmpty()) {
            p.field(f, "Patron references", String.join(", ", r.patronReferences().stream().map(Object::toString).toList()));
        }

        p.heading(f, "Call to headquarters");
        if (r.verbalReport() == null) {
            p.paragraph(f.regular, BODY, r.steps().verbalReportRequired() ? "Required, not recorded." : "Not required for this category.");
        } else {
            p.field(f, "Called by", r.verbalReport().calledBy());
            p.field(f, "Reached", r.verbalReport().calledTo());
            p.field(f, "At", when(r.verbalReport().calledAt(), input.zone()));
            if (r.verbalReport().note() != null) {
                p.field(f, "Note", r.verbalReport().note());
            }
        }

        p.heading(f, "Answers");
        for (FormDefinition.Field q : r.questions()) {
            p.paragraph(f.bold, BODY, q.label());
            p.paragraph(f.regular, BODY, answer(q, r.answers().get(q.key()), r.staffMembers()));
            p.gap(3);
        }

        if (!r.addenda().isEmpty()) {
            p.heading(f, "Addenda");
            for (ReportView.Addendum a : r.addenda()) {
                p.paragraph(f.bold, BODY, "Addendum " + a.seq() + ", by " + person(a.author()) + ", " + when(a.createdAt(), input.zone())
                        + " (signature " + a.signatureSeq() + ")");
                p.paragraph(f.regular, BODY, a.text());
                p.gap(3);
            }
        }

        p.heading(f, "Signatures");
        for (ReportView.Signature s : r.signatures()) {
            p.paragraph(f.bold, BODY, s.seq() + ". " + kind(s.kind()) + ": " + person(s.signer()) + ", " + when(s.signedAt(), input.zone()));
            p.paragraph(f.mono, HASH, "content   " + s.contentHash());
            p.paragraph(f.mono, HASH, "previous  " + s.previousHash());
            p.paragraph(f.mono, HASH, "signature " + s.hash());
            p.gap(3);
        }

        p.heading(f, "Verification when printed");
        Verification v = input.verification();
        if (v.intact()) {
            p.paragraph(f.regular, BODY, "All " + v.checked() + " signature(s) hold: the report is as it was signed.");
        } else {
            Verification.Mismatch m = v.firstMismatch();
            p.paragraph(f.bold, BODY, "Signature " + m.seq() + " does not hold (" + m.problem() + "): " + m.explanation() + ".");
        }
        p.paragraph(f.regular, SMALL, "Each signature covers the SHA-256 of the report's content as it stood then and the hash of the "
                + "signature before it; the report's verification in ServicePoint recomputes them from what is stored.");
    }

    private static void footers(PDDocument doc, Fonts f, Input input) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = f.printable(f.regular, "Incident report " + input.report().id() + "  ·  page " + (i + 1) + " of " + total);
                cs.beginText();
                cs.setFont(f.regular, SMALL);
                cs.setNonStrokingColor(0.35f);
                cs.newLineAtOffset(MARGIN, MARGIN / 2);
                cs.showText(text);
                cs.endText();
            }
        }
    }

    static String answer(FormDefinition.Field q, Object value, Map<String, String> staff) {
        if (value == null) {
            return "—";
        }
        return switch (q.fieldType()) {
            case YES_NO -> Boolean.TRUE.equals(value) ? "Yes" : "No";
            case MULTI_CHOICE -> value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : value.toString();
            case NUMBER -> value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            case STAFF_MEMBER -> staff.getOrDefault(value.toString(), "?") + " (roster " + value + ")";
            default -> value.toString();
        };
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "reporter" -> "Signed by the reporter";
            case "countersignature" -> "Countersigned";
            case "addendum" -> "Addendum signed";
            case "acknowledgement" -> "Acknowledged by headquarters";
            default -> kind;
        };
    }

    private static String person(ReportView.Person p) {
        String name = p.tagName() != null ? p.tagName() : p.username();
        return p.positionName() == null ? name : name + " (" + p.positionName() + ")";
    }

    private static String when(OffsetDateTime time, ZoneId zone) {
        return time == null ? "—" : time.atZoneSameInstant(zone).format(WHEN) + " " + zone.getId();
    }

    /** The fonts, read from the classpath once; each document embeds the subset it uses. */
    private static final class Fonts {
        static final byte[] REGULAR = read("DejaVuSans.ttf");
        static final byte[] BOLD = read("DejaVuSans-Bold.ttf");
        static final byte[] MONO = read("DejaVuSansMono.ttf");

        final PDFont regular;
        final PDFont bold;
        final PDFont mono;

        Fonts(PDDocument doc) throws IOException {
            regular = PDType0Font.load(doc, new ByteArrayInputStream(REGULAR), true);
            bold = PDType0Font.load(doc, new ByteArrayInputStream(BOLD), true);
            mono = PDType0Font.load(doc, new ByteArrayInputStream(MONO), true);
        }

        private static byte[] read(String file) {
            // DejaVu fonts as shipped in net.sf.jasperreports:jasperreports-fonts (Bitstream Vera licence).
            String path = "/net/sf/jasperreports/fonts/dejavu/" + file;
            try (InputStream in = IncidentReportPdf.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("font " + path + " is not on the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read font " + path, e);
            }
        }

        /** Characters the font has no glyph for print as U+FFFD rather than failing the whole document. */
        String printable(PDFont font, String text) {
            StringBuilder out = new StringBuilder();
            text.replace("\t", "    ").codePoints().forEach(cp -> {
                String ch = new String(Character.toChars(cp));
                if (Character.getType(cp) == Character.FORMAT || Character.isISOControl(cp)) {
                    return;
                }
                out.append(has(font, ch) ? ch : has(font, "\uFFFD") ? "\uFFFD" : "?");
            });
            return out.toString();
        }

        private static boolean has(PDFont font, String ch) {
            try {
                font.encode(ch);
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }

    /** Lines down the page, a new page when one is full. */
    private static final class Pages implements AutoCloseable {
        private final PDDocument doc;
        private final PDRectangle paper;
        private final Fonts fonts;
        private PDPageContentStream cs;
        private float y;

        Pages(PDDocument doc, PDRectangle paper, Fonts fonts) throws IOException {
            this.doc = doc;
            this.paper = paper;
            this.fonts = fonts;
            newPage();
        }

        private float width() {
            return paper.getWidth() - 2 * MARGIN;
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(paper);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = paper.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void heading(Fonts f, String text) throws IOException {
            gap(8);
            if (y - 3 * 13f < MARGIN) {
                newPage();
            }
            paragraph(f.bold, 12f, text);
            gap(2);
        }

        void field(Fonts f, String label, String value) throws IOException {
            paragraph(f.regular, BODY, label + ": " + (value == null ? "—" : value));
        }

        /** Wrapped at spaces; a word wider than the line is broken where it must be. Line breaks are kept. */
        void paragraph(PDFont font, float size, String text) throws IOException {
            for (String part : fonts.printable(font, text == null ? "" : text).split("\n", -1)) {
                for (String line : wrap(font, size, part)) {
                    line(font, size, line);
                }
            }
        }

        private List<String> wrap(PDFont font, float size, String text) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ", -1)) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (width(font, size, candidate) <= width()) {
                    current.setLength(0);
                    current.append(candidate);
                    continue;
                }
                if (current.length() > 0) {
                    lines.add(current.toString());
                    current.setLength(0);
                }
                int[] cps = word.codePoints().toArray();
                int start = 0;
                while (start < cps.length) {
                    int end = cps.length;
                    while (end > start + 1 && width(font, size, new String(cps, start, end - start)) > width()) {
                        end--;
                    }
                    String piece = new String(cps, start, end - start);
                    if (end < cps.length) {
                        lines.add(piece);
                    } else {
                        current.append(piece);
                    }
                    start = end;
                }
            }
            lines.add(current.toString());
            return lines;
        }

        private void line(PDFont font, float size, String text) throws IOException {
            float leading = size * 1.3f;
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            if (!text.isEmpty()) {
                cs.beginText();
                cs.setFont(font, size);
                cs.newLineAtOffset(MARGIN, y);
                cs.showText(text);
                cs.endText();
            }
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000f * size;
        }

        @Override
        public void close() throws IOException {
            if (cs != null) {
                cs.close();
            }
        }
    }
}
