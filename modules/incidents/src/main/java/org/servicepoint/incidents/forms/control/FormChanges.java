package org.servicepoint.incidents.forms.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.Plan.FieldChange;

/**
 * What publishing a form would change, as onboarding's plans say it: the version it would become, then question by
 * question and category by category (by key and code, so a reordering is one line, not every line). The operator's
 * plan of {@code incident-form.yaml} and the tenant administrator's editor show the same. Plain Java.
 */
public final class FormChanges {

    /** The kind of change in a {@link Plan}. */
    public static final String KIND = "incident-form";

    private FormChanges() {
    }

    /** The key of a library system's form in a plan: {@code riverbend/incident-form}. */
    public static String key(String slug) {
        return slug + "/" + KIND;
    }

    /**
     * The plan's line for publishing {@code after} (normalised) over {@code current}: unchanged when the hashes agree;
     * a library system without a version yet is compared with the built-in form its staff see until then.
     */
    public static Plan.Change of(String slug, Integer currentVersion, String currentHash, FormDefinition current,
                                 FormDocuments.Checked after) {
        if (currentHash != null && currentHash.equals(after.hash())) {
            return new Plan.Change(KIND, key(slug), Plan.Action.UNCHANGED, List.of());
        }
        List<FieldChange> fields = new ArrayList<>();
        fields.add(new FieldChange("version", currentVersion == null ? null : String.valueOf(currentVersion),
                String.valueOf(currentVersion == null ? 1 : currentVersion + 1)));
        fields.addAll(between(current == null ? FormDocuments.defaultForm().form() : current, after.form()));
        return new Plan.Change(KIND, key(slug), currentVersion == null ? Plan.Action.CREATE : Plan.Action.UPDATE, fields);
    }

    /** Every difference between two normalised forms, each named by a path such as {@code categories.theft.fields.itemsTaken.label}. */
    public static List<FieldChange> between(FormDefinition before, FormDefinition after) {
        List<FieldChange> out = new ArrayList<>();
        value(out, "title", before.title(), after.title());
        value(out, "guidance", lines(before.guidance()), lines(after.guidance()));
        value(out, "deliveryDeadline", deadline(before.deadline()), deadline(after.deadline()));
        fields(out, "fields", before.fields(), after.fields());
        Map<String, FormDefinition.Category> was = byKey(before.categories(), FormDefinition.Category::code);
        Map<String, FormDefinition.Category> now = byKey(after.categories(), FormDefinition.Category::code);
        was.forEach((code, category) -> {
            if (!now.containsKey(code)) {
                out.add(new FieldChange("categories." + code, category.title(), null));
            }
        });
        now.forEach((code, category) -> {
            String at = "categories." + code;
            FormDefinition.Category old = was.get(code);
            if (old == null) {
                out.add(new FieldChange(at, null, category.title()));
                // A new category is told in full: each of its settings and questions as added to nothing.
                old = new FormDefinition.Category(code, null, null, null, null, false, false);
            } else {
                value(out, at + ".title", old.title(), category.title());
            }
            value(out, at + ".guidance", lines(old.guidance()), lines(category.guidance()));
            value(out, at + ".recipients", recipients(old.recipients()), recipients(category.recipients()));
            value(out, at + ".verbalReportToHeadquarters", String.valueOf(old.needsVerbalReport()),
                    String.valueOf(category.needsVerbalReport()));
            value(out, at + ".countersignature", String.valueOf(old.needsCountersignature()),
                    String.valueOf(category.needsCountersignature()));
            fields(out, at + ".fields", old.fields(), category.fields());
        });
        order(out, "categories", was.keySet(), now.keySet());
        return out;
    }

    private static void fields(List<FieldChange> out, String at, List<FormDefinition.Field> before, List<FormDefinition.Field> after) {
        Map<String, FormDefinition.Field> was = byKey(before, FormDefinition.Field::key);
        Map<String, FormDefinition.Field> now = byKey(after, FormDefinition.Field::key);
        was.forEach((key, field) -> {
            if (!now.containsKey(key)) {
                out.add(new FieldChange(at + "." + key, summary(field), null));
            }
        });
        now.forEach((key, field) -> {
            String here = at + "." + key;
            FormDefinition.Field old = was.get(key);
            if (old == null) {
                out.add(new FieldChange(here, null, summary(field)));
                return;
            }
            value(out, here + ".label", old.label(), field.label());
            value(out, here + ".type", old.type(), field.type());
            value(out, here + ".required", String.valueOf(old.mandatory()), String.valueOf(field.mandatory()));
            value(out, here + ".choices", old.choices() == null ? null : String.join(", ", old.choices()),
                    field.choices() == null ? null : String.join(", ", field.choices()));
            value(out, here + ".maxLength", old.maxLength() == null ? null : old.maxLength().toString(),
                    field.maxLength() == null ? null : field.maxLength().toString());
            value(out, here + ".help", old.help(), field.help());
        });
        order(out, at, was.keySet(), now.keySet());
    }

    /** The order of what is in both, when it changed: one line for a move. */
    private static void order(List<FieldChange> out, String at, Set<String> before, Set<String> after) {
        List<String> was = before.stream().filter(after::contains).toList();
        List<String> now = after.stream().filter(before::contains).toList();
        if (!was.equals(now)) {
            out.add(new FieldChange(at + " (order)", String.join(", ", was), String.join(", ", now)));
        }
    }

    /** A question in one line: its label, type and whether it must be answered. */
    static String summary(FormDefinition.Field field) {
        return field.label() + " (" + field.type() + (field.mandatory() ? ", required" : "") + ")";
    }

    private static String lines(List<String> lines) {
        return lines.isEmpty() ? null : String.join(" / ", lines);
    }

    private static String recipients(List<String> codes) {
        return codes == null ? null : String.join(", ", codes);
    }

    private static String deadline(FormDefinition.DeliveryDeadline deadline) {
        Integer days = deadline.daysAfterIncident();
        return (deadline.time() == null ? "24:00" : deadline.time()) + (days == null || days == 0 ? "" : ", " + days + " day(s) after");
    }

    private static void value(List<FieldChange> out, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(new FieldChange(field, before, after));
        }
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.putIfAbsent(key.apply(item), item));
        return map;
    }
}
