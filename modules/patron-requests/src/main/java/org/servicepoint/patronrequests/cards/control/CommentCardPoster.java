package org.servicepoint.patronrequests.cards.control;

import io.nayuki.qrcodegen.QrCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.PdfText;
import org.servicepoint.platform.control.PdfText.Style;

/**
 * The poster a branch puts up by the desk: what the card is for, the branch, a QR code of the branch's comment page
 * and its address written out for those who type it. One page, US Letter or A4, in the language asked for.
 */
public final class CommentCardPoster {

    static final String TEXTS = "org.servicepoint.patronrequests.messages";
    private static final float MM = 72f / 25.4f;

    private CommentCardPoster() {
    }

    public static byte[] render(String library, String branch, String address, Locale language, boolean letter) {
        Messages words = Messages.of(TEXTS, language);
        PDRectangle sheet = letter ? PDRectangle.LETTER : PDRectangle.A4;
        try (PDDocument doc = new PDDocument()) {
            doc.getDocumentInformation().setTitle(words.get("patronrequests.cards.poster.title") + " — " + branch);
            doc.getDocumentInformation().setCreator("ServicePoint");
            PdfText text = new PdfText(doc);
            PDPage page = new PDPage(sheet);
            doc.addPage(page);
            float width = sheet.getWidth();
            float top = sheet.getHeight() - 30 * MM;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                centred(text, cs, Style.BOLD, 34, words.get("patronrequests.cards.poster.title"), width, top);
                centred(text, cs, Style.REGULAR, 18, words.get("patronrequests.cards.poster.kinds"), width, top - 16 * MM);
                centred(text, cs, Style.BOLD, 20, library + " — " + branch, width, top - 30 * MM);
                float side = 110 * MM;
                float bottom = top - 45 * MM - side;
                qr(cs, QrCode.encodeText(address, QrCode.Ecc.MEDIUM), (width - side) / 2, bottom, side);
                centred(text, cs, Style.REGULAR, 14, words.get("patronrequests.cards.poster.scan"), width, bottom - 12 * MM);
                centred(text, cs, Style.MONO, fit(text, address, width - 30 * MM), address, width, bottom - 22 * MM);
                centred(text, cs, Style.REGULAR, 12, words.get("patronrequests.cards.poster.privacy"), width, bottom - 34 * MM);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the comment-card poster", e);
        }
    }

    /** The QR matrix as black squares, with the quiet zone of four modules the standard asks for. */
    private static void qr(PDPageContentStream cs, QrCode code, float x, float y, float side) throws IOException {
        int modules = code.size + 8;
        float module = side / modules;
        cs.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < code.size; row++) {
            for (int column = 0; column < code.size; column++) {
                if (code.getModule(column, row)) {
                    cs.addRect(x + (column + 4) * module, y + side - (row + 5) * module, module, module);
                }
            }
        }
        cs.fill();
    }

    private static float fit(PdfText text, String line, float room) throws IOException {
        float size = 14;
        while (size > 7 && text.width(Style.MONO, size, line) > room) {
            size -= 0.5f;
        }
        return size;
    }

    private static void centred(PdfText text, PDPageContentStream cs, Style style, float size, String line, float width, float y)
            throws IOException {
        text.show(cs, style, size, (width - text.width(style, size, line)) / 2, y, line);
    }
}
