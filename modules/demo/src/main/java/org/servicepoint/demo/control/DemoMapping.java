package org.servicepoint.demo.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.SchemaDocuments;

/**
 * A mapping in a demo file, and where it is: its values read as the demo files need them (text, numbers, dates, hours,
 * weekdays, actors), and every problem found in it added with file, line and field, so that one pass finds them all.
 */
final class DemoMapping {

    private static final Set<String> DAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final String source;
    private final String path;
    private final JsonNode node;
    private final List<Violation> violations;

    DemoMapping(String source, String path, JsonNode node, List<Violation> violations) {
        this.source = source;
        this.path = path;
        this.node = node;
        this.violations = violations;
    }

    /** Where this mapping starts: {@code file:line}. */
    String at() {
        return at(node);
    }

    private String at(JsonNode where) {
        return source + ":" + SchemaDocuments.lineOf(where);
    }

    void problem(String key, String message) {
        JsonNode where = node.get(key);
        violations.add(new Violation(field(key), message, at(where == null ? node : where)));
    }

    private String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void onlyKeys(Set<String> known) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problem(key, "is not a field here; known: " + String.join(", ", new TreeSet<>(known)));
            }
        });
    }

    List<DemoMapping> list(String key) {
        JsonNode value = node.get(key);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            problem(key, "must be a list");
            return List.of();
        }
        List<DemoMapping> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isObject()) {
                violations.add(new Violation(field(key) + "[" + i + "]", "must be a mapping", at(element)));
            } else {
                items.add(new DemoMapping(source, field(key) + "[" + i + "]", element, violations));
            }
        }
        return items;
    }

    DemoMapping mapping(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problem(key, "must be a mapping");
            return null;
        }
        return new DemoMapping(source, field(key), value, violations);
    }

    String text(String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problem(key, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problem(key, "must be text");
            return null;
        }
        return value.asText().strip();
    }

    String actor(String key, boolean required, Set<String> actors) {
        String username = text(key, required);
        if (username != null && !actors.contains(username)) {
            problem(key, "\"" + username + "\" is not a demo user of this library system (" + String.join(", ",
                    new TreeSet<>(actors)) + ")");
            return null;
        }
        return username;
    }

    int number(String key, int min, int max, boolean required) {
        JsonNode value = node.get(key);
        if (value == null) {
            if (required) {
                problem(key, "is required");
            }
            return min;
        }
        if (!value.isInt() || value.asInt() < min || value.asInt() > max) {
            problem(key, "must be a whole number from " + min + " to " + max);
            return min;
        }
        return value.asInt();
    }

    boolean flag(String key) {
        JsonNode value = node.get(key);
        if (value != null && !value.isBoolean()) {
            problem(key, "must be true or false");
            return false;
        }
        return value != null && value.asBoolean();
    }

    LocalDate date(String key) {
        String text = text(key, true);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(key, "must be a date like 2024-09-01");
            return null;
        }
    }

    String[] hours(String key) {
        String text = text(key, true);
        if (text != null && text.matches("([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d")) {
            return text.split("-");
        }
        if (text != null) {
            problem(key, "must be hours like 09:00-13:00");
        }
        return new String[] {null, null};
    }

    List<String> days(String key) {
        JsonNode value = node.get(key);
        List<String> days = new ArrayList<>();
        if (value == null || !value.isArray() || value.isEmpty()) {
            problem(key, "must be a list of weekdays, e.g. [monday, wednesday]");
            return days;
        }
        for (JsonNode day : value) {
            if (!day.isTextual() || !DAYS.contains(day.asText())) {
                violations.add(new Violation(field(key), "\"" + day.asText() + "\" is not a weekday (monday to sunday)",
                        at(day)));
            } else {
                days.add(day.asText());
            }
        }
        return days;
    }

    /** A non-empty list of whole numbers from {@code min} to {@code max}, e.g. {@code daysAgo: [3, 10, 45]}. */
    List<Integer> numbers(String key, int min, int max) {
        JsonNode value = node.get(key);
        List<Integer> numbers = new ArrayList<>();
        if (value == null || !value.isArray() || value.isEmpty()) {
            problem(key, "must be a list of whole numbers, e.g. [3, 10, 45]");
            return numbers;
        }
        for (JsonNode number : value) {
            if (!number.isInt() || number.asInt() < min || number.asInt() > max) {
                violations.add(new Violation(field(key), "\"" + number.asText() + "\" is not a whole number from " + min + " to " + max,
                        at(number)));
            } else {
                numbers.add(number.asInt());
            }
        }
        return numbers;
    }

    Map<String, Object> answers(String key) {
        DemoMapping answers = mapping(key);
        if (answers == null) {
            problem(key, "is required: the answers to the form's questions");
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = PLAIN.convertValue(answers.node, LinkedHashMap.class);
        return plain;
    }
}
