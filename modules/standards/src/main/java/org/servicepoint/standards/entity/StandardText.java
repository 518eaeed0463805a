package org.servicepoint.standards.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An entry's words in one language. Every kind has a title and a summary; the other parts belong to some kinds only
 * ({@link StandardKind}): {@code points} (what to do, or the items of a checklist), {@code avoid} (what not to do or
 * say), {@code steps} (a method) and {@code scenario} (a training scenario). In a rewording, a part left out keeps the
 * shared words, so every part may be missing here; whether a text is complete is the rules' business.
 */
public record StandardText(String title, String summary, List<String> points, List<String> avoid,
                           List<MethodStep> steps, Scenario scenario) {

    /** The parts in the order they are compared and reported. */
    public static final List<String> PARTS = List.of("title", "summary", "points", "avoid", "steps", "scenario");

    public StandardText {
        // an empty list and a missing one mean the same: the schema never lets an empty list through
        points = points == null ? List.of() : List.copyOf(points);
        avoid = avoid == null ? List.of() : List.copyOf(avoid);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** These words with every part {@code rewording} gives put in place of this one's. */
    public StandardText overriddenBy(StandardText rewording) {
        if (rewording == null) {
            return this;
        }
        return new StandardText(
                rewording.title != null ? rewording.title : title,
                rewording.summary != null ? rewording.summary : summary,
                rewording.points.isEmpty() ? points : rewording.points,
                rewording.avoid.isEmpty() ? avoid : rewording.avoid,
                rewording.steps.isEmpty() ? steps : rewording.steps,
                rewording.scenario != null ? rewording.scenario : scenario);
    }

    /** The parts (from {@link #PARTS}) whose words differ from {@code other}'s. */
    public List<String> partsDifferentFrom(StandardText other) {
        List<String> parts = new ArrayList<>();
        for (String part : PARTS) {
            if (!Objects.equals(part(part), other == null ? null : other.part(part))) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** The parts this text gives, e.g. to tell which ones a rewording changes. */
    public List<String> partsGiven() {
        return PARTS.stream().filter(p -> {
            Object value = part(p);
            return value != null && !(value instanceof List<?> list && list.isEmpty());
        }).toList();
    }

    private Object part(String name) {
        return switch (name) {
            case "title" -> title;
            case "summary" -> summary;
            case "points" -> points;
            case "avoid" -> avoid;
            case "steps" -> steps;
            case "scenario" -> scenario;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** One step of a method: its name, what to do, and examples of what to say and what to avoid. */
    public record MethodStep(String name, String action, List<String> say, List<String> avoid) {
        public MethodStep {
            say = say == null ? List.of() : List.copyOf(say);
            avoid = avoid == null ? List.of() : List.copyOf(avoid);
        }
    }

    /** A training scenario: what happens, the choices staff have, the one recommended and why. */
    public record Scenario(String situation, List<Choice> choices, String recommended, String why) {
        public Scenario {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    /** One choice of a scenario; its key ({@code a}, {@code b}…) is the same in every language. */
    public record Choice(String key, String text) {
    }
}
