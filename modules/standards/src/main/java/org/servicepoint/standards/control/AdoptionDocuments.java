package org.servicepoint.standards.control;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.SchemaDocuments;
import org.servicepoint.standards.entity.AdoptedStandard;
import org.servicepoint.standards.entity.Adoption;
import org.servicepoint.standards.entity.Adoption.Item;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.Standard;
import org.servicepoint.standards.entity.StandardKind;
import org.servicepoint.standards.entity.StandardText;
import org.servicepoint.standards.entity.TenantStandards;

/**
 * Reads a library system's {@code tenants/<slug>/standards.yaml} (or the same as a JSON or YAML body) against the
 * published JSON Schema and then against the catalogue it adopts from: an id the catalogue does not have, an entry
 * listed or reworded twice, an own entry without its kind or words, a rewording of an entry not adopted, and a text that
 * is not complete for its kind are each named by file, line and field. A file with any problem is refused whole.
 */
public final class AdoptionDocuments {

    public static final String FILE_NAME = "standards.yaml";
    public static final int MAX_CHARS = 200_000;

    private static final JsonSchema ADOPTION = CatalogueDocuments.DOCUMENTS.schema("");

    private AdoptionDocuments() {
    }

    /** What links may point at: the library system's position codes and the known escalation situations. */
    public record LinkTargets(Set<String> positions, Set<String> situations) {
        public LinkTargets {
            positions = Set.copyOf(positions);
            situations = Set.copyOf(situations);
        }

        /** Nothing to link to: any link is refused. */
        public static final LinkTargets NONE = new LinkTargets(Set.of(), Set.of());
    }

    /** {@code source} names the document in errors (a file path, or "body"); links may point at nothing. */
    public static Adoption read(String source, String text, InputFormat format, Catalogue catalogue) {
        return read(source, text, format, catalogue, LinkTargets.NONE);
    }

    /** {@code source} names the document in errors (a file path, or "body"); links are checked against {@code targets}. */
    public static Adoption read(String source, String text, InputFormat format, Catalogue catalogue, LinkTargets targets) {
        if (text != null && text.length() > MAX_CHARS) {
            throw SchemaDocuments.refuse(source, List.of(new Violation("(document)", "is longer than " + MAX_CHARS
                    + " characters", source)));
        }
        SchemaDocuments.Read<Adoption> read = CatalogueDocuments.DOCUMENTS.read(source, text, format, ADOPTION, Adoption.class);
        return read.checked(check(read.value(), catalogue, targets));
    }

    /**
     * A file as stored when it was applied: read against the schema only, since the catalogue and the positions it
     * was checked against may have changed since (a retired entry or a removed position is left out when shown).
     */
    public static Adoption stored(String text) {
        return CatalogueDocuments.DOCUMENTS.read("stored standards.yaml", text, InputFormat.YAML, ADOPTION, Adoption.class).value();
    }

    static List<Violation> check(Adoption adoption, Catalogue catalogue, LinkTargets targets) {
        List<Violation> found = new ArrayList<>();
        Map<String, String> listed = new HashMap<>();
        for (int i = 0; i < adoption.standards().size(); i++) {
            Item item = adoption.standards().get(i);
            String path = "standards[" + i + "]";
            if ((item.shared() == null) == (item.own() == null)) {
                found.add(new Violation(path, "give either shared (the id of a catalogue entry) or own (the id of an entry"
                        + " of your own)"));
            } else if (item.shared() != null) {
                found.addAll(shared(item, path, catalogue, listed));
            } else {
                found.addAll(own(item, path, listed));
            }
        }
        Map<String, Integer> reworded = new HashMap<>();
        for (int i = 0; i < adoption.reword().size(); i++) {
            found.addAll(rewording(adoption, i, catalogue, listed, reworded));
        }
        if (found.isEmpty()) {
            // links are checked against the effective list, which only a file without other problems has
            found.addAll(links(adoption, EffectiveStandards.of(catalogue, adoption), targets));
        }
        return found;
    }

    private static List<Violation> links(Adoption adoption, TenantStandards effective, LinkTargets targets) {
        List<Violation> found = new ArrayList<>();
        Map<String, Integer> linked = new HashMap<>();
        for (int i = 0; i < adoption.links().size(); i++) {
            Adoption.Link link = adoption.links().get(i);
            String path = "links[" + i + "]";
            Optional<AdoptedStandard> entry = effective.find(link.standard());
            Integer first = linked.putIfAbsent(link.standard(), i);
            if (first != null) {
                found.add(new Violation(path + ".standard", "\"" + link.standard() + "\" is linked twice (first at links["
                        + first + "]); give all its links in one place"));
            } else if (entry.isEmpty()) {
                found.add(new Violation(path + ".standard", "\"" + link.standard() + "\" is not one of the standards this"
                        + " library system adopts"));
            } else if (entry.get().kind() != StandardKind.RESPONSE_GUIDE) {
                found.add(new Violation(path + ".standard", "\"" + link.standard() + "\" is a " + entry.get().kind().code()
                        + "; only response guides link to positions and situations"));
            }
            unknown(found, link.positions(), targets.positions(), path + ".positions", "a position of this library system"
                    + " (tenant.yaml positions)");
            unknown(found, link.situations(), targets.situations(), path + ".situations", "an escalation situation");
        }
        return found;
    }

    private static void unknown(List<Violation> found, List<String> codes, Set<String> known, String path, String what) {
        for (int j = 0; j < codes.size(); j++) {
            if (!known.contains(codes.get(j))) {
                found.add(new Violation(path + "[" + j + "]", "\"" + codes.get(j) + "\" is not " + what + "; known: "
                        + String.join(", ", new java.util.TreeSet<>(known))));
            }
        }
    }

    private static List<Violation> shared(Item item, String path, Catalogue catalogue, Map<String, String> listed) {
        List<Violation> found = new ArrayList<>();
        if (item.kind() != null || item.text() != null) {
            found.add(new Violation(path + (item.text() != null ? ".text" : ".kind"), "belongs to own entries; a shared"
                    + " entry keeps its kind, and its words are changed under reword"));
        }
        Optional<Standard> entry = catalogue.find(item.shared());
        if (entry.isEmpty()) {
            found.add(new Violation(path + ".shared", "\"" + item.shared() + "\" is not in the service-standards catalogue"
                    + " (version " + catalogue.version() + ")"));
        } else if (entry.get().retired()) {
            found.add(new Violation(path + ".shared", "\"" + item.shared() + "\" was retired from the catalogue; remove it"
                    + " or write your own entry instead"));
        }
        twice(found, listed, item.shared(), path, path + ".shared");
        return found;
    }

    private static List<Violation> own(Item item, String path, Map<String, String> listed) {
        List<Violation> found = new ArrayList<>();
        if (item.kind() == null) {
            found.add(new Violation(path + ".kind", "is missing; an own entry says what it is"));
        }
        if (item.text() == null) {
            found.add(new Violation(path + ".text", "is missing; an own entry needs its words in en, es-US or both"));
        } else if (item.kind() != null) {
            for (Language language : item.text().languages()) {
                found.addAll(TextRules.complete(item.kind(), item.text().in(language), path + ".text." + language.code()));
            }
        }
        twice(found, listed, item.own(), path, path + ".own");
        return found;
    }

    private static List<Violation> rewording(Adoption adoption, int i, Catalogue catalogue, Map<String, String> listed,
                                             Map<String, Integer> reworded) {
        List<Violation> found = new ArrayList<>();
        Adoption.Rewording rewording = adoption.reword().get(i);
        String path = "reword[" + i + "]";
        Optional<Standard> entry = catalogue.find(rewording.shared()).filter(e -> !e.retired());
        Integer first = reworded.putIfAbsent(rewording.shared(), i);
        if (first != null) {
            found.add(new Violation(path + ".shared", "\"" + rewording.shared() + "\" is reworded twice (first at reword["
                    + first + "]); give all its words in one place"));
        } else if (entry.isEmpty()) {
            found.add(new Violation(path + ".shared", "\"" + rewording.shared() + "\" is not a current entry of the"
                    + " service-standards catalogue (version " + catalogue.version() + ")"));
        } else if (adoption.adopt() == Adoption.Mode.LISTED && !listed.containsKey(rewording.shared())) {
            found.add(new Violation(path + ".shared", "\"" + rewording.shared() + "\" is not adopted; list it under"
                    + " standards first"));
        } else {
            for (Language language : rewording.text().languages()) {
                StandardText merged = entry.get().text().in(language).overriddenBy(rewording.text().in(language));
                found.addAll(TextRules.complete(entry.get().kind(), merged, path + ".text." + language.code()));
            }
        }
        return found;
    }

    private static void twice(List<Violation> found, Map<String, String> listed, String id, String path, String field) {
        String first = listed.putIfAbsent(id, path);
        if (first != null) {
            found.add(new Violation(field, "\"" + id + "\" is listed twice (first at " + first + ")"));
        }
    }
}
