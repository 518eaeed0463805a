package org.servicepoint.standards.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.servicepoint.platform.control.DeskTopic;
import org.servicepoint.standards.entity.AdoptedStandard;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.StandardText;
import org.servicepoint.standards.entity.TenantStandards;

/**
 * The desk search over a library system's effective standards, in one language, as a pure function: every word asked
 * must begin a word of the entry (case and accents do not matter, so "queja" finds "Quejas" and "cafe" finds "café");
 * a word found in the title counts twice what a word found only in the text does, a whole word a little more than a
 * beginning. Ranks run from 0 to 1; equal ranks keep the library system's order.
 */
public final class TopicSearch {

    /** The longest passage shown around a match. */
    static final int SNIPPET = 160;
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private TopicSearch() {
    }

    public static List<DeskTopic> find(TenantStandards standards, String words, Language language, int limit) {
        List<String> asked = words(words);
        if (asked.isEmpty() || limit < 1) {
            return List.of();
        }
        List<DeskTopic> found = new ArrayList<>();
        for (AdoptedStandard entry : standards.standards()) {
            StandardText text = entry.text().shownIn(language);
            List<String> title = words(text.title());
            List<String> lines = lines(text);
            List<String> body = lines.stream().flatMap(l -> words(l).stream()).toList();
            double score = 0;
            for (String word : asked) {
                double best = Math.max(2 * match(word, title), match(word, body));
                if (best == 0) {
                    score = -1;
                    break;
                }
                score += best;
            }
            if (score > 0) {
                found.add(new DeskTopic(entry.kind().code(), entry.id(), text.title(), snippet(lines, asked, text.summary()),
                        Math.min(1.0, score / (2.0 * asked.size()))));
            }
        }
        return found.stream().sorted(Comparator.comparingDouble(DeskTopic::rank).reversed()).limit(limit).toList();
    }

    /** 0.5 for a whole word, 0.45 for the beginning of one, 0 for none. */
    private static double match(String asked, List<String> words) {
        double best = 0;
        for (String word : words) {
            if (word.equals(asked)) {
                return 0.5;
            }
            if (word.startsWith(asked)) {
                best = 0.45;
            }
        }
        return best;
    }

    /** The text staff read, line by line: summary, points, what to avoid, steps, a scenario's situation and choices. */
    private static List<String> lines(StandardText text) {
        List<String> lines = new ArrayList<>();
        lines.add(text.summary());
        lines.addAll(text.points());
        lines.addAll(text.avoid());
        text.steps().forEach(s -> {
            lines.add(s.name() + ": " + s.action());
            lines.addAll(s.say());
            lines.addAll(s.avoid());
        });
        if (text.scenario() != null) {
            lines.add(text.scenario().situation());
            text.scenario().choices().forEach(c -> lines.add(c.text()));
        }
        return lines.stream().filter(l -> l != null && !l.isBlank()).toList();
    }

    /** The first line holding an asked word, shortened round it; else the summary. */
    private static String snippet(List<String> lines, List<String> asked, String summary) {
        for (String line : lines) {
            List<String> inLine = words(line);
            if (asked.stream().anyMatch(a -> inLine.stream().anyMatch(w -> w.startsWith(a)))) {
                return shorten(line);
            }
        }
        return shorten(summary);
    }

    private static String shorten(String line) {
        String plain = line.strip().replaceAll("\\s+", " ");
        return plain.length() <= SNIPPET ? plain : plain.substring(0, SNIPPET - 1).stripTrailing() + "…";
    }

    /** Lower case, without accents, split into words. */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        return Stream.of(NOT_WORD.split(folded)).filter(w -> !w.isEmpty()).toList();
    }
}
