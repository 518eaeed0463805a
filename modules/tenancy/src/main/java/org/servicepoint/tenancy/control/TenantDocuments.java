package org.servicepoint.tenancy.control;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.utils.JsonNodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;

/**
 * Reads tenant and branch documents (YAML files or JSON bodies): checks them against the published JSON
 * Schema and the {@link TenantRules}, and names the file, line and field of everything wrong. A document
 * with any error is refused whole, so nothing half-read is ever applied.
 */
public final class TenantDocuments {

    public static final String FILE_NAME = "tenant.yaml";
    private static final String SCHEMA_ID = "https://servicepoint.invalid/schemas/tenant-v1.json";
    private static final String SCHEMA_RESOURCE = "classpath:org/servicepoint/tenancy/tenant.schema.json";
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

    // Strict readers: a key written twice is an error, not "the last one wins"; trailing content is refused.
    private static final JsonNodeReader READER = JsonNodeReader.builder().locationAware()
            .jsonMapper(strict(new ObjectMapper()))
            .yamlMapper(strict(new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())))
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.jsonNodeReader(READER)
                    .schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_ID, SCHEMA_RESOURCE)));
    private static final JsonSchema TENANT = FACTORY.getSchema(SchemaLocation.of(SCHEMA_ID));
    private static final JsonSchema BRANCH = FACTORY.getSchema(SchemaLocation.of(SCHEMA_ID + "#/$defs/branch"));

    private TenantDocuments() {
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** A tenant document; {@code source} names it in errors (a file path, or "body"). */
    public static TenantSpec readTenant(String source, String text, InputFormat format) {
        JsonNode root = parse(source, text, format);
        List<Violation> violations = new ArrayList<>(schemaViolations(source, root, TENANT));
        if (!violations.isEmpty()) {
            throw refuse(source, violations);
        }
        TenantSpec spec = map(source, root, TenantSpec.class);
        violations.addAll(locate(source, root, TenantRules.check(spec)));
        if (!violations.isEmpty()) {
            throw refuse(source, violations);
        }
        return spec;
    }

    public static BranchSpec readBranch(String source, String text) {
        JsonNode root = parse(source, text, InputFormat.JSON);
        List<Violation> violations = new ArrayList<>(schemaViolations(source, root, BRANCH));
        if (!violations.isEmpty()) {
            throw refuse(source, violations);
        }
        BranchSpec spec = map(source, root, BranchSpec.class);
        violations.addAll(locate(source, root, TenantRules.checkBranch(spec, "")));
        if (!violations.isEmpty()) {
            throw refuse(source, violations);
        }
        return spec;
    }

    /**
     * Every {@code <dir>/<slug>/tenant.yaml}, in slug order. The folder name must be the slug inside.
     * All files are read before any is returned: one bad file refuses the lot.
     */
    public static List<Source> folder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw Refusal.invalid("tenants", dir + " is not a folder of tenant files");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .map(d -> d.resolve(FILE_NAME))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(Path::toString))
                    .map(file -> new Source(dir.getParent() == null ? file.toString()
                            : dir.getParent().relativize(file).toString(), read(file)))
                    .toList();
        } catch (IOException e) {
            throw Refusal.invalid("tenants", "cannot read " + dir + ": " + e.getMessage());
        }
    }

    /** A named tenant file's text, e.g. from disk or from an API request. */
    public record Source(String path, String content) {
    }

    /** Reads and checks all sources; refuses with every problem of every file if any is wrong. */
    public static List<TenantSpec> readAll(List<Source> sources) {
        List<Violation> violations = new ArrayList<>();
        List<TenantSpec> specs = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (Source source : sources) {
            try {
                TenantSpec spec = readTenant(source.path(), source.content(), InputFormat.YAML);
                String folder = folderOf(source.path());
                if (folder != null && !folder.equals(spec.slug())) {
                    violations.add(new Violation("slug", "is \"" + spec.slug() + "\" but the folder is \"" + folder
                            + "\"; they must be the same", source.path() + ":" + lineOf(parse(source.path(), source.content(), InputFormat.YAML), "slug")));
                } else if (slugs.contains(spec.slug())) {
                    violations.add(new Violation("slug", "tenant " + spec.slug() + " is declared twice",
                            source.path() + ":" + lineOf(parse(source.path(), source.content(), InputFormat.YAML), "slug")));
                }
                slugs.add(spec.slug());
                specs.add(spec);
            } catch (Refusal refusal) {
                violations.addAll(refusal.violations());
            }
        }
        if (sources.isEmpty()) {
            violations.add(new Violation("files", "no tenant files given"));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations.size() + " problem(s) in the tenant files; nothing was changed", violations);
        }
        return specs;
    }

    private static String folderOf(String path) {
        Path p = Path.of(path);
        return p.getFileName() != null && p.getFileName().toString().equals(FILE_NAME) && p.getParent() != null
                ? p.getParent().getFileName().toString() : null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Refusal.invalid(file.toString(), "cannot be read: " + e.getMessage());
        }
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
            if (message.getProperty() != null && ("required".equals(message.getType())
                    || "additionalProperties".equals(message.getType()))) {
                path = path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
            }
            String text = message.getError() != null ? message.getError() : message.getMessage();
            JsonNode where = message.getInstanceNode();
            if ("additionalProperties".equals(message.getType()) && where != null && where.get(message.getProperty()) != null) {
                where = where.get(message.getProperty());
            }
            violations.add(new Violation(path.isEmpty() ? "(document)" : path, text, source + ":" + line(where)));
        }
        violations.sort(BY_LINE);
        return violations;
    }

    private static List<Violation> locate(String source, JsonNode root, List<Violation> violations) {
        return violations.stream()
                .map(v -> new Violation(v.field(), v.message(), source + ":" + lineOf(root, v.field())))
                .sorted(BY_LINE)
                .toList();
    }

    /** File, then line as a number (so line 6 comes before line 10), then field. */
    private static final Comparator<Violation> BY_LINE = Comparator
            .comparing((Violation v) -> v.at() == null ? "" : v.at().replaceFirst(":\\d+$", ""))
            .thenComparingInt(v -> v.at() != null && v.at().matches(".*:\\d+$")
                    ? Integer.parseInt(v.at().substring(v.at().lastIndexOf(':') + 1)) : 0)
            .thenComparing(Violation::field);

    /** The line of the deepest node on the path that exists, e.g. "branches[2].openingHours.monday[0]". */
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

    private static <T> T map(String source, JsonNode root, Class<T> type) {
        try {
            return MAPPER.treeToValue(root, type);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw refuse(source, List.of(new Violation("(document)", e.getOriginalMessage(), source + ":" + line)));
        }
    }

    private static Refusal refuse(String source, List<Violation> violations) {
        return Refusal.invalid(source + ": " + violations.size() + " problem(s); nothing was changed", violations);
    }
}
