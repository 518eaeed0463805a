package org.servicepoint.platform.control;

/**
 * A text as a JSON string with only the escapes JSON requires: the quote, the backslash and the control characters
 * (the short forms where JSON has one). For JSON written by hand where every character counts: canonical JSON, whose
 * hash is signed (so an escape changed here breaks every stored signature), and test bodies sent exactly as made.
 */
public final class JsonStrings {

    private JsonStrings() {
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(out, text);
        return out.toString();
    }

    public static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
