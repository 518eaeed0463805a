package org.servicepoint.incidents.reports.control;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.servicepoint.incidents.forms.control.CanonicalJson;
import org.servicepoint.incidents.forms.control.FieldType;
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;

/**
 * The answers of a report against its form. A draft may be incomplete, but what it holds must already be of the
 * right kind: unknown fields, wrong types, text that is too long or not plain, choices the form does not offer.
 * Submission adds that every required field is answered. Text is stored as typed (markup is just characters;
 * whoever shows it shows it as text). Plain Java.
 */
public final class AnswerRules {

    /** Numbers beyond this are typing mistakes, not counts or amounts. */
    static final BigDecimal NUMBER_LIMIT = new BigDecimal("1000000000000");

    /** Answers in stored form (empty ones left out), and the tag names of the staff they name. */
    public record Checked(Map<String, Object> answers, Map<String, String> staffNames) {
    }

    private AnswerRules() {
    }

    /** Checks and normalises; refuses with every problem at once. */
    public static Checked checked(Map<String, FormDefinition.Field> fields, Map<String, ?> raw, ZoneId zone, StaffDirectory staff) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> answers = new TreeMap<>();
        Map<String, String> staffNames = new TreeMap<>();
        Map<String, ?> given = raw == null ? Map.of() : raw;
        if (given.keySet().stream().anyMatch(java.util.Objects::isNull)) {
            // JSON-B reads an array where the answers object belongs as a map with a null name.
            throw Refusal.invalid("answers", Text.of("incidents.answers.object"));
        }
        for (Map.Entry<String, ?> entry : new TreeMap<>(given).entrySet()) {
            String name = "answers." + entry.getKey();
            FormDefinition.Field field = fields.get(entry.getKey());
            if (field == null) {
                violations.add(new Violation(name, Text.of("incidents.answer.unknown-question")));
                continue;
            }
            if (entry.getValue() == null) {
                continue;
            }
            try {
                Object value = value(name, field, entry.getValue(), zone, staff, staffNames);
                if (value != null) {
                    answers.put(field.key(), value);
                }
            } catch (Refusal refusal) {
                violations.addAll(refusal.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(Text.of("incidents.answers.refused", violations.size()), violations);
        }
        return new Checked(answers, staffNames);
    }

    /** Required questions without an answer, in the order the form asks them. */
    public static List<Violation> missing(Map<String, FormDefinition.Field> fields, Map<String, Object> answers) {
        List<Violation> missing = new ArrayList<>();
        for (FormDefinition.Field field : fields.values()) {
            if (field.mandatory() && !answers.containsKey(field.key())) {
                missing.add(new Violation("answers." + field.key(), Text.of("incidents.answer.required", field.label())));
            }
        }
        return missing;
    }

    private static Object value(String name, FormDefinition.Field field, Object raw, ZoneId zone, StaffDirectory staff,
                                Map<String, String> staffNames) {
        FieldType type = field.fieldType();
        return switch (type) {
            case TEXT, LONG_TEXT -> FreeText.check(name, string(name, raw, "text"), field.maxLength(), false, type == FieldType.LONG_TEXT);
            case DATE_TIME -> dateTime(name, string(name, raw, "date-time"), zone);
            case CHOICE -> {
                String choice = string(name, raw, "choice").strip();
                if (choice.isEmpty()) {
                    yield null;
                }
                yield offered(name, field, choice);
            }
            case MULTI_CHOICE -> multiChoice(name, field, raw);
            case YES_NO -> {
                if (!(raw instanceof Boolean b)) {
                    throw Refusal.invalid(name, Text.of("incidents.true-or-false"));
                }
                yield b;
            }
            case NUMBER -> number(name, raw);
            case STAFF_MEMBER -> staffMember(name, string(name, raw, "roster-id"), staff, staffNames);
        };
    }

    private static String string(String name, Object raw, String what) {
        if (!(raw instanceof String s)) {
            throw Refusal.invalid(name, Text.of("incidents.answer.string." + what));
        }
        return s;
    }

    private static String offered(String name, FormDefinition.Field field, String choice) {
        if (!field.choices().contains(choice)) {
            throw Refusal.invalid(name, Text.of("incidents.answer.one-of", String.join(", ", field.choices())));
        }
        return choice;
    }

    private static Object multiChoice(String name, FormDefinition.Field field, Object raw) {
        if (!(raw instanceof List<?> list)) {
            throw Refusal.invalid(name, Text.of("incidents.answer.list"));
        }
        Set<String> chosen = new HashSet<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw Refusal.invalid(name, Text.of("incidents.answer.list-strings"));
            }
            if (!chosen.add(offered(name, field, s.strip()))) {
                throw Refusal.invalid(name, Text.of("incidents.answer.chosen-twice", s.strip()));
            }
        }
        // In the form's order, so that the same choices are always stored alike.
        List<String> ordered = field.choices().stream().filter(chosen::contains).toList();
        return ordered.isEmpty() ? null : ordered;
    }

    private static Object number(String name, Object raw) {
        BigDecimal number;
        if (raw instanceof BigDecimal d) {
            number = d;
        } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte
                || raw instanceof java.math.BigInteger) {
            number = new BigDecimal(raw.toString());
        } else if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw Refusal.invalid(name, Text.of("incidents.answer.number"));
            }
            number = BigDecimal.valueOf(d);
        } else {
            throw Refusal.invalid(name, Text.of("incidents.answer.number-unquoted"));
        }
        if (number.abs().compareTo(NUMBER_LIMIT) >= 0 || number.stripTrailingZeros().scale() > 4) {
            throw Refusal.invalid(name, Text.of("incidents.answer.number-limit", NUMBER_LIMIT.toPlainString()));
        }
        return CanonicalJson.normalise(number);
    }

    /** With an offset as given, or without one in the library system's time zone; stored to the second, with its offset. */
    static String dateTime(String name, String raw, ZoneId zone) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                at = LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw Refusal.invalid(name, Text.of("incidents.answer.date-time"));
            }
        }
        return at.atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String staffMember(String name, String raw, StaffDirectory staff, Map<String, String> staffNames) {
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        UUID id;
        try {
            id = UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(name, Text.of("incidents.answer.staff-id"));
        }
        Optional<String> tagName = staff.tagName(id);
        if (tagName.isEmpty()) {
            throw Refusal.invalid(name, Text.of("incidents.answer.not-on-roster"));
        }
        staffNames.put(id.toString(), tagName.get());
        return id.toString();
    }

    /** Patron references as stored: distinct ids in sorted order. */
    public static List<String> patronReferences(List<UUID> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > 20) {
            throw Refusal.invalid("patronReferences", Text.of("incidents.answer.patrons-limit"));
        }
        return ids.stream().filter(java.util.Objects::nonNull).map(UUID::toString).distinct().sorted().toList();
    }
}
