package org.servicepoint.staffing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Csv;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Refusal;

class RosterCsvTest {

    static final String HEADER = "tag_name,username,position,branch,employment_type,starts_on,ends_on\r\n";

    static StaffRecord member(String tagName, String username) {
        return new StaffRecord(UUID.randomUUID(), tagName, username, "library-assistant", "Library assistant", "NORTH-END",
                "North End Branch", "permanent", LocalDate.of(2024, 3, 1), null, true, 1);
    }

    @Test
    void export_has_the_header_a_byte_order_mark_and_one_row_per_member() {
        String csv = RosterCsv.write(List.of(member("José Ñúñez", "jose.n"),
                new StaffRecord(UUID.randomUUID(), "Łucja", null, "volunteer", "Volunteer", "HQ", "Headquarters", "volunteer",
                        LocalDate.of(2023, 1, 9), LocalDate.of(2026, 6, 30), true, 3, "lucja@hq.example")));
        String header = HEADER.replace("ends_on", "ends_on,email");
        assertThat(csv).startsWith("\uFEFF" + header);
        assertThat(csv.substring(1)).isEqualTo(header
                + "José Ñúñez,jose.n,library-assistant,NORTH-END,permanent,2024-03-01,,\r\n"
                + "Łucja,,volunteer,HQ,volunteer,2023-01-09,2026-06-30,lucja@hq.example\r\n");
    }

    @Test
    void export_defuses_cells_a_spreadsheet_would_run_as_formulas() {
        String csv = RosterCsv.write(List.of(member("=HYPERLINK(\"http://x\",\"y\")", null), member("+1 helper", null),
                member("-Jo", null), member("@SUM(A1)", null), member("\tTab", null), member("Ann = Bo", null)));
        List<Csv.Row> rows = Csv.read(csv);
        assertThat(rows).extracting(r -> r.fields().get(0)).containsExactly("tag_name",
                "'=HYPERLINK(\"http://x\",\"y\")", "'+1 helper", "'-Jo", "'@SUM(A1)", "'\tTab", "Ann = Bo");
    }

    @Test
    void import_takes_the_defusing_apostrophe_off_again() {
        List<RosterCsv.Line> lines = RosterCsv.read(RosterCsv.write(List.of(member("=Bo", null), member("'quoted'", null))));
        assertThat(lines).extracting(l -> l.cell("tag_name")).containsExactly("=Bo", "'quoted'");
    }

    @Test
    void export_quotes_names_with_commas_and_quotes() {
        String csv = RosterCsv.write(List.of(member("Kim, \"KJ\"", "kim")));
        assertThat(csv).contains("\"Kim, \"\"KJ\"\"\",kim,");
        assertThat(RosterCsv.read(csv).get(0).cell("tag_name")).isEqualTo("Kim, \"KJ\"");
    }

    @Test
    void columns_are_matched_by_name_in_any_order_and_optional_ones_may_be_missing() {
        List<RosterCsv.Line> lines = RosterCsv.read(" Branch ,TAG_NAME,position,employment_type,starts_on\n"
                + "HQ,Σοφία,volunteer,volunteer,2025-01-01\n");
        assertThat(lines).hasSize(1);
        RosterCsv.Line line = lines.get(0);
        assertThat(line.cell("tag_name")).isEqualTo("Σοφία");
        assertThat(line.cell("branch")).isEqualTo("HQ");
        assertThat(line.cell("username")).isEmpty();
        assertThat(line.row()).isEqualTo(2);
    }

    @Test
    void rows_are_numbered_as_a_spreadsheet_shows_them_and_blank_lines_are_skipped() {
        List<RosterCsv.Line> lines = RosterCsv.read(HEADER + "A,,volunteer,HQ,page,2025-01-01,\r\n\r\n"
                + "\"B\nsecond line\",,volunteer,HQ,page,2025-01-01,\r\nC,,volunteer,HQ,page,2025-01-01,\r\n");
        assertThat(lines).extracting(RosterCsv.Line::row).containsExactly(2, 4, 5);
        assertThat(lines).extracting(RosterCsv.Line::line).containsExactly(2, 4, 6);
    }

    @Test
    void a_missing_header_is_refused() {
        assertThatThrownBy(() -> RosterCsv.read("Zoë,zoe,volunteer,HQ,volunteer,2025-01-01,\r\n"))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).extracting(Violation::field).containsOnly("line 1");
                    assertThat(e.violations()).extracting(Violation::message)
                            .anySatisfy(m -> assertThat(m).contains("\"Zoë\" is not a roster column"))
                            .anySatisfy(m -> assertThat(m).contains("column tag_name is missing"));
                });
        assertThatThrownBy(() -> RosterCsv.read("")).isInstanceOf(Refusal.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> RosterCsv.read("\r\n\r\n")).isInstanceOf(Refusal.class).hasMessageContaining("empty");
    }

    @Test
    void a_column_named_twice_is_refused() {
        assertThatThrownBy(() -> RosterCsv.read("tag_name,position,branch,employment_type,starts_on,branch\r\n"))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.violations()).extracting(Violation::message)
                        .containsExactly("column branch appears twice"));
    }

    @Test
    void rows_of_the_wrong_width_are_all_named_by_line() {
        assertThatThrownBy(() -> RosterCsv.read(HEADER + "A,,volunteer,HQ,page,2025-01-01,\r\n"
                + "B,volunteer,HQ,page,2025-01-01\r\n"
                + "C,,volunteer,HQ,page,2025-01-01,,extra\r\n"))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("line 3", "line 4");
                    assertThat(e.violations().get(0).message()).isEqualTo("has 5 field(s); the header has 7");
                });
    }

    @Test
    void a_malformed_file_names_the_line() {
        assertThatThrownBy(() -> RosterCsv.read(HEADER + "A,,volunteer,HQ,page,2025-01-01,\r\n\"B,,volunteer,HQ,page,2025-01-01,\r\n"))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.getMessage()).contains("malformed at line 3");
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("line 3");
                });
    }

    @Test
    void too_many_rows_are_refused() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= RosterCsv.MAX_ROWS; i++) {
            csv.append("P").append(i).append(",,volunteer,HQ,page,2025-01-01,\r\n");
        }
        assertThatThrownBy(() -> RosterCsv.read(csv.toString())).isInstanceOf(Refusal.class).hasMessageContaining("at most 5000");
    }

    @Test
    void an_upload_that_is_not_utf8_is_refused_unless_its_charset_is_named() {
        byte[] latin1 = "tag_name\r\nZoë\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> RosterCsv.decode(latin1, StandardCharsets.UTF_8))
                .isInstanceOf(Refusal.class).hasMessageContaining("CSV UTF-8");
        assertThat(RosterCsv.decode(latin1, Charset.forName("windows-1252"))).contains("Zoë");
        assertThat(RosterCsv.decode("Дмитрий".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo("Дмитрий");
    }
}
