package org.servicepoint.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough JSON for the command line: quoting strings, and reading a problem's lines for a person. */
final class Json {

    private static final Pattern STRING_FIELD = Pattern.compile("\"(detail|at|field|message)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Json() {
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** "detail" then one line per error: "at: field: message". */
    static String describeProblem(String body) {
        StringBuilder out = new StringBuilder();
        Matcher m = STRING_FIELD.matcher(body);
        String at = null;
        String field = null;
        while (m.find()) {
            String value = unescape(m.group(2));
            switch (m.group(1)) {
                case "detail" -> out.append(value).append('\n');
                case "field" -> field = value;
                case "at" -> at = value;
                default -> {
                    out.append("  ").append(at == null ? "" : at + ": ").append(field == null ? "" : field + ": ")
                            .append(value).append('\n');
                    at = null;
                    field = null;
                }
            }
        }
        return out.length() == 0 ? body : out.toString().stripTrailing();
    }

    private static String unescape(String s) {
        return s.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\");
    }
}
