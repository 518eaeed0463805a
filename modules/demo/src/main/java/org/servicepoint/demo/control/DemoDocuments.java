package org.servicepoint.demo.control;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.utils.JsonNodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;

/**
 * Reads a library system's demo files ({@code tenants/<slug>/demo/*.yaml}) and checks their shape: known keys only,
 * the right types, times and states, and actors who are the library system's demo users. Everything wrong is named by
 * file, line and field, and a folder with any error is refused whole, before anything is applied.
 */
public final class DemoDocuments {

    public static final String FOLDER = "demo";
    private static final Set<String> SECTIONS = Set.of("roster", "shifts", "incidents", "bans", "escalations");
    private static final Set<String> DAYS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
    private static final JsonNodeReader READER = JsonNodeReader.builder().locationAware()
            .yamlMapper(new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS))
            .build();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** One demo file: the name it is reported under ("tenants/riverbend/demo/roster.yaml") and its text. */
    public record Source(String name, String text) {
    }

    private DemoDocuments() {
    }

    /** The YAML files of {@code tenantDir/demo}, by name; none if the library system has no demo folder. */
    public static List<Source> folder(Path tenantDir) {
        Path dir = tenantDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Source> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(new Source("tenants/" + tenantDir.getFileName() + "/" + FOLDER + "/" + file.getFileName(),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
            return sources;
        } catch (IOException e) {
            throw Refusal.invalid(dir.toString(), "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The demo data of one library system. {@code actors} are its demo users' usernames: only they act (sign, ban,
     * escalate), because only they can sign in and see what they did.
     */
    public static DemoSet read(String slug, List<Source> sources, Set<String> actors) {
        List<Violation> violations = new ArrayList<>();
        List<DemoSet.Person> roster = new ArrayList<>();
        List<DemoSet.WeeklyShift> shifts = new ArrayList<>();
        List<DemoSet.Incident> incidents = new ArrayList<>();
        List<DemoSet.Ban> bans = new ArrayList<>();
        List<DemoSet.Raised> escalations = new ArrayList<>();
        List<Item> shiftItems = new ArrayList<>();
        for (Source source : sources) {
            JsonNode root = parse(source, violations);
            if (root == null) {
                continue;
            }
            Item file = new Item(source.name(), "", root, violations);
            file.onlyKeys(SECTIONS);
            for (Item item : file.list("roster")) {
                roster.add(new DemoSet.Person(item.at(), item.text("tagName", true), item.text("username", false),
                        item.text("position", true), item.text("branch", true), item.text("employmentType", true),
                        item.date("startsOn"), item.text("email", false)));
                item.onlyKeys(Set.of("tagName", "username", "position", "branch", "employmentType", "startsOn", "email"));
            }
            for (Item item : file.list("shifts")) {
                String[] hours = item.hours("hours");
                shifts.add(new DemoSet.WeeklyShift(item.at(), item.text("who", true), item.text("branch", true),
                        item.text("desk", true), item.days("days"), hours[0], hours[1], item.flag("skipNext")));
                item.onlyKeys(Set.of("who", "branch", "desk", "days", "hours", "skipNext"));
                shiftItems.add(item);
            }
            for (Item item : file.list("incidents")) {
                incidents.add(incident(item, actors));
            }
            for (Item item : file.list("bans")) {
                Item lifted = item.mapping("lifted");
                bans.add(new DemoSet.Ban(item.at(), item.actor("by", true, actors), item.text("card", true), item.text("patron", false),
                        item.text("scope", true), item.text("branch", false), item.number("startedDaysAgo", 0, 300, true),
                        item.number("days", 1, 700, true), item.text("reason", true),
                        lifted == null ? null : lifted.actor("by", true, actors), lifted == null ? null : lifted.text("reason", true)));
                item.onlyKeys(Set.of("by", "card", "patron", "scope", "branch", "startedDaysAgo", "days", "reason", "lifted"));
                if (lifted != null) {
                    lifted.onlyKeys(Set.of("by", "reason"));
                }
            }
            for (Item item : file.list("escalations")) {
                Item outcome = item.mapping("outcome");
                escalations.add(new DemoSet.Raised(item.at(), item.actor("by", true, actors), item.text("branch", true),
                        item.text("situation", true), item.text("note", true),
                        outcome == null ? null : outcome.actor("by", true, actors), outcome == null ? null : outcome.text("text", true)));
                item.onlyKeys(Set.of("by", "branch", "situation", "note", "outcome"));
                if (outcome != null) {
                    outcome.onlyKeys(Set.of("by", "text"));
                }
            }
        }
        // A shift names its person by tag name, which must be on this demo roster.
        Set<String> tagNames = new java.util.HashSet<>();
        roster.forEach(p -> tagNames.add(p.tagName()));
        for (int i = 0; i < shifts.size(); i++) {
            String who = shifts.get(i).who();
            if (who != null && !tagNames.contains(who)) {
                shiftItems.get(i).problem("who", "\"" + who + "\" is not a tag name on the demo roster");
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(java.util.Comparator.comparing(Violation::at, DemoDocuments::byFileAndLine));
            throw Refusal.invalid(violations.size() + " problem(s) in the demo files of " + slug + "; nothing was applied",
                    violations);
        }
        return new DemoSet(slug, roster, shifts, incidents, bans, escalations, sha256(sources));
    }

    private static DemoSet.Incident incident(Item item, Set<String> actors) {
        String stateText = item.text("state", true);
        DemoSet.State state = null;
        if (stateText != null) {
            try {
                state = DemoSet.State.valueOf(stateText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                item.problem("state", "must be one of draft, submitted, countersigned, acknowledged, closed");
            }
        }
        String headquarters = item.actor("headquarters", false, actors);
        if (state != null && state.compareTo(DemoSet.State.ACKNOWLEDGED) >= 0 && headquarters == null) {
            item.problem("headquarters", "is required for a report that headquarters acknowledged or closed");
        }
        String countersignedBy = item.actor("countersignedBy", false, actors);
        if (state == DemoSet.State.COUNTERSIGNED && countersignedBy == null) {
            item.problem("countersignedBy", "is required for a countersigned report");
        }
        String time = item.text("time", true);
        LocalTime at = null;
        if (time != null) {
            try {
                at = LocalTime.parse(time);
            } catch (DateTimeParseException e) {
                item.problem("time", "must be a time like 14:30");
            }
        }
        DemoSet.Incident incident = new DemoSet.Incident(item.at(), item.actor("by", true, actors), item.text("category", true),
                item.text("branch", true), item.number("daysAgo", 0, 300, true), at, item.answers("answers"),
                item.text("calledTo", false), state, countersignedBy, headquarters);
        item.onlyKeys(Set.of("by", "category", "branch", "daysAgo", "time", "answers", "calledTo", "state", "countersignedBy",
                "headquarters"));
        return incident;
    }

    private static JsonNode parse(Source source, List<Violation> violations) {
        try {
            JsonNode root = READER.readTree(source.text(), InputFormat.YAML);
            if (root == null || !root.isObject()) {
                violations.add(new Violation("(document)", "must be a mapping with roster, shifts, incidents, bans or escalations",
                        source.name() + ":1"));
                return null;
            }
            return root;
        } catch (IOException | IllegalArgumentException e) {
            JsonLocation where = e instanceof JsonProcessingException p ? p.getLocation()
                    : e.getCause() instanceof JsonProcessingException p ? p.getLocation() : null;
            int line = where == null ? 1 : Math.max(1, where.getLineNr());
            String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : String.valueOf(e.getMessage());
            violations.add(new Violation("(document)", "is not well-formed YAML: " + message.lines().findFirst().orElse(""),
                    source.name() + ":" + line));
            return null;
        }
    }

    private static int byFileAndLine(String a, String b) {
        String fileA = a.replaceFirst(":\\d+$", "");
        String fileB = b.replaceFirst(":\\d+$", "");
        if (!fileA.equals(fileB)) {
            return fileA.compareTo(fileB);
        }
        return Integer.compare(Integer.parseInt(a.substring(a.lastIndexOf(':') + 1)), Integer.parseInt(b.substring(b.lastIndexOf(':') + 1)));
    }

    private static String sha256(List<Source> sources) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Source source : sources) {
                digest.update((source.name() + "\n" + source.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mapping in a demo file, and where it is: every problem found in it is added with file, line and field. */
    private static final class Item {

        private final String source;
        private final String path;
        private final JsonNode node;
        private final List<Violation> violations;

        Item(String source, String path, JsonNode node, List<Violation> violations) {
            this.source = source;
            this.path = path;
            this.node = node;
            this.violations = violations;
        }

        String at() {
            return source + ":" + line(node);
        }

        void problem(String key, String message) {
            JsonNode where = node.get(key);
            violations.add(new Violation(field(key), message, source + ":" + line(where == null ? node : where)));
        }

        private String field(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        void onlyKeys(Set<String> known) {
            node.fieldNames().forEachRemaining(key -> {
                if (!known.contains(key)) {
                    problem(key, "is not a field here; known: " + String.join(", ", new java.util.TreeSet<>(known)));
                }
            });
        }

        List<Item> list(String key) {
            JsonNode value = node.get(key);
            if (value == null) {
                return List.of();
            }
            if (!value.isArray()) {
                problem(key, "must be a list");
                return List.of();
            }
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (!element.isObject()) {
                    violations.add(new Violation(field(key) + "[" + i + "]", "must be a mapping", source + ":" + line(element)));
                } else {
                    items.add(new Item(source, field(key) + "[" + i + "]", element, violations));
                }
            }
            return items;
        }

        Item mapping(String key) {
            JsonNode value = node.get(key);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                problem(key, "must be a mapping");
                return null;
            }
            return new Item(source, field(key), value, violations);
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
                        new java.util.TreeSet<>(actors)) + ")");
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
                            source + ":" + line(day)));
                } else {
                    days.add(day.asText());
                }
            }
            return days;
        }

        Map<String, Object> answers(String key) {
            Item answers = mapping(key);
            if (answers == null) {
                problem(key, "is required: the answers to the form's questions");
                return Map.of();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> plain = PLAIN.convertValue(answers.node, LinkedHashMap.class);
            return plain;
        }
    }

    private static int line(JsonNode node) {
        try {
            JsonLocation location = node == null ? null : JsonNodes.tokenLocationOf(node);
            return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
        } catch (IllegalArgumentException noLocation) {
            return 1;
        }
    }

}
