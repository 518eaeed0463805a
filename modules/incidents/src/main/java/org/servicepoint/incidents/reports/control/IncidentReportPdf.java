package org.servicepoint.incidents.reports.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
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
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.PdfText.Style;
import org.servicepoint.platform.control.PdfText;

/**
 * A signed incident report on paper: the report, its call to headquarters, its answers, its addenda and the whole
 * signature trail with every hash, and what verification found when it was printed. Everything staff typed is
 * printed as plain text, wrapped to the page, in any script a name may be written in ({@link PdfText}: Arabic shaped
 * and in bidirectional order, CJK in its own font; fonts embedded as subsets). Labels, dates and times are
 * in the library system's language and zone.
 */
public final class IncidentReportPdf {

    public static final String TEXTS = "org.servicepoint.incidents.messages";
    private static final float MARGIN = 54f;
    private static final float BODY = 10f;
    private static final float SMALL = 8f;
    private static final float HASH = 7.5f;
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
            PdfText fonts = new PdfText(doc);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(input.formTitle() + " " + input.report().id());
            info.setSubject(input.librarySystem());
            info.setCreator("ServicePoint");
            info.setCreationDate(Calendar.getInstance());
            if (input.locale() != null) {
                doc.getDocumentCatalog().setLanguage(input.locale().toLanguageTag());
            }
            Messages text = Messages.of(TEXTS, input.locale());
            try (Pages pages = new Pages(doc, paper, fonts)) {
                write(pages, input, text);
            }
            footers(doc, fonts, input, text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the incident report PDF", e);
        }
    }

    private static void write(Pages p, Input input, Messages t) throws IOException {
        ReportView r = input.report();
        ZoneId zone = input.zone();
        p.paragraph(Style.BOLD, 16f, input.formTitle());
        p.paragraph(Style.REGULAR, BODY, input.librarySystem());
        p.gap(6);
        p.field(t.get("pdf.field.report"), r.id().toString());
        p.field(t.get("pdf.field.category"), r.categoryTitle() + " (" + r.category() + ")");
        p.field(t.get("pdf.field.branch"), r.branchName() + " (" + r.branch() + ")");
        p.field(t.get("pdf.field.occurred"), t.timestamp(r.occurredAt(), zone));
        p.field(t.get("pdf.field.reported-by"), person(r.reporter()));
        p.field(t.get("pdf.field.status"), t.getOrDefault("status." + r.status(), r.status()));
        p.field(t.get("pdf.field.form"), t.get("pdf.form-version", String.valueOf(r.formVersion()), r.formHash()));
        if (!r.patronReferences().isEmpty()) {
            p.field(t.get("pdf.field.patron-references"),
                    String.join(", ", r.patronReferences().stream().map(Object::toString).toList()));
        }

        p.heading(t.get("pdf.call"));
        if (r.verbalReport() == null) {
            p.paragraph(Style.REGULAR, BODY, t.get(r.steps().verbalReportRequired() ? "pdf.call.required-missing" : "pdf.call.not-required"));
        } else {
            p.field(t.get("pdf.field.called-by"), r.verbalReport().calledBy());
            p.field(t.get("pdf.field.reached"), r.verbalReport().calledTo());
            p.field(t.get("pdf.field.at"), t.timestamp(r.verbalReport().calledAt(), zone));
            if (r.verbalReport().note() != null) {
                p.field(t.get("pdf.field.note"), r.verbalReport().note());
            }
        }

        p.heading(t.get("pdf.answers"));
        for (FormDefinition.Field q : r.questions()) {
            p.paragraph(Style.BOLD, BODY, q.label());
            p.paragraph(Style.REGULAR, BODY, answer(q, r.answers().get(q.key()), r.staffMembers(), t));
            p.gap(3);
        }

        if (!r.addenda().isEmpty()) {
            p.heading(t.get("pdf.addenda"));
            for (ReportView.Addendum a : r.addenda()) {
                p.paragraph(Style.BOLD, BODY, t.get("pdf.addendum", String.valueOf(a.seq()), person(a.author()),
                        t.timestamp(a.createdAt(), zone), String.valueOf(a.signatureSeq())));
                p.paragraph(Style.REGULAR, BODY, a.text());
                p.gap(3);
            }
        }

        p.heading(t.get("pdf.signatures"));
        String[] hashLabels = {t.get("pdf.hash.content"), t.get("pdf.hash.previous"), t.get("pdf.hash.signature")};
        int labelWidth = 1 + java.util.Arrays.stream(hashLabels).mapToInt(String::length).max().orElse(0);
        for (ReportView.Signature s : r.signatures()) {
            p.paragraph(Style.BOLD, BODY, s.seq() + ". " + t.getOrDefault("pdf.signature." + s.kind(), s.kind()) + ": " + person(s.signer())
                    + ", " + t.timestamp(s.signedAt(), zone));
            p.paragraph(Style.MONO, HASH, pad(hashLabels[0], labelWidth) + s.contentHash());
            p.paragraph(Style.MONO, HASH, pad(hashLabels[1], labelWidth) + s.previousHash());
            p.paragraph(Style.MONO, HASH, pad(hashLabels[2], labelWidth) + s.hash());
            p.gap(3);
        }

        p.heading(t.get("pdf.verification"));
        Verification v = input.verification();
        if (v.intact()) {
            p.paragraph(Style.REGULAR, BODY, t.get("pdf.verification.intact", String.valueOf(v.checked())));
        } else {
            Verification.Mismatch m = v.firstMismatch();
            p.paragraph(Style.BOLD, BODY, t.get("pdf.verification.broken", String.valueOf(m.seq()), m.problem(), m.explanation()));
        }
        p.paragraph(Style.REGULAR, SMALL, t.get("pdf.verification.how"));
    }

    private static String pad(String label, int width) {
        return label + " ".repeat(Math.max(1, width - label.length()));
    }

    private static void footers(PDDocument doc, PdfText f, Input input, Messages t) throws IOException {
        int total = doc.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs.setNonStrokingColor(0.35f);
                f.show(cs, Style.REGULAR, SMALL, MARGIN, MARGIN / 2, t.get("pdf.footer", input.report().id().toString(),
                        String.valueOf(i + 1), String.valueOf(total)));
            }
        }
    }

    static String answer(FormDefinition.Field q, Object value, Map<String, String> staff, Messages t) {
        if (value == null) {
            return "—";
        }
        return switch (q.fieldType()) {
            case YES_NO -> t.get(Boolean.TRUE.equals(value) ? "pdf.answer.yes" : "pdf.answer.no");
            case MULTI_CHOICE -> value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList()) : value.toString();
            case NUMBER -> value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            case STAFF_MEMBER -> t.get("pdf.answer.staff-member", staff.getOrDefault(value.toString(), "?"), value.toString());
            default -> value.toString();
        };
    }

    private static String person(ReportView.Person p) {
        String name = p.tagName() != null ? p.tagName() : p.username();
        return p.positionName() == null ? name : name + " (" + p.positionName() + ")";
    }

    /** Lines down the page, a new page when one is full. */
    private static final class Pages implements AutoCloseable {
        private final PDDocument doc;
        private final PDRectangle paper;
        private final PdfText text;
        private PDPageContentStream cs;
        private float y;

        Pages(PDDocument doc, PDRectangle paper, PdfText text) throws IOException {
            this.doc = doc;
            this.paper = paper;
            this.text = text;
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

        void heading(String heading) throws IOException {
            gap(8);
            if (y - 3 * 13f < MARGIN) {
                newPage();
            }
            paragraph(Style.BOLD, 12f, heading);
            gap(2);
        }

        void field(String label, String value) throws IOException {
            paragraph(Style.REGULAR, BODY, label + ": " + (value == null ? "—" : value));
        }

        /** Wrapped at spaces; a word wider than the line is broken where it must be. Line breaks are kept. */
        void paragraph(Style style, float size, String paragraph) throws IOException {
            for (String part : (paragraph == null ? "" : paragraph).split("\r?\n", -1)) {
                for (String line : wrap(style, size, text.printable(style, part))) {
                    line(style, size, line);
                }
            }
        }

        private List<String> wrap(Style font, float size, String text) throws IOException {
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

        private void line(Style style, float size, String line) throws IOException {
            float leading = size * 1.3f;
            if (y - leading < MARGIN) {
                newPage();
            }
            y -= leading;
            if (!line.isEmpty()) {
                text.show(cs, style, size, MARGIN, y, line);
            }
        }

        private float width(Style style, float size, String line) throws IOException {
            return text.width(style, size, line);
        }

        @Override
        public void close() throws IOException {
            if (cs != null) {
                cs.close();
            }
        }
    }
}
