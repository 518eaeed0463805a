package org.servicepoint.incidents.control;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.utils.JsonNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;

/**
 * Reads incident forms (a YAML file or a JSON or YAML body): the published JSON Schema first, then
 * {@link FormRules}; every problem is named with its file, line and field, and a form with any problem is
 * refused whole. What comes out is normalised, with its canonical JSON and that text's SHA-256, which decides
 * whether publishing it makes a new version.
 */
public final class FormDocuments {

    public static final String FILE_NAME = "incident-form.yaml";
    public static final int MAX_CHARS = 200_000;

    private static final String SCHEMA_ID = "https://servicepoint.invalid/schemas/incident-form-v1.json";
    private static final String SCHEMA_RESOURCE = "classpath:org/servicepoint/incidents/incident-form.schema.json";
    private static final String DEFAULT_FORM = "/org/servicepoint/incidents/default-incident-form.yaml";
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

    // A key written twice is an error rather than "the last one wins"; trailing content is refused too.
    private static final JsonNodeReader READER = JsonNodeReader.builder().locationAware()
            .jsonMapper(strict(new ObjectMapper()))
            .yamlMapper(strict(new ObjectMapper(new YAMLFactory())))
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.jsonNodeReader(READER).schemaMappers(m -> m.mapPrefix(SCHEMA_ID, SCHEMA_RESOURCE)))
            .getSchema(SchemaLocation.of(SCHEMA_ID));

    /** A checked form: normalised, as canonical JSON, and that text's hash. */
    public record Checked(FormDefinition form, String canonical, String hash) {
        public static Checked of(FormDefinition form) {
            FormDefinition normalised = form.normalised();
            String canonical = CanonicalJson.write(CanonicalJson.ofRecord(normalised));
            return new Checked(normalised, canonical, CanonicalJson.sha256(canonical));
        }
    }

    private FormDocuments() {
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads and checks a form. {@code source} names it in errors (a file path, or "body"); {@code positions} are the
     * library system's position codes, or null when not known (then recipients are checked at publication).
     */
    public static Checked read(String source, String text, InputFormat format, Set<String> positions) {
        if (text != null && text.length() > MAX_CHARS) {
            throw refuse(source, List.of(new Violation("(document)", "is longer than " + MAX_CHARS + " characters", source)));
        }
        JsonNode root = parse(source, text, format);
        List<Violation> violations = schemaViolations(source, root);
        if (!violations.isEmpty()) {
            throw refuse(source, violations);
        }
        FormDefinition form;
        try {
            form = MAPPER.treeToValue(root, FormDefinition.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw refuse(source, List.of(new Violation("(document)", e.getOriginalMessage(), source + ":" + line)));
        }
        violations = FormRules.check(form, positions).stream()
                .map(v -> new Violation(v.field(), v.message(), source + ":" + lineOf(root, v.field())))
                .sorted(BY_LINE)
                .toList();
        if (!violations.isEmpty()) {
            throw refuse(source, violations);
        }
        return Checked.of(form);
    }

    /** The form a library system uses until it publishes its own. */
    public static Checked defaultForm() {
        return Default.FORM;
    }

    /** A stored version's canonical JSON back as a form; it was checked when it was published. */
    public static FormDefinition stored(String canonical) {
        return CanonicalJson.toRecord(canonical, FormDefinition.class);
    }

    private static final class Default {
        static final Checked FORM = read("default-incident-form.yaml", text(), InputFormat.YAML, null);

        private static String text() {
            try (InputStream in = FormDocuments.class.getResourceAsStream(DEFAULT_FORM)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_FORM + " is not on the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static JsonNode parse(String source, String text, InputFormat format) {
        if (text == null || text.isBlank()) {
            throw refuse(source, List.of(new Violation("(document)", "is empty", source + ":1")));
        }
        try {
            JsonNode root = READER.readTree(text, format);
            if (root == null || root.isMissingNode() || root.isNull()) {
                throw refuse(source, List.of(new Violation("(document)", "has no content", source + ":1")));
            }
            if (!root.isObject()) {
                throw refuse(source, List.of(new Violation("(document)", "must be a mapping of fields, not a "
                        + root.getNodeType().name().toLowerCase(), source + ":" + line(root))));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw notWellFormed(source, format, e);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException cause) {
                throw notWellFormed(source, format, cause);
            }
            throw refuse(source, List.of(new Violation("(document)", "cannot be read: " + e.getMessage(), source)));
        } catch (IOException e) {
            throw refuse(source, List.of(new Violation("(document)", "cannot be read: " + e.getMessage(), source)));
        }
    }

    private static Refusal notWellFormed(String source, InputFormat format, JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String line = where == null || where.getLineNr() < 1 ? "" : ":" + where.getLineNr();
        return refuse(source, List.of(new Violation("(document)", "is not well-formed " + format.name() + ": "
                + e.getOriginalMessage().lines().findFirst().orElse("syntax error"), source + line)));
    }

    private static List<Violation> schemaViolations(String source, JsonNode root) {
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : SCHEMA.validate(root)) {
            String path = path(message.getInstanceLocation().toString());
            JsonNode where = message.getInstanceNode();
            if (message.getProperty() != null && ("required".equals(message.getType())
                    || "additionalProperties".equals(message.getType()))) {
                path = path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
                if (where != null && where.get(message.getProperty()) != null) {
                    where = where.get(message.getProperty());
                }
            }
            String text = message.getError() != null ? message.getError() : message.getMessage();
            violations.add(new Violation(path.isEmpty() ? "(document)" : path, text, source + ":" + line(where)));
        }
        violations.sort(BY_LINE);
        return violations;
    }

    /** Line as a number (so line 6 comes before line 10), then field. */
    private static final Comparator<Violation> BY_LINE = Comparator
            .comparingInt((Violation v) -> v.at() != null && v.at().matches(".*:\\d+$")
                    ? Integer.parseInt(v.at().substring(v.at().lastIndexOf(':') + 1)) : 0)
            .thenComparing(Violation::field);

    /** The line of the deepest node on the path that exists, e.g. "categories[2].fields[0].choices". */
    static int lineOf(JsonNode root, String path) {
        JsonNode node = root;
        Matcher m = SEGMENT.matcher(path);
        while (m.find() && node != null) {
            JsonNode next = m.group(1) != null ? node.get(m.group(1)) : node.get(Integer.parseInt(m.group(2)));
            if (next == null) {
                break;
            }
            node = next;
        }
        return line(node);
    }

    private static int line(JsonNode node) {
        if (node == null) {
            return 1;
        }
        try {
            JsonLocation location = JsonNodes.tokenLocationOf(node);
            return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
        } catch (IllegalArgumentException noLocation) {
            return 1;
        }
    }

    private static String path(String instanceLocation) {
        if (instanceLocation.equals("$")) {
            return "";
        }
        return instanceLocation.startsWith("$.") ? instanceLocation.substring(2) : instanceLocation.replaceFirst("^\\$", "");
    }

    private static Refusal refuse(String source, List<Violation> violations) {
        return Refusal.invalid(source + ": " + violations.size() + " problem(s); nothing was changed", violations);
    }
}
