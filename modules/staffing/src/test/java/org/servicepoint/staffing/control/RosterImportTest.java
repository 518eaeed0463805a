package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;

class RosterImportTest {

    static final LibrarySystem SYSTEM = RosterFixtures.system("millbrook");
    static final String HEADER = "tag_name,username,position,branch,employment_type,starts_on,ends_on\r\n";

    static RosterImport.Plan plan(String rows, List<StaffRecord> roster) {
        return RosterImport.plan(RosterCsv.read(HEADER + rows), roster, SYSTEM);
    }

    static StaffRecord existing(String tagName, String username, String position, LocalDate endsOn) {
        return new StaffRecord(UUID.randomUUID(), tagName, username, position, "x", "HQ", "Headquarters", "permanent",
                LocalDate.of(2024, 1, 1), endsOn, endsOn == null, 2);
    }

    @Test
    void every_bad_row_is_reported_by_row_and_column_and_nothing_is_planned() {
        String rows = "Good One,good,volunteer,HQ,volunteer,2025-01-01,\r\n"      // row 2
                + ",,volunteer,HQ,volunteer,2025-01-01,\r\n"                       // row 3: no tag name
                + "Sam,SAM!,director,HQ,volunteer,2025-01-01,\r\n"                 // row 4: username, position
                + "Ann,,volunteer,SOUTH,intern,01/02/2025,\r\n"                    // row 5: branch, type, date
                + "Bo,,volunteer,HQ,volunteer,2025-06-01,2025-05-01\r\n"           // row 6: ends before it starts
                + "Cy,good,volunteer,HQ,volunteer,2025-01-01,\r\n";                // row 7: username already on row 2
        assertThatThrownBy(() -> plan(rows, List.of()))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("5 of 6 row(s) are not acceptable; nothing was imported");
                    assertThat(e.violations()).extracting(Violation::field).containsExactly(
                            "row 3: tag_name",
                            "row 4: username", "row 4: position",
                            "row 5: starts_on", "row 5: branch", "row 5: employment_type",
                            "row 6: ends_on",
                            "row 7: username");
                    assertThat(e.violations()).filteredOn(v -> v.field().equals("row 5: starts_on"))
                            .extracting(Violation::message).containsExactly("\"01/02/2025\" is not a date (YYYY-MM-DD)");
                    assertThat(e.violations()).filteredOn(v -> v.field().equals("row 7: username"))
                            .extracting(Violation::message).containsExactly("\"good\" is already on row 2");
                });
    }

    @Test
    void rows_with_a_username_change_or_add_and_identical_rows_change_nothing() {
        StaffRecord dee = existing("Dee", "dee", "branch-manager", null);
        StaffRecord sam = existing("Sam", "sam", "volunteer", null);
        StaffRecord gone = existing("Lou", "lou", "volunteer", LocalDate.of(2025, 1, 31));
        RosterImport.Plan plan = plan(
                "Dee,dee,branch-manager,HQ,permanent,2024-01-01,\r\n"                 // same
                        + "Sam,sam,library-assistant,HQ,permanent,2024-01-01,\r\n"    // promoted
                        + "Lou,lou,volunteer,HQ,permanent,2024-01-01,\r\n"            // back again: end date cleared
                        + "Zoë,zoe,volunteer,NORTH-END,volunteer,2025-02-01,\r\n",    // new
                List.of(dee, sam, gone));
        assertThat(plan.summary()).isEqualTo(new ImportSummary(1, 2, 1));
        assertThat(plan.changes()).containsOnlyKeys(sam.id(), gone.id());
        assertThat(plan.changes().get(sam.id()).position()).isEqualTo("library-assistant");
        assertThat(plan.changes().get(gone.id()).endsOn()).isNull();
        assertThat(plan.additions()).extracting(StaffDetails::tagName).containsExactly("Zoë");
    }

    @Test
    void rows_without_a_username_are_new_unless_an_entry_without_one_is_exactly_the_same() {
        StaffRecord volunteer = existing("Pat", null, "volunteer", null);
        RosterImport.Plan plan = plan(
                "Pat,,volunteer,HQ,permanent,2024-01-01,\r\n"
                        + "Pat,,volunteer,HQ,permanent,2024-01-01,\r\n"   // a second Pat, same details: a second person
                        + "Pat,,volunteer,HQ,permanent,2024-02-01,\r\n",  // a different start: another person
                List.of(volunteer));
        assertThat(plan.summary()).isEqualTo(new ImportSummary(2, 0, 1));
    }

    @Test
    void importing_the_export_again_changes_nothing() {
        List<StaffRecord> roster = List.of(existing("=Bo", "bob", "volunteer", null), existing("Σοφία", null, "volunteer", null),
                existing("Núñez, José", "jose", "branch-manager", LocalDate.of(2026, 1, 1)));
        RosterImport.Plan plan = RosterImport.plan(RosterCsv.read(RosterCsv.write(roster)), roster, SYSTEM);
        assertThat(plan.summary()).isEqualTo(new ImportSummary(0, 0, 3));
    }

    @Test
    void a_file_without_an_email_column_leaves_the_addresses_alone_and_one_with_it_sets_them() {
        StaffRecord ann = new StaffRecord(UUID.randomUUID(), "Ann", "ann", "volunteer", "x", "HQ", "Headquarters", "volunteer",
                LocalDate.of(2024, 1, 1), null, true, 2, "ann@lib.example");
        StaffRecord bo = new StaffRecord(UUID.randomUUID(), "Bo", null, "volunteer", "x", "HQ", "Headquarters", "volunteer",
                LocalDate.of(2024, 1, 1), null, true, 2, "bo@lib.example");
        String rows = "Ann,ann,volunteer,HQ,volunteer,2024-01-01,\r\nBo,,volunteer,HQ,volunteer,2024-01-01,\r\n";
        RosterImport.Plan old = plan(rows, List.of(ann, bo));
        assertThat(old.changes()).isEmpty();
        assertThat(old.additions()).isEmpty();

        String withEmail = HEADER.replace("ends_on", "ends_on,email")
                + "Ann,ann,volunteer,HQ,volunteer,2024-01-01,,ann.new@lib.example\r\n";
        RosterImport.Plan changed = RosterImport.plan(RosterCsv.read(withEmail), List.of(ann, bo), SYSTEM);
        assertThat(changed.changes()).containsOnlyKeys(ann.id());
        assertThat(changed.changes().get(ann.id()).email()).isEqualTo("ann.new@lib.example");
    }

    @Test
    void a_file_with_only_the_header_changes_nothing() {
        assertThat(plan("", List.of()).summary()).isEqualTo(new ImportSummary(0, 0, 0));
    }

    @Test
    void a_preview_gives_each_row_its_outcome_in_file_order_and_refuses_nothing_itself() {
        StaffRecord dee = existing("Dee", "dee", "branch-manager", null);
        StaffRecord sam = existing("Sam", "sam", "volunteer", null);
        List<RosterImport.RowOutcome> rows = RosterImport.preview(RosterCsv.read(HEADER
                + "Dee,dee,branch-manager,HQ,permanent,2024-01-01,\r\n"              // row 2: same
                + "Sam,sam,library-assistant,HQ,permanent,2024-01-01,\r\n"           // row 3: promoted
                + "Sam,SAM!,director,HQ,volunteer,2025-01-01,\r\n"                   // row 4: refused
                + "Zoë,zoe,volunteer,NORTH-END,volunteer,2025-02-01,\r\n"),          // row 5: new
                List.of(dee, sam), SYSTEM);

        assertThat(rows).extracting(RosterImport.RowOutcome::row).containsExactly(2, 3, 4, 5);
        assertThat(rows).extracting(RosterImport.RowOutcome::result).containsExactly(ImportRow.Result.UNCHANGED,
                ImportRow.Result.CHANGE, ImportRow.Result.REFUSED, ImportRow.Result.ADD);
        assertThat(rows.get(1).entryId()).isEqualTo(sam.id());
        assertThat(rows.get(2).problems()).extracting(Violation::field).containsExactly("row 4: username", "row 4: position");
        assertThat(rows.get(3).problems()).isEmpty();
    }

    @Test
    void the_import_refuses_exactly_the_rows_its_preview_marks_refused() {
        String rows = "Good One,good,volunteer,HQ,volunteer,2025-01-01,\r\n"
                + ",,volunteer,HQ,volunteer,2025-01-01,\r\n"
                + "Cy,good,volunteer,HQ,volunteer,2025-01-01,\r\n";
        List<Violation> previewed = RosterImport.preview(RosterCsv.read(HEADER + rows), List.of(), SYSTEM).stream()
                .flatMap(r -> r.problems().stream()).toList();

        assertThatThrownBy(() -> plan(rows, List.of()))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.violations()).isEqualTo(previewed).hasSize(2));
    }
}
