package org.servicepoint.platform.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 defines them: fields separated by commas, records by line breaks,
 * a field in double quotes may hold commas, line breaks and doubled quotes. Reading also accepts bare LF
 * or CR line breaks and a leading byte-order mark (what spreadsheets write); writing uses CRLF. Cells that people
 * wrote are {@linkplain #guard guarded} on export, so that a spreadsheet shows them rather than runs them.
 */
public final class Csv {

    /** One record and the line of the file it starts on (1-based; a quoted line break moves later records down). */
    public record Row(int line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }

        /** A line with nothing on it. */
        public boolean blank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    /** The text is not well-formed CSV; {@code line} is where the problem is. */
    public static final class Malformed extends RuntimeException {
        private final int line;

        public Malformed(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * Makes Excel read the file as UTF-8; without it, accented and non-Latin names are garbled there. Other readers,
     * and {@link #read}, skip it.
     */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    /**
     * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection). On export such a cell
     * gets a leading apostrophe, which spreadsheets show as text; on import that apostrophe is taken off again.
     */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final char QUOTE = '"';
    private static final char COMMA = ',';
    private static final String CRLF = "\r\n";

    private Csv() {
    }

    public static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        String s = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        int n = s.length();
        int i = 0;
        int line = 1;
        while (i < n) {
            int rowLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean endOfRow = false;
            while (!endOfRow) {
                if (i < n && s.charAt(i) == QUOTE) {
                    int opened = line;
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = s.charAt(i);
                        if (c == QUOTE) {
                            if (i + 1 < n && s.charAt(i + 1) == QUOTE) {
                                field.append(QUOTE);
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\r' || c == '\n') {
                            // A line break inside quotes is data; keep it as written, count the line.
                            if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                                field.append(c);
                                i++;
                                c = '\n';
                            }
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                    if (!closed) {
                        throw new Malformed(opened, "a quoted field starts on this line and is never closed");
                    }
                    if (i < n && s.charAt(i) != COMMA && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                        throw new Malformed(line, "after a closing quote only a comma or the end of the line may follow; "
                                + "a quote inside a quoted field is written twice (\"\")");
                    }
                } else {
                    while (i < n) {
                        char c = s.charAt(i);
                        if (c == COMMA || c == '\r' || c == '\n') {
                            break;
                        }
                        if (c == QUOTE) {
                            throw new Malformed(line, "a quote inside a field that does not start with one; put the field in "
                                    + "quotes and write the quote twice (\"\")");
                        }
                        field.append(c);
                        i++;
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (i >= n) {
                    endOfRow = true;
                } else if (s.charAt(i) == COMMA) {
                    i++;
                } else {
                    // CR, LF or CRLF ends the record.
                    if (s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                        i++;
                    }
                    i++;
                    line++;
                    endOfRow = true;
                }
            }
            rows.add(new Row(rowLine, fields));
        }
        return rows;
    }

    /** Records as CSV text, each ended by CRLF; fields are quoted only where they must be. */
    public static String write(List<List<String>> records) {
        StringBuilder out = new StringBuilder();
        for (List<String> record : records) {
            for (int f = 0; f < record.size(); f++) {
                if (f > 0) {
                    out.append(COMMA);
                }
                out.append(field(record.get(f)));
            }
            out.append(CRLF);
        }
        return out.toString();
    }

    /** A cell as a spreadsheet should show it, never run it: an apostrophe before a formula's first character. */
    public static String guard(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** A guarded cell read back as it was written. */
    public static String unguard(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    /** One field, quoted if it holds a comma, a quote or a line break, or starts or ends with a space. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean quote = value.indexOf(COMMA) >= 0 || value.indexOf(QUOTE) >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0 || Character.isWhitespace(value.charAt(0))
                || Character.isWhitespace(value.charAt(value.length() - 1));
        return quote ? QUOTE + value.replace("\"", "\"\"") + QUOTE : value;
    }
}
