package org.servicepoint.staffing.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.servicepoint.platform.control.Csv;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.staffing.control.RosterRules.Field;

/**
 * The roster as a CSV file, one person per row, for spreadsheets: written for export, read for import.
 * Columns are matched by the header's names, so their order is free.
 */
public final class RosterCsv {

    public static final List<String> COLUMNS = List.of("tag_name", "username", "position", "branch", "employment_type",
            "starts_on", "ends_on", "email");
    /** username, ends_on and email may be left out of a file altogether. */
    static final Set<String> REQUIRED = Set.of("tag_name", "position", "branch", "employment_type", "starts_on");
    public static final int MAX_ROWS = 5_000;
    /** Far above 5,000 rows of names and codes; keeps a wrong file from filling memory. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final String MEDIA_TYPE = "text/csv";

    /** One data row: its row number as a spreadsheet shows it (the header is row 1) and its cells by column. */
    public record Line(int row, int line, Map<String, String> cells) {
        public Line {
            cells = Map.copyOf(cells);
        }

        public String cell(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    private RosterCsv() {
    }

    public static String write(List<StaffRecord> members) {
        List<List<String>> records = new ArrayList<>();
        records.add(COLUMNS);
        for (StaffRecord m : members) {
            records.add(List.of(Csv.guard(m.tagName()), Csv.guard(m.username()), Csv.guard(m.position()), Csv.guard(m.branch()),
                    Csv.guard(m.employmentType()), String.valueOf(m.startsOn()), m.endsOn() == null ? "" : m.endsOn().toString(),
                    Csv.guard(m.email())));
        }
        return Csv.BYTE_ORDER_MARK + Csv.write(records);
    }

    /** The upload as text; a file in another encoding is refused rather than read as garbled names. */
    public static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw Refusal.invalid("body", Text.of("staffing.csv.not-charset", charset.name()));
        }
    }

    /**
     * The data rows of an import file. A file that is not well-formed CSV, lacks the header, has rows of the
     * wrong width or too many rows is refused here, naming the lines; blank lines are skipped.
     */
    public static List<Line> read(String text) {
        List<Csv.Row> rows;
        try {
            rows = Csv.read(text);
        } catch (Csv.Malformed e) {
            throw Refusal.invalid(Text.of("staffing.csv.malformed-at", e.line(), e.getMessage()),
                    List.of(new Violation("line " + e.line(), e.getMessage())));
        }
        int first = 0;
        while (first < rows.size() && rows.get(first).blank()) {
            first++;
        }
        if (first == rows.size()) {
            throw Refusal.invalid("line 1", Text.of("staffing.csv.empty-file", String.join(",", COLUMNS)));
        }
        Csv.Row header = rows.get(first);
        List<String> columns = header(header);

        List<Violation> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (int r = first + 1; r < rows.size(); r++) {
            Csv.Row row = rows.get(r);
            if (row.blank()) {
                continue;
            }
            if (row.fields().size() != columns.size()) {
                problems.add(new Violation("line " + row.line(), Text.of("staffing.csv.field-count", row.fields().size(),
                        columns.size())));
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                cells.put(columns.get(c), Csv.unguard(row.fields().get(c)));
            }
            lines.add(new Line(r + 1, row.line(), cells));
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(Text.of("staffing.csv.wrong-field-counts", problems.size()), problems);
        }
        if (lines.size() > MAX_ROWS) {
            throw Refusal.invalid("body", Text.of("staffing.csv.too-many-rows", lines.size(), MAX_ROWS));
        }
        return lines;
    }

    private static List<String> header(Csv.Row header) {
        List<String> columns = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String where = "line " + header.line();
        for (String raw : header.fields()) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                problems.add(new Violation(where, Text.of("staffing.csv.unknown-column", raw, String.join(", ", COLUMNS))));
            } else if (!seen.add(name)) {
                problems.add(new Violation(where, Text.of("staffing.csv.column-twice", name)));
            }
            columns.add(name);
        }
        for (String required : COLUMNS) {
            if (REQUIRED.contains(required) && !seen.contains(required)) {
                problems.add(new Violation(where, Text.of("staffing.csv.column-missing", required)));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(Text.of("staffing.csv.header", String.join(",", COLUMNS)), problems);
        }
        return columns;
    }

    /** A row as an entry; dates that do not parse are reported as that row's violations. */
    static StaffDetails details(Line line, List<Violation> problems) {
        return new StaffDetails(line.cell("tag_name"), line.cell("username"), line.cell("position"), line.cell("branch"),
                line.cell("employment_type"), date(line, Field.STARTS_ON, problems), date(line, Field.ENDS_ON, problems),
                line.cell("email"));
    }

    private static LocalDate date(Line line, Field field, List<Violation> problems) {
        String value = line.cell(field.csv()).strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Violation(cellName(line, field), Text.of("staffing.csv.not-a-date", value)));
            return null;
        }
    }

    /** How a refusal names a cell: "row 4: position". */
    static String cellName(Line line, Field field) {
        return "row " + line.row() + ": " + field.csv();
    }
}
