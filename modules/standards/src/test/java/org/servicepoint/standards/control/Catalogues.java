package org.servicepoint.standards.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.standards.entity.Catalogue;

/**
 * Small catalogues written inline, so a test shows the entries it is about, and the helpers the document tests share.
 * Each entry gets complete words of its kind in both languages, made from one word ("alpha").
 */
final class Catalogues {

    static final String PART = "catalogue/test.yaml";

    private Catalogues() {
    }

    /** One entry's YAML, indented as an item of {@code entries}. */
    static String entry(String id, String kind, int version, String word) {
        return "  - id: " + id + "\n"
                + "    kind: " + kind + "\n"
                + "    version: " + version + "\n"
                + "    text:\n"
                + "      en: " + words(kind, word, "") + "\n"
                + "      es-US: " + words(kind, word, " (es)") + "\n";
    }

    static String retired(String id, String kind, int version, String word) {
        return entry(id, kind, version, word).replace("    text:\n", "    retired: true\n    text:\n");
    }

    /** Complete words for a kind, in YAML's flow style. */
    static String words(String kind, String word, String language) {
        String common = "title: " + capital(word) + language + ", summary: About " + word + language + ".";
        return "{" + common + switch (kind) {
            case "method" -> ", steps: [" + step("First", word) + ", " + step("Then", word) + "]";
            case "checklist" -> ", points: [One " + word + ", Two " + word + ", Three " + word + "]";
            case "scenario" -> ", scenario: {situation: A patron asks for " + word + ".,"
                    + " choices: [{key: a, text: Say no.}, {key: b, text: Offer " + word + ".}], recommended: b,"
                    + " why: Offering helps.}";
            default -> ", points: [Do " + word + language + "]";
        } + "}";
    }

    private static String step(String name, String word) {
        return "{name: " + name + ", action: Do " + word + ", say: [Hello], avoid: [Goodbye]}";
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    static String part(String... entries) {
        return "entries:\n" + String.join("", entries);
    }

    static Catalogue catalogue(int version, String... entries) {
        return CatalogueDocuments.read(version, List.of(new CatalogueDocuments.Part(PART, part(entries))));
    }

    /** Version 1 of a small catalogue: a principle, a response guide, a method and a scenario. */
    static Catalogue first() {
        return catalogue(1,
                entry("principle.alpha", "principle", 1, "alpha"),
                entry("guide.beta", "response-guide", 1, "beta"),
                entry("method.gamma", "method", 1, "gamma"),
                entry("scenario.delta", "scenario", 1, "delta"));
    }

    /** The 1-based line of the only line of {@code text} that contains {@code fragment}. */
    static int lineWith(String text, String fragment) {
        List<String> lines = text.lines().toList();
        List<Integer> found = IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(fragment))
                .mapToObj(i -> i + 1).toList();
        assertThat(found).as("lines with %s", fragment).hasSize(1);
        return found.get(0);
    }

    static Refusal refused(Runnable reading) {
        try {
            reading.run();
        } catch (Refusal refusal) {
            assertThat(refusal.status()).isEqualTo(400);
            return refusal;
        }
        throw new AssertionError("expected the document to be refused");
    }

    /** The repository's tenants/ folder: surefire runs in the module folder, an IDE may run in the root. */
    static Path tenantsFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("tenants/riverbend"))) {
                return dir.resolve("tenants");
            }
        }
        throw new IllegalStateException("no tenants/ folder above " + Path.of("").toAbsolutePath());
    }

    /** What the demo library system {@code slug} may link to: the positions of its tenant.yaml and every situation. */
    static AdoptionDocuments.LinkTargets demoLinkTargets(String slug) throws java.io.IOException {
        Path file = tenantsFolder().resolve(slug).resolve(org.servicepoint.tenancy.control.TenantDocuments.FILE_NAME);
        var spec = org.servicepoint.tenancy.control.TenantDocuments.readTenant(file.toString(),
                Files.readString(file, java.nio.charset.StandardCharsets.UTF_8), com.networknt.schema.InputFormat.YAML);
        return new AdoptionDocuments.LinkTargets(
                spec.positions().stream().map(org.servicepoint.tenancy.control.TenantSpec.PositionSpec::code)
                        .collect(java.util.stream.Collectors.toSet()),
                java.util.Arrays.stream(org.servicepoint.staffing.control.Situation.values())
                        .map(org.servicepoint.staffing.control.Situation::code).collect(java.util.stream.Collectors.toSet()));
    }
}
