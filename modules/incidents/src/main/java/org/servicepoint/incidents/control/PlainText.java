package org.servicepoint.incidents.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicepoint.confidentiality.control.FreeText;
import org.servicepoint.platform.control.Refusal;

/**
 * Free text of an incident report: plain text (the confidentiality rules) and no markup. A report is a record
 * that is mailed, printed and read in other programs; a tag typed into it would be shown as a tag at best and run
 * at worst, so it is refused with the reason rather than stored. A lone "<" or ">" ("5 < 6", "I <3 books") is text
 * and stays.
 */
public final class PlainText {

    /** An element tag, a closing tag, a comment, CDATA or a processing instruction; entities such as &lt;b&gt; too. */
    private static final Pattern MARKUP = Pattern.compile(
            "</?[A-Za-z][A-Za-z0-9:-]*(\\s[^<>]*)?/?>|<!--|<!\\[CDATA\\[|<\\?[A-Za-z]|&(lt|#0*60|#x0*3c);/?[A-Za-z]",
            Pattern.CASE_INSENSITIVE);

    private PlainText() {
    }

    public static String check(String field, String value, int maxLength, boolean required, boolean multiline) {
        String checked = FreeText.check(field, value, maxLength, required, multiline);
        markup(checked).ifPresent(found -> {
            throw Refusal.invalid(field, "contains markup (" + found + "); write plain text: it is kept, mailed and printed as typed");
        });
        return checked;
    }

    static Optional<String> markup(String text) {
        // Every form of markup starts with "<" or "&": most answers have neither, and the case-insensitive pattern
        // tried at every position of every answer was a noticeable part of filing a report.
        if (text == null || text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return Optional.empty();
        }
        Matcher m = MARKUP.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String found = m.group();
        return Optional.of(found.length() > 20 ? found.substring(0, 20) + "…" : found);
    }
}
