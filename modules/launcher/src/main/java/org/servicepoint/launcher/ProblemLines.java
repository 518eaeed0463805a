package org.servicepoint.launcher;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A problem+json answer as lines for a person: its detail, then one line per error. */
final class ProblemLines {

    private static final Pattern STRING_FIELD = Pattern.compile("\"(detail|at|field|message)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ProblemLines() {
    }

    /** "detail" then one line per error: "at: field: message". */
    static String of(String body) {
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
