package org.servicepoint.patronrequests.reconsideration.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.PdfText;
import org.servicepoint.platform.control.PdfText.Style;

/**
 * The letter that tells a patron the committee's decision on their request to reconsider a library item: the library
 * system's name, the date, the request's reference and date, the item, the decision and its reasons. Every word but
 * those comes from the module's messages in the library system's language; dates are written in its time zone. The
 * patron is named only when they gave a name. Text in any script prints through {@link PdfText}.
 */
public final class DecisionLetter {

    private static final float MARGIN = 64f;
    private static final float BODY = 11f;

    private DecisionLetter() {
    }

    /** What the letter says; {@code patronName} null when the patron gave none. */
    public record Letter(String librarySystem, String reference, Instant receivedAt, ReconsiderationView.Item item, String outcome,
                         String reasons, Instant decidedAt, String patronName) {
    }

    /** The letter as a PDF on US Letter paper, the paper the library systems served today print on. */
    public static byte[] render(Letter letter, Locale locale, ZoneId zone) {
        Messages words = Messages.of(Reconsiderations.TEXTS, locale);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(words.locale()).withZone(zone);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setTitle(words.get("patronrequests.reconsideration.letter.title") + " " + letter.reference());
            doc.getDocumentInformation().setAuthor(letter.librarySystem());
            try (Sheet sheet = new Sheet(doc, new PdfText(doc))) {
                sheet.write(Style.BOLD, 16f, letter.librarySystem());
                sheet.write(Style.REGULAR, BODY, day.format(letter.decidedAt()));
                sheet.space(18);
                sheet.write(Style.BOLD, 13f, words.get("patronrequests.reconsideration.letter.title"));
                sheet.write(Style.REGULAR, BODY, words.get("patronrequests.reconsideration.letter.reference", letter.reference()));
                sheet.write(Style.REGULAR, BODY, words.get("patronrequests.reconsideration.letter.received",
                        day.format(letter.receivedAt())));
                sheet.space(14);
                sheet.write(Style.REGULAR, BODY, letter.patronName() == null
                        ? words.get("patronrequests.reconsideration.letter.greeting")
                        : words.get("patronrequests.reconsideration.letter.greeting-named", letter.patronName()));
                sheet.space(6);
                sheet.write(Style.REGULAR, BODY, words.get("patronrequests.reconsideration.letter.intro", day.format(letter.receivedAt())));
                sheet.space(10);
                sheet.write(Style.BOLD, BODY, words.get("patronrequests.reconsideration.letter.item"));
                sheet.write(Style.REGULAR, BODY, words.get("patronrequests.reconsideration.letter.item-title", letter.item().title()));
                if (letter.item().author() != null) {
                    sheet.write(Style.REGULAR, BODY, words.get("patronrequests.reconsideration.letter.item-author", letter.item().author()));
                }
                sheet.write(Style.REGULAR, BODY, words.get("patronrequests.reconsideration.letter.item-format",
                        words.get("patronrequests.reconsideration.format." + letter.item().format())));
                sheet.space(10);
                sheet.write(Style.BOLD, BODY, words.get("patronrequests.reconsideration.letter.decision"));
                sheet.write(Style.REGULAR, BODY, words.get("patronrequests.reconsideration.outcome." + letter.outcome()));
                sheet.space(10);
                sheet.write(Style.BOLD, BODY, words.get("patronrequests.reconsideration.letter.reasons"));
                sheet.write(Style.REGULAR, BODY, letter.reasons());
                sheet.space(18);
                sheet.write(Style.REGULAR, BODY, words.get("patronrequests.reconsideration.letter.closing"));
                sheet.space(6);
                sheet.write(Style.REGULAR, BODY, words.get("patronrequests.reconsideration.letter.signed", letter.librarySystem()));
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the decision letter could not be written", e);
        }
    }

    /** Text down the page from the top, broken into lines that fit between the margins, onto a new page when full. */
    private static final class Sheet implements AutoCloseable {
        private final PDDocument doc;
        private final PdfText text;
        private final float lineWidth = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
        private PDPageContentStream page;
        private float baseline;

        Sheet(PDDocument doc, PdfText text) throws IOException {
            this.doc = doc;
            this.text = text;
            turn();
        }

        void space(float points) {
            baseline -= points;
        }

        /** A paragraph; its own line breaks are kept. */
        void write(Style style, float size, String paragraph) throws IOException {
            for (String piece : paragraph.split("\n", -1)) {
                for (String line : lines(style, size, text.printable(style, piece))) {
                    if (baseline - size * 1.35f < MARGIN) {
                        turn();
                    }
                    baseline -= size * 1.35f;
                    text.show(page, style, size, MARGIN, baseline, line);
                }
            }
        }

        /** Greedy by words; a single word longer than the line is cut into pieces that fit. */
        private List<String> lines(Style style, float size, String piece) throws IOException {
            List<String> lines = new ArrayList<>();
            String line = "";
            for (String word : piece.split(" ")) {
                String longer = line.isEmpty() ? word : line + " " + word;
                if (text.width(style, size, longer) <= lineWidth) {
                    line = longer;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                line = word;
                while (text.width(style, size, line) > lineWidth && line.codePointCount(0, line.length()) > 1) {
                    int cut = line.offsetByCodePoints(0, line.codePointCount(0, line.length()) - 1);
                    while (cut > 1 && text.width(style, size, line.substring(0, cut)) > lineWidth) {
                        cut = line.offsetByCodePoints(cut, -1);
                    }
                    lines.add(line.substring(0, cut));
                    line = line.substring(cut);
                }
            }
            lines.add(line);
            return lines;
        }

        private void turn() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.LETTER);
            doc.addPage(next);
            page = new PDPageContentStream(doc, next);
            baseline = PDRectangle.LETTER.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            page.close();
        }
    }
}
