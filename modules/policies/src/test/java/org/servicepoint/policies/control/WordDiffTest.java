package org.servicepoint.policies.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.servicepoint.policies.control.WordDiff.Part;

class WordDiffTest {

    static String side(List<Part> parts, String skipped) {
        return parts.stream().filter(p -> !p.change().equals(skipped)).map(Part::text).collect(Collectors.joining());
    }

    @Test
    void a_changed_word_is_told_as_removed_then_added_between_the_same_words() {
        assertThat(WordDiff.between("Waive up to ten dollars a year.", "Waive up to twenty dollars a year."))
                .containsExactly(new Part("same", "Waive up to "), new Part("removed", "ten"), new Part("added", "twenty"),
                        new Part("same", " dollars a year."));
    }

    @Test
    void words_added_in_the_middle_are_one_added_run() {
        assertThat(WordDiff.between("Sessions last one hour.", "Sessions last one hour when others wait."))
                .containsExactly(new Part("same", "Sessions last one "), new Part("removed", "hour."),
                        new Part("added", "hour when others wait."));
    }

    @Test
    void the_parts_give_back_both_texts_exactly() {
        String before = "Staff  never\ntell anyone what a patron borrowed, read or asked.";
        String after = "Staff never tell anyone, not even family, what a patron borrowed or asked about.";
        List<Part> parts = WordDiff.between(before, after);
        assertThat(side(parts, "added")).isEqualTo(before);
        assertThat(side(parts, "removed")).isEqualTo(after);
    }

    @Test
    void the_same_text_is_one_same_part_and_empty_against_text_is_all_added() {
        assertThat(WordDiff.between("Be kind.", "Be kind.")).containsExactly(new Part("same", "Be kind."));
        assertThat(WordDiff.between("", "Be kind.")).containsExactly(new Part("added", "Be kind."));
        assertThat(WordDiff.between("Be kind.", null)).containsExactly(new Part("removed", "Be kind."));
    }

    @Test
    void the_common_subsequence_keeps_the_most_words_the_same() {
        List<Part> parts = WordDiff.between("a b c d e", "a x c y e");
        assertThat(parts.stream().filter(p -> p.change().equals("same")).map(Part::text).collect(Collectors.joining("|")))
                .isEqualTo("a | c | e");
    }

    @Test
    void a_middle_too_long_to_compare_is_told_as_removed_then_added_and_still_gives_back_both_texts() {
        String before = "start " + "alpha ".repeat(2500) + "end";
        String after = "start " + "beta ".repeat(2500) + "end";
        List<Part> parts = WordDiff.between(before, after);
        assertThat(parts).extracting(Part::change).containsExactly("same", "removed", "added", "same");
        assertThat(side(parts, "added")).isEqualTo(before);
        assertThat(side(parts, "removed")).isEqualTo(after);
    }
}
