package org.servicepoint.standards.control;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.SchemaDocuments;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.Standard;

/**
 * Reads the shared catalogue's files with the platform's {@link SchemaDocuments}: an index ({@code catalogue.yaml}: the
 * version and the files in order) and the files of entries. Each entry must be complete in English and in Spanish, with
 * the Spanish saying as much as the English; ids are unique across all files and start with their kind's prefix. A
 * catalogue with any problem is refused whole, every problem named by file, line and field.
 */
public final class CatalogueDocuments {

    static final SchemaDocuments DOCUMENTS = SchemaDocuments.described(
            "https://servicepoint.invalid/schemas/standards-v1.json", "org/servicepoint/standards/standards.schema.json");
    private static final JsonSchema INDEX = DOCUMENTS.schema("#/$defs/catalogueIndex");
    private static final JsonSchema PART = DOCUMENTS.schema("#/$defs/cataloguePart");

    private CatalogueDocuments() {
    }

    /** {@code catalogue.yaml}: the catalogue's version and its files, in the order their entries come. */
    public record Index(int version, List<String> parts) {
        public Index {
            parts = List.copyOf(parts);
        }
    }

    /** One file of entries: the name it is reported under and its text. */
    public record Part(String name, String text) {
    }

    record Entries(List<Standard> entries) {
        Entries {
            entries = List.copyOf(entries);
        }
    }

    public static Index index(String source, String text) {
        return DOCUMENTS.read(source, text, InputFormat.YAML, INDEX, Index.class).value();
    }

    /** The catalogue of this version made of these files, in order; refused with every problem of every file. */
    public static Catalogue read(int version, List<Part> parts) {
        List<Violation> violations = new ArrayList<>();
        List<Standard> entries = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Part part : parts) {
            try {
                SchemaDocuments.Read<Entries> read = DOCUMENTS.read(part.name(), part.text(), InputFormat.YAML, PART, Entries.class);
                List<Violation> findings = new ArrayList<>();
                for (int i = 0; i < read.value().entries().size(); i++) {
                    Standard entry = read.value().entries().get(i);
                    String path = "entries[" + i + "]";
                    findings.addAll(entryRules(entry, path));
                    String first = seen.putIfAbsent(entry.id(), part.name());
                    if (first != null) {
                        findings.add(new Violation(path + ".id", "\"" + entry.id() + "\" is already the id of an entry in "
                                + first + "; an id names one entry for good"));
                    }
                }
                entries.addAll(read.checked(findings).entries());
            } catch (Refusal refusal) {
                violations.addAll(refusal.violations());
            }
        }
        if (parts.isEmpty()) {
            violations.add(new Violation("parts", "the catalogue has no files"));
        }
        if (!violations.isEmpty()) {
            throw Refusal.invalid(violations.size() + " problem(s) in the service-standards catalogue", violations);
        }
        return new Catalogue(version, entries);
    }

    private static List<Violation> entryRules(Standard entry, String path) {
        List<Violation> found = new ArrayList<>();
        String prefix = entry.id().substring(0, entry.id().indexOf('.'));
        if (!entry.kind().idPrefixes().contains(prefix)) {
            found.add(new Violation(path + ".id", "\"" + entry.id() + "\" is a " + entry.kind().code()
                    + "; its id starts with " + String.join(" or ", entry.kind().idPrefixes().stream().map(p -> p + ".").toList())));
        }
        for (Language language : Language.values()) {
            found.addAll(TextRules.complete(entry.kind(), entry.text().in(language), path + ".text." + language.code()));
        }
        found.addAll(TextRules.sameShape(entry.text().en(), entry.text().esUs(), path + ".text." + Language.ES_US.code()));
        return found;
    }
}
