package org.servicepoint.confidentiality.control;

import org.servicepoint.platform.control.Refusal;

/**
 * Free text staff type (names, what was asked, reasons) is kept as plain text: line breaks become
 * {@code \n}, surrounding blanks go, and control characters other than newline and tab are refused, as are
 * the invisible characters that reorder text for display (bidirectional overrides) and lone surrogates.
 */
public final class FreeText {

    private FreeText() {
    }

    /** Checked text, or null for an optional field left empty. */
    public static String check(String field, String value, int maxLength, boolean required, boolean multiline) {
        String text = value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            if (required) {
                throw Refusal.invalid(field, "is required");
            }
            return null;
        }
        if (text.length() > maxLength) {
            throw Refusal.invalid(field, "must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' && !multiline) {
                throw Refusal.invalid(field, "must be a single line");
            }
            if (c != '\n' && c != '\t' && Character.isISOControl(c)) {
                throw Refusal.invalid(field, "must be plain text without control characters");
            }
            if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u2028' || c == '\u2029') {
                throw Refusal.invalid(field, "must not contain characters that reorder or break text invisibly");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw Refusal.invalid(field, "is not valid Unicode text");
            }
        }
        return text;
    }
}
