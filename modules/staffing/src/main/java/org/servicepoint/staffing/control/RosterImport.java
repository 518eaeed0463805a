package org.servicepoint.staffing.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Text;
import org.servicepoint.staffing.control.RosterRules.Field;

/**
 * Decides what an import file does to the roster before anything is written: every row is checked first, and
 * one bad row refuses the whole file with all its problems, so a half-imported roster cannot happen.
 *
 * <p>A row with a username changes the entry with that username, or adds one. A row without a username adds
 * an entry, except when an entry without a username already says exactly the same (so exporting the roster
 * and importing it again changes nothing).
 */
public final class RosterImport {

    /** What to write: new entries, changes by entry id, and how many rows already matched. */
    public record Plan(List<StaffDetails> additions, Map<UUID, StaffDetails> changes, int unchanged) {
        public Plan {
            additions = List.copyOf(additions);
            changes = new LinkedHashMap<>(changes);
        }

        public ImportSummary summary() {
            return new ImportSummary(additions.size(), changes.size(), unchanged);
        }
    }

    private RosterImport() {
    }

    public static Plan plan(List<RosterCsv.Line> lines, List<StaffRecord> roster, LibrarySystem system) {
        List<Violation> problems = new ArrayList<>();
        List<Checked> rows = new ArrayList<>();
        Map<String, Integer> usernameRows = new HashMap<>();
        int badRows = 0;
        for (RosterCsv.Line line : lines) {
            List<Violation> own = new ArrayList<>();
            StaffDetails wanted = RosterCsv.details(line, own);
            RosterRules.Outcome outcome = RosterRules.check(wanted, system, field -> RosterCsv.cellName(line, field));
            // A date that did not parse is also "required": report the cell once.
            outcome.violations().stream()
                    .filter(v -> own.stream().noneMatch(o -> o.field().equals(v.field())))
                    .forEach(own::add);
            if (outcome.ok()) {
                String username = outcome.details().username();
                if (username != null) {
                    Integer earlier = usernameRows.putIfAbsent(username, line.row());
                    if (earlier != null) {
                        own.add(new Violation(RosterCsv.cellName(line, Field.USERNAME),
                                Text.of("staffing.csv.username-twice", username, earlier)));
                    }
                }
            }
            if (own.isEmpty()) {
                rows.add(new Checked(line.row(), outcome.details(), line.cells().containsKey("email")));
            } else {
                badRows++;
                problems.addAll(own);
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid(Text.of("staffing.csv.rows-refused", badRows, lines.size()), problems);
        }
        return match(rows, roster);
    }

    /** {@code hasEmail}: the file has an email column; a file without one (an older export) leaves addresses alone. */
    private record Checked(int row, StaffDetails details, boolean hasEmail) {
    }

    private static Plan match(List<Checked> rows, List<StaffRecord> roster) {
        Map<String, StaffRecord> byUsername = new HashMap<>();
        List<StaffRecord> withoutUsername = new ArrayList<>();
        for (StaffRecord member : roster) {
            if (member.username() == null) {
                withoutUsername.add(member);
            } else {
                byUsername.put(member.username(), member);
            }
        }
        List<StaffDetails> additions = new ArrayList<>();
        Map<UUID, StaffDetails> changes = new LinkedHashMap<>();
        int unchanged = 0;
        for (Checked row : rows) {
            StaffDetails wanted = row.details();
            if (wanted.username() != null) {
                StaffRecord current = byUsername.get(wanted.username());
                if (current != null && !row.hasEmail()) {
                    wanted = wanted.withEmail(current.email());
                }
                if (current == null) {
                    additions.add(wanted);
                } else if (current.details().equals(wanted)) {
                    unchanged++;
                } else {
                    changes.put(current.id(), wanted);
                }
            } else {
                // Each existing entry answers for one row only: two identical rows are two people.
                StaffDetails asFiled = wanted;
                StaffRecord same = withoutUsername.stream()
                        .filter(m -> (row.hasEmail() ? m.details() : m.details().withEmail(null)).equals(asFiled)).findFirst().orElse(null);
                if (same == null) {
                    additions.add(wanted);
                } else {
                    withoutUsername.remove(same);
                    unchanged++;
                }
            }
        }
        return new Plan(additions, changes, unchanged);
    }
}
