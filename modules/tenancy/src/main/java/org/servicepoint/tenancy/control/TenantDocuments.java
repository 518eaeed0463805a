package org.servicepoint.tenancy.control;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.SchemaDocuments;
import org.servicepoint.platform.control.Text;

/**
 * Reads tenant and branch documents (YAML files or JSON bodies) with the platform's {@link SchemaDocuments}: checks
 * them against the published JSON Schema and the {@link TenantRules}, and names the file, line and field of
 * everything wrong. A document with any error is refused whole, so nothing half-read is ever applied.
 */
public final class TenantDocuments {

    public static final String FILE_NAME = "tenant.yaml";
    private static final SchemaDocuments DOCUMENTS = SchemaDocuments.described(
            "https://servicepoint.invalid/schemas/tenant-v1.json", "org/servicepoint/tenancy/tenant.schema.json");
    private static final JsonSchema TENANT = DOCUMENTS.schema("");
    private static final JsonSchema BRANCH = DOCUMENTS.schema("#/$defs/branch");

    private TenantDocuments() {
    }

    /** A tenant document; {@code source} names it in errors (a file path, or "body"). */
    public static TenantSpec readTenant(String source, String text, InputFormat format) {
        return readTenantDocument(source, text, format).value();
    }

    private static SchemaDocuments.Read<TenantSpec> readTenantDocument(String source, String text, InputFormat format) {
        SchemaDocuments.Read<TenantSpec> read = DOCUMENTS.read(source, text, format, TENANT, TenantSpec.class);
        read.checked(TenantRules.check(read.value()));
        return read;
    }

    public static BranchSpec readBranch(String source, String text) {
        SchemaDocuments.Read<BranchSpec> read = DOCUMENTS.read(source, text, InputFormat.JSON, BRANCH, BranchSpec.class);
        return read.checked(TenantRules.checkBranch(read.value(), ""));
    }

    /**
     * Every {@code <dir>/<slug>/tenant.yaml}, in slug order. The folder name must be the slug inside.
     * All files are read before any is returned: one bad file refuses the lot.
     */
    public static List<Source> folder(Path dir) {
        return beside(dir, List.of(FILE_NAME));
    }

    /**
     * The files named {@code names} in each {@code <dir>/<slug>/}, by slug, then in the order of {@code names}; a name a
     * folder lacks is skipped. Each is named by its path from {@code dir}'s parent ({@code tenants/riverbend/…}).
     */
    public static List<Source> beside(Path dir, List<String> names) {
        if (!Files.isDirectory(dir)) {
            throw Refusal.invalid("tenants", Text.of("tenancy.files.not-a-folder", dir));
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(Path::toString))
                    .flatMap(d -> names.stream().map(d::resolve))
                    .filter(Files::isRegularFile)
                    .map(file -> new Source(dir.getParent() == null ? file.toString()
                            : dir.getParent().relativize(file).toString(), read(file)))
                    .toList();
        } catch (IOException e) {
            throw Refusal.invalid("tenants", Text.of("tenancy.files.unreadable-folder", dir, e.getMessage()));
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
                SchemaDocuments.Read<TenantSpec> read = readTenantDocument(source.path(), source.content(), InputFormat.YAML);
                TenantSpec spec = read.value();
                String folder = folderOf(source.path());
                if (folder != null && !folder.equals(spec.slug())) {
                    violations.add(new Violation("slug", Text.of("tenancy.files.slug-not-folder", spec.slug(), folder),
                            read.at("slug")));
                } else if (slugs.contains(spec.slug())) {
                    violations.add(new Violation("slug", Text.of("tenancy.files.declared-twice", spec.slug()),
                            read.at("slug")));
                }
                slugs.add(spec.slug());
                specs.add(spec);
            } catch (Refusal refusal) {
                violations.addAll(refusal.violations());
            }
        }
        if (sources.isEmpty()) {
            violations.add(new Violation("files", Text.of("tenancy.files.none")));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(Text.of("tenancy.files.invalid", violations.size()), violations);
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
            throw Refusal.invalid(file.toString(), Text.of("tenancy.files.unreadable", e.getMessage()));
        }
    }
}
