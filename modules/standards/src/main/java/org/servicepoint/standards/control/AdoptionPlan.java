package org.servicepoint.standards.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.servicepoint.standards.entity.AdoptedStandard;
import org.servicepoint.standards.entity.Adoption;
import org.servicepoint.standards.entity.Catalogue;
import org.servicepoint.standards.entity.Language;
import org.servicepoint.standards.entity.StandardText;
import org.servicepoint.tenancy.control.Plan.Action;
import org.servicepoint.tenancy.control.Plan.Change;
import org.servicepoint.tenancy.control.Plan.FieldChange;

/**
 * What applying a library system's {@code standards.yaml} changes in what its staff see, entry by entry, as a pure
 * function of the catalogue and the adoption before and after. Each entry whose place, words or links change is one
 * {@link Change} of kind {@code standards}, key {@code <slug>/<id>}; its first field, {@code change}, says what
 * happened (adopted, dropped, reordered, reworded, own entry changed, links changed), the fields after it say what
 * exactly ({@code position}, {@code en.summary}, {@code links.positions}…). A file that changes nothing is one
 * {@code UNCHANGED} change keyed by the slug.
 */
public final class AdoptionPlan {

    public static final String KIND = "standards";

    private AdoptionPlan() {
    }

    /**
     * {@code before} null: the library system has applied no file yet and sees the whole catalogue; {@code sameFile}:
     * the file's text is the one stored, so nothing at all is written.
     */
    public static List<Change> between(String slug, Adoption before, Adoption after, Catalogue catalogue, boolean sameFile) {
        if (sameFile) {
            return List.of(new Change(KIND, slug, Action.UNCHANGED, List.of()));
        }
        Adoption was = before == null ? Adoption.WHOLE_CATALOGUE : before;
        Map<String, AdoptedStandard> then = byId(EffectiveStandards.of(catalogue, was).standards());
        Map<String, AdoptedStandard> now = byId(EffectiveStandards.of(catalogue, after).standards());
        List<String> thenOrder = List.copyOf(then.keySet());
        List<String> nowOrder = List.copyOf(now.keySet());
        List<Change> changes = new ArrayList<>();
        for (String id : nowOrder) {
            AdoptedStandard old = then.get(id);
            AdoptedStandard entry = now.get(id);
            List<FieldChange> fields = new ArrayList<>();
            if (old == null) {
                fields.add(new FieldChange("change", null, "adopted"));
                fields.add(new FieldChange("position", null, String.valueOf(nowOrder.indexOf(id) + 1)));
                fields.addAll(links(Adoption.Link.NONE, after.linksOf(id)));
                changes.add(new Change(KIND, slug + "/" + id, Action.CREATE, fields));
                continue;
            }
            List<FieldChange> words = words(old, entry);
            List<FieldChange> links = links(was.linksOf(id), after.linksOf(id));
            int from = thenOrder.indexOf(id) + 1;
            int to = nowOrder.indexOf(id) + 1;
            // an entry that only moved because others were adopted or dropped around it is not reordered
            boolean moved = relativeOrder(thenOrder, nowOrder, id);
            if (words.isEmpty() && links.isEmpty() && !moved) {
                continue;
            }
            String what = !words.isEmpty() ? (entry.origin() == AdoptedStandard.Origin.OWN ? "own entry changed" : "reworded")
                    : moved ? "reordered" : "links changed";
            fields.add(new FieldChange("change", null, what));
            if (moved) {
                fields.add(new FieldChange("position", String.valueOf(from), String.valueOf(to)));
            }
            fields.addAll(words);
            fields.addAll(links);
            changes.add(new Change(KIND, slug + "/" + id, Action.UPDATE, fields));
        }
        for (String id : thenOrder) {
            if (!now.containsKey(id)) {
                changes.add(new Change(KIND, slug + "/" + id, Action.UPDATE, List.of(new FieldChange("change", null, "dropped"),
                        new FieldChange("position", String.valueOf(thenOrder.indexOf(id) + 1), null))));
            }
        }
        if (changes.isEmpty()) {
            // the text changed (comments, layout) but not what staff see: it is stored, and said so
            changes.add(new Change(KIND, slug, before == null ? Action.CREATE : Action.UPDATE,
                    List.of(new FieldChange("file", before == null ? null : "stored", "stored; what staff see is the same"))));
        }
        return changes;
    }

    private static Map<String, AdoptedStandard> byId(List<AdoptedStandard> standards) {
        Map<String, AdoptedStandard> byId = new LinkedHashMap<>();
        standards.forEach(s -> byId.put(s.id(), s));
        return byId;
    }

    /** Whether {@code id} stands elsewhere among the entries both lists have. */
    private static boolean relativeOrder(List<String> then, List<String> now, String id) {
        List<String> common = then.stream().filter(now::contains).toList();
        List<String> commonNow = now.stream().filter(then::contains).toList();
        return common.indexOf(id) != commonNow.indexOf(id);
    }

    /** {@code en.summary}, {@code es-US.points}…: each part whose words staff see differ, with both versions. */
    private static List<FieldChange> words(AdoptedStandard old, AdoptedStandard now) {
        List<FieldChange> fields = new ArrayList<>();
        for (Language language : Language.values()) {
            StandardText before = old.text().in(language);
            StandardText after = now.text().in(language);
            if (Objects.equals(before, after)) {
                continue;
            }
            List<String> parts = after == null ? before.partsGiven() : after.partsDifferentFrom(before);
            for (String part : parts) {
                fields.add(new FieldChange(language.code() + "." + part, show(before, part), show(after, part)));
            }
        }
        return fields;
    }

    private static List<FieldChange> links(Adoption.Link before, Adoption.Link after) {
        List<FieldChange> fields = new ArrayList<>();
        if (!before.positions().equals(after.positions())) {
            fields.add(new FieldChange("links.positions", join(before.positions()), join(after.positions())));
        }
        if (!before.situations().equals(after.situations())) {
            fields.add(new FieldChange("links.situations", join(before.situations()), join(after.situations())));
        }
        return fields;
    }

    private static String join(List<String> codes) {
        return codes.isEmpty() ? null : String.join(", ", codes);
    }

    /** One part's words as a line of a plan: lists joined with " | ", a scenario by its situation. */
    static String show(StandardText text, String part) {
        if (text == null) {
            return null;
        }
        return switch (part) {
            case "title" -> text.title();
            case "summary" -> text.summary();
            case "points" -> lines(text.points());
            case "avoid" -> lines(text.avoid());
            case "steps" -> text.steps().isEmpty() ? null
                    : text.steps().stream().map(StandardText.MethodStep::name).collect(Collectors.joining(" | "));
            case "scenario" -> text.scenario() == null ? null : text.scenario().situation();
            default -> throw new IllegalArgumentException(part);
        };
    }

    private static String lines(List<String> lines) {
        return lines.isEmpty() ? null : String.join(" | ", lines);
    }
}
