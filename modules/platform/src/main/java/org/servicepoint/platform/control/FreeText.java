package org.servicepoint.platform.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for text that staff type (names, notes, reasons, answers): it is kept as plain text. Line breaks
 * become {@code \n} and surrounding blanks go; control characters other than newline and tab are refused, as are
 * the invisible characters that reorder text for display (bidirectional overrides) and lone surrogates; and markup
 * is refused with what was found. Such text is mailed, printed and shown in other programs, where a tag would be
 * shown as a tag at best and run at worst. A lone "&lt;" or "&gt;" ("5 &lt; 6", "I &lt;3 books") is text and stays.
 */
public final class FreeText {

    /** An element tag, a closing tag, a comment, CDATA or a processing instruction; entities such as &lt;b&gt; too. */
    private static final Pattern MARKUP = Pattern.compile(
            "</?[A-Za-z][A-Za-z0-9:-]*(\\s[^<>]*)?/?>|<!--|<!\\[CDATA\\[|<\\?[A-Za-z]|&(lt|#0*60|#x0*3c);/?[A-Za-z]",
            Pattern.CASE_INSENSITIVE);

    private FreeText() {
    }

    /** Checked text, or null for an optional field left empty; a {@link Refusal} (400) naming the field otherwise. */
    public static String check(String field, String value, int maxLength, boolean required, boolean multiline) {
        String text = value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
        // strip() keeps no-break and other space separators; text of nothing but spaces is still empty.
        if (text.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp))) {
            text = "";
        }
        if (text.isEmpty()) {
            if (required) {
                throw Refusal.invalid(field, Text.of("platform.text.required"));
            }
            return null;
        }
        if (text.length() > maxLength) {
            throw Refusal.invalid(field, Text.of("platform.text.too-long", maxLength));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && !multiline) {
                throw Refusal.invalid(field, Text.of("platform.text.single-line"));
            }
            if (c != '\n' && c != '\t' && Character.isISOControl(c)) {
                throw Refusal.invalid(field, Text.of("platform.text.control-characters"));
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029') {
                throw Refusal.invalid(field, Text.of("platform.text.invisible-characters"));
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw Refusal.invalid(field, Text.of("platform.text.not-unicode"));
            }
        }
        markup(text).ifPresent(found -> {
            throw Refusal.invalid(field, markupText(found));
        });
        return text;
    }

    /** The message for text that holds markup, for rules that collect their violations themselves. */
    public static Text markupText(String found) {
        return Text.of("platform.text.markup", found);
    }

    /** The first piece of markup in the text (shortened), if there is one. */
    public static Optional<String> markup(String text) {
        // Every form of markup starts with "<" or "&": most text has neither, and the case-insensitive pattern
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
