package org.servicepoint.policies.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A readable word-level difference between two texts: the longest common subsequence of their words (spaces kept
 * with the words), told as runs of same, removed and added text. The common beginning and end are taken off first;
 * a middle too long to compare word by word (both sides over a few thousand words) is told as removed, then added.
 */
public final class WordDiff {

    /** Above this many cells of the comparison table, the middle is not compared word by word. */
    static final long MAX_CELLS = 4_000_000L;
    private static final Pattern TOKENS = Pattern.compile("(?<=\\s)(?=\\S)|(?<=\\S)(?=\\s)");

    private WordDiff() {
    }

    /** One run of text: {@code change} is same, added or removed. */
    @Schema(name = "DifferencePart")
    @jakarta.json.bind.annotation.JsonbPropertyOrder({"change", "text"})
    public record Part(@Schema(enumeration = {"same", "added", "removed"}) String change, String text) {
    }

    public static List<Part> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        Runs runs = new Runs();
        a.subList(0, start).forEach(t -> runs.add("same", t));
        middle(a.subList(start, endA), b.subList(start, endB), runs);
        a.subList(endA, a.size()).forEach(t -> runs.add("same", t));
        return runs.parts;
    }

    private static void middle(List<String> a, List<String> b, Runs runs) {
        if ((long) a.size() * b.size() > MAX_CELLS) {
            a.forEach(t -> runs.add("removed", t));
            b.forEach(t -> runs.add("added", t));
            return;
        }
        // lengths[i][j]: the longest common subsequence of a[i..] and b[j..]
        int[][] lengths = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lengths[i][j] = a.get(i).equals(b.get(j)) ? lengths[i + 1][j + 1] + 1
                        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                runs.add("same", a.get(i++));
                j++;
            } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
                runs.add("removed", a.get(i++));
            } else {
                runs.add("added", b.get(j++));
            }
        }
        a.subList(i, a.size()).forEach(t -> runs.add("removed", t));
        b.subList(j, b.size()).forEach(t -> runs.add("added", t));
    }

    static List<String> tokens(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(TOKENS.split(text));
    }

    /** Parts with neighbours of the same change joined; a change run swallows the spaces between its words. */
    private static final class Runs {
        final List<Part> parts = new ArrayList<>();

        void add(String change, String token) {
            if (!parts.isEmpty() && parts.get(parts.size() - 1).change().equals(change)) {
                Part last = parts.remove(parts.size() - 1);
                parts.add(new Part(change, last.text() + token));
            } else {
                parts.add(new Part(change, token));
            }
        }
    }
}
