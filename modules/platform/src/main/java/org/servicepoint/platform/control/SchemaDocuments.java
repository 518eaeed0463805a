package org.servicepoint.platform.control;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicepoint.platform.control.Refusal.Violation;

/**
 * Reads documents that people write (YAML files, or JSON or YAML bodies) against a published JSON Schema: parsed
 * strictly, checked against the schema, mapped to a record, and checked against the context's own rules. Every
 * problem is named with its file, line and field ({@code tenants/x/tenant.yaml:42: branches[2].code: ...}); a
 * document with any problem is refused whole, so nothing half-read is ever applied. Tenant files and incident forms
 * use it, and so will the next documents (policies, service standards).
 */
public final class SchemaDocuments {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

    // Strict readers: a key written twice is an error, not "the last one wins"; trailing content is refused.
    private static final JsonNodeReader READER = JsonNodeReader.builder().locationAware()
            .jsonMapper(strict(new ObjectMapper()))
            .yamlMapper(strict(new ObjectMapper(new YAMLFactory())))
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** File, then line as a number (so line 6 comes before line 10), then field: the order a person fixes them in. */
    public static final Comparator<Violation> BY_LINE = Comparator
            .comparing((Violation v) -> v.at() == null ? "" : v.at().replaceFirst(":\\d+$", ""))
            .thenComparingInt(v -> v.at() != null && v.at().matches(".*:\\d+$")
                    ? Integer.parseInt(v.at().substring(v.at().lastIndexOf(':') + 1)) : 0)
            .thenComparing(Violation::field);

    private final String schemaId;
    private final JsonSchemaFactory factory;

    private SchemaDocuments(String schemaId, String schemaResource) {
        this.schemaId = schemaId;
        this.factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.jsonNodeReader(READER).schemaMappers(m -> m.mapPrefix(schemaId, schemaResource)));
    }

    /** Documents described by the JSON Schema (draft 2020-12) with this {@code $id}, found on the classpath. */
    public static SchemaDocuments described(String schemaId, String classpathResource) {
        return new SchemaDocuments(schemaId, "classpath:" + classpathResource);
    }

    /** The whole schema ({@code fragment} empty) or one of its parts, e.g. {@code #/$defs/branch}. */
    public JsonSchema schema(String fragment) {
        return factory.getSchema(SchemaLocation.of(schemaId + fragment));
    }

    /** A document read and mapped: its tree is kept so that the rules' findings can be given their lines. */
    public record Read<T>(String source, JsonNode root, T value) {

        /** Refuses the document if the rules found anything, each finding with its line (and its words by key). */
        public T checked(List<Violation> findings) {
            List<Violation> located = findings.stream()
                    .map(v -> new Violation(v.field(), v.message(), at(v.field()), v.text()))
                    .sorted(BY_LINE)
                    .toList();
            if (!located.isEmpty()) {
                throw refuse(source, located);
            }
            return value;
        }

        /** Where a field is: {@code source:line} of the deepest node on the path that exists. */
        public String at(String field) {
            return source + ":" + lineOf(root, field);
        }
    }

    /**
     * Parses {@code text} strictly, checks it against {@code schema} and maps it to {@code type}; {@code source} names
     * the document in errors (a file path, or "body").
     */
    public <T> Read<T> read(String source, String text, InputFormat format, JsonSchema schema, Class<T> type) {
        JsonNode root = parse(source, text, format);
        List<Violation> violations = schemaViolations(source, root, schema);
        if (!violations.isEmpty()) {
            throw refuse(source, violations);
        }
        try {
            return new Read<>(source, root, MAPPER.treeToValue(root, type));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw refuse(source, List.of(new Violation("(document)", e.getOriginalMessage(), source + ":" + line)));
        }
    }

    public static Refusal refuse(String source, List<Violation> violations) {
        return Refusal.invalid(source + ": " + violations.size() + " problem(s); nothing was changed", violations);
    }

    /**
     * A document parsed as strictly as {@link #read} parses it, as a tree whose nodes know their lines, for a reader
     * that checks the tree itself; refused with file and line when it is not well-formed or not a mapping.
     */
    public static JsonNode tree(String source, String text, InputFormat format) {
        return parse(source, text, format);
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private static JsonNode parse(String source, String text, InputFormat format) {
        if (text == null || text.isBlank()) {
            throw refuse(source, List.of(new Violation("(document)", "is empty", source + ":1")));
        }
        try {
            JsonNode root = READER.readTree(text, format);
            if (root == null || root.isMissingNode() || root.isNull()) {
                // e.g. a YAML file with nothing but comments
                throw refuse(source, List.of(new Violation("(document)", "has no content", source + ":1")));
            }
            if (!root.isObject()) {
                throw refuse(source, List.of(new Violation("(document)", "must be a mapping of fields, not a "
                        + root.getNodeType().name().toLowerCase(Locale.ROOT), source + ":" + line(root))));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw notWellFormed(source, format, e);
        } catch (IllegalArgumentException e) {
            // the schema library wraps the parser's own complaint
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

    private static List<Violation> schemaViolations(String source, JsonNode root, JsonSchema schema) {
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : schema.validate(root)) {
            String path = path(message.getInstanceLocation().toString());
            JsonNode where = message.getInstanceNode();
            if (message.getProperty() != null && ("required".equals(message.getType())
                    || "additionalProperties".equals(message.getType()))) {
                path = path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
                // an unknown field is shown where it is written; a missing one where its parent is
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

    /** The line of the deepest node on the path that exists, e.g. "branches[2].openingHours.monday[0]". */
    public static int lineOf(JsonNode root, String path) {
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

    /** The line {@code node} stands on in the document it was read from; 1 when that is not known. */
    public static int lineOf(JsonNode node) {
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
}
