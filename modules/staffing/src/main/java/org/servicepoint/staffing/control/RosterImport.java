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

    /** What one row of a file would do: {@code entryId} is the entry it changes or matches; problems only if refused. */
    public record RowOutcome(int row, ImportRow.Result result, UUID entryId, StaffDetails details, List<Violation> problems) {
        public RowOutcome {
            problems = List.copyOf(problems);
        }
    }

    public static Plan plan(List<RosterCsv.Line> lines, List<StaffRecord> roster, LibrarySystem system) {
        List<RowOutcome> rows = preview(lines, roster, system);
        List<Violation> problems = rows.stream().flatMap(r -> r.problems().stream()).toList();
        if (!problems.isEmpty()) {
            long badRows = rows.stream().filter(r -> r.result() == ImportRow.Result.REFUSED).count();
            throw Refusal.invalid(Text.of("staffing.csv.rows-refused", badRows, lines.size()), problems);
        }
        List<StaffDetails> additions = new ArrayList<>();
        Map<UUID, StaffDetails> changes = new LinkedHashMap<>();
        int unchanged = 0;
        for (RowOutcome row : rows) {
            switch (row.result()) {
                case ADD -> additions.add(row.details());
                case CHANGE -> changes.put(row.entryId(), row.details());
                default -> unchanged++;
            }
        }
        return new Plan(additions, changes, unchanged);
    }

    /**
     * Every row's outcome in file order, by the same rules as {@link #plan}, without refusing: bad rows come back
     * {@code REFUSED} with their problems, so a screen can show what the file would do before it is imported.
     */
    public static List<RowOutcome> preview(List<RosterCsv.Line> lines, List<StaffRecord> roster, LibrarySystem system) {
        List<RowOutcome> refused = new ArrayList<>();
        List<Checked> rows = new ArrayList<>();
        Map<String, Integer> usernameRows = new HashMap<>();
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
                refused.add(new RowOutcome(line.row(), ImportRow.Result.REFUSED, null, wanted, own));
            }
        }
        List<RowOutcome> all = new ArrayList<>(match(rows, roster));
        all.addAll(refused);
        all.sort(java.util.Comparator.comparingInt(RowOutcome::row));
        return all;
    }

    /** {@code hasEmail}: the file has an email column; a file without one (an older export) leaves addresses alone. */
    private record Checked(int row, StaffDetails details, boolean hasEmail) {
    }

    private static List<RowOutcome> match(List<Checked> rows, List<StaffRecord> roster) {
        Map<String, StaffRecord> byUsername = new HashMap<>();
        List<StaffRecord> withoutUsername = new ArrayList<>();
        for (StaffRecord member : roster) {
            if (member.username() == null) {
                withoutUsername.add(member);
            } else {
                byUsername.put(member.username(), member);
            }
        }
        List<RowOutcome> outcomes = new ArrayList<>();
        for (Checked row : rows) {
            StaffDetails wanted = row.details();
            if (wanted.username() != null) {
                StaffRecord current = byUsername.get(wanted.username());
                if (current != null && !row.hasEmail()) {
                    wanted = wanted.withEmail(current.email());
                }
                if (current == null) {
                    outcomes.add(new RowOutcome(row.row(), ImportRow.Result.ADD, null, wanted, List.of()));
                } else if (current.details().equals(wanted)) {
                    outcomes.add(new RowOutcome(row.row(), ImportRow.Result.UNCHANGED, current.id(), wanted, List.of()));
                } else {
                    outcomes.add(new RowOutcome(row.row(), ImportRow.Result.CHANGE, current.id(), wanted, List.of()));
                }
            } else {
                // Each existing entry answers for one row only: two identical rows are two people.
                StaffDetails asFiled = wanted;
                StaffRecord same = withoutUsername.stream()
                        .filter(m -> (row.hasEmail() ? m.details() : m.details().withEmail(null)).equals(asFiled)).findFirst().orElse(null);
                if (same == null) {
                    outcomes.add(new RowOutcome(row.row(), ImportRow.Result.ADD, null, wanted, List.of()));
                } else {
                    withoutUsername.remove(same);
                    outcomes.add(new RowOutcome(row.row(), ImportRow.Result.UNCHANGED, same.id(), wanted, List.of()));
                }
            }
        }
        return outcomes;
    }
}
