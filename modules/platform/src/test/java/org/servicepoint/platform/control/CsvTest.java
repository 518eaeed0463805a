package org.servicepoint.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvTest {

    private static List<List<String>> fields(String text) {
        return Csv.read(text).stream().map(Csv.Row::fields).toList();
    }

    @Test
    void plain_fields_and_line_breaks_of_every_kind() {
        assertThat(fields("a,b,c\r\nd,e,f\ng,h,i\rj,k,l")).containsExactly(
                List.of("a", "b", "c"), List.of("d", "e", "f"), List.of("g", "h", "i"), List.of("j", "k", "l"));
    }

    @Test
    void a_final_line_break_makes_no_extra_row_but_a_trailing_comma_makes_an_empty_field() {
        assertThat(fields("a,b\r\n")).containsExactly(List.of("a", "b"));
        assertThat(fields("a,\r\n")).containsExactly(List.of("a", ""));
        assertThat(fields("")).isEmpty();
    }

    @Test
    void quoted_fields_hold_commas_doubled_quotes_and_line_breaks() {
        assertThat(fields("\"Núñez, José\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"\"\r\n")).containsExactly(
                List.of("Núñez, José", "say \"hi\"", "two\r\nlines", ""));
    }

    @Test
    void each_row_knows_the_line_it_starts_on_even_after_a_quoted_line_break() {
        List<Csv.Row> rows = Csv.read("h1,h2\r\n\"a\nb\nc\",x\r\nlast,y\r\n");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 5);
    }

    @Test
    void a_byte_order_mark_is_not_part_of_the_first_field() {
        assertThat(fields("\uFEFFtag_name,x\r\n")).containsExactly(List.of("tag_name", "x"));
    }

    @Test
    void blank_lines_are_rows_of_one_empty_field() {
        List<Csv.Row> rows = Csv.read("a,b\r\n\r\nc,d\r\n");
        assertThat(rows).extracting(Csv.Row::blank).containsExactly(false, true, false);
    }

    /** Text that is not well-formed CSV, the line the problem is reported at, and words the report must hold. */
    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(Named.of("an unclosed quote is reported at the line where it opens", "a,b\r\nc,\"never\r\nclosed,x\r\n"),
                        2, "never closed"),
                Arguments.of(Named.of("a stray quote in an unquoted field is reported with its line", "a,b\r\nc,d\r\ne,5\" tall\r\n"),
                        3, ""),
                Arguments.of(Named.of("text after a closing quote is reported with its line", "a,b\r\n\"c\"d,e\r\n"),
                        2, "closing quote"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformed_text_is_reported_with_its_line(String text, int line, String words) {
        assertThatThrownBy(() -> Csv.read(text))
                .isInstanceOfSatisfying(Csv.Malformed.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageContaining(words);
    }

    @Test
    void writing_quotes_only_what_must_be_quoted_and_ends_rows_with_crlf() {
        String text = Csv.write(List.of(List.of("plain", "a,b", "say \"hi\"", "two\nlines", " padded", ""),
                List.of("Zoë", "Σοφία", "x", "y", "z", "w")));
        assertThat(text).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\r\nZoë,Σοφία,x,y,z,w\r\n");
    }

    @Test
    void what_is_written_reads_back_the_same() {
        Random random = new Random(42);
        String[] pieces = {"a", "Ł", ",", "\"", "\n", "\r\n", "\r", " ", "'", "=", "Дм"};
        for (int round = 0; round < 500; round++) {
            List<List<String>> records = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(4); r++) {
                List<String> record = new ArrayList<>();
                for (int f = 0; f < 2 + random.nextInt(3); f++) {
                    StringBuilder cell = new StringBuilder();
                    for (int k = random.nextInt(5); k > 0; k--) {
                        cell.append(pieces[random.nextInt(pieces.length)]);
                    }
                    record.add(cell.toString());
                }
                records.add(record);
            }
            assertThat(fields(Csv.write(records))).isEqualTo(records);
        }
    }

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_are_guarded_and_read_back_as_written() {
        for (String formula : List.of("=1+1", "+1 helper", "-2", "@SUM(A1)", "\tx", "\rx")) {
            String guarded = Csv.guard(formula);
            assertThat(guarded).as(formula).isEqualTo("'" + formula);
            assertThat(Csv.unguard(guarded)).isEqualTo(formula);
        }
        assertThat(Csv.guard("'quoted'")).isEqualTo("'quoted'");
        assertThat(Csv.unguard("'quoted'")).isEqualTo("'quoted'");
        assertThat(Csv.guard(null)).isEmpty();
        assertThat(Csv.read(Csv.BYTE_ORDER_MARK + Csv.write(List.of(List.of(Csv.guard("=HYPERLINK(\"http://x\",\"y\")"))))))
                .extracting(Csv.Row::fields).containsExactly(List.of("'=HYPERLINK(\"http://x\",\"y\")"));
    }
}
