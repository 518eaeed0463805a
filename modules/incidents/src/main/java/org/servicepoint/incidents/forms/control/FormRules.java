package org.servicepoint.incidents.forms.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Text;

/**
 * What the JSON Schema cannot say about a form: keys and categories appear once, choices belong to choice
 * fields, lengths stay within their caps, recipients are positions of the library system, no text is only spaces,
 * and no two questions asked together share a label. Plain Java; the editor's plan and every publication ask it.
 */
public final class FormRules {

    private FormRules() {
    }

    /**
     * Every problem of a form that already passed the schema, with its field path. {@code positions} are the library
     * system's position codes; null when they are not known (then recipients are not checked).
     */
    public static List<Violation> check(FormDefinition form, Set<String> positions) {
        List<Violation> violations = new ArrayList<>();
        notBlank("title", form.title(), violations);
        lines("guidance", form.guidance(), violations);
        Set<String> formKeys = new HashSet<>();
        fields(form.fields(), "fields", formKeys, violations);
        Set<String> formLabels = new HashSet<>();
        labels(form.fields(), "fields", formLabels, violations);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < form.categories().size(); i++) {
            FormDefinition.Category category = form.categories().get(i);
            String at = "categories[" + i + "]";
            if (!codes.add(category.code())) {
                violations.add(new Violation(at + ".code", Text.of("incidents.form.category-twice", category.code())));
            }
            notBlank(at + ".title", category.title(), violations);
            lines(at + ".guidance", category.guidance(), violations);
            fields(category.fields(), at + ".fields", new HashSet<>(formKeys), violations);
            labels(category.fields(), at + ".fields", new HashSet<>(formLabels), violations);
            if (category.recipients() != null) {
                if (category.recipients().isEmpty()) {
                    violations.add(new Violation(at + ".recipients", Text.of("incidents.form.recipients-empty")));
                }
                for (int k = 0; positions != null && k < category.recipients().size(); k++) {
                    String code = category.recipients().get(k);
                    if (!positions.contains(code)) {
                        violations.add(new Violation(at + ".recipients[" + k + "]", Text.of("incidents.form.position-unknown", code,
                                String.join(", ", positions.stream().sorted().toList()))));
                    }
                }
            }
        }
        return violations;
    }

    private static void fields(List<FormDefinition.Field> fields, String at, Set<String> taken, List<Violation> violations) {
        for (int j = 0; j < fields.size(); j++) {
            FormDefinition.Field field = fields.get(j);
            String here = at + "[" + j + "]";
            if (!taken.add(field.key())) {
                violations.add(new Violation(here + ".key", Text.of("incidents.form.key-twice", field.key())));
            }
            notBlank(here + ".label", field.label(), violations);
            notBlank(here + ".help", field.help(), violations);
            if (field.choices() != null) {
                lines(here + ".choices", field.choices(), violations);
            }
            FieldType type = FieldType.ofCode(field.type()).orElse(null);
            if (type == null) {
                continue; // the schema names it
            }
            if (type.hasChoices() && (field.choices() == null || field.choices().isEmpty())) {
                violations.add(new Violation(here + ".choices", Text.of("incidents.form.choices-required", type.code())));
            }
            if (!type.hasChoices() && field.choices() != null) {
                violations.add(new Violation(here + ".choices", Text.of("incidents.form.choices-only")));
            }
            if (field.maxLength() != null) {
                if (!type.isText()) {
                    violations.add(new Violation(here + ".maxLength", Text.of("incidents.form.max-length-only")));
                } else if (field.maxLength() > type.maxMaxLength()) {
                    violations.add(new Violation(here + ".maxLength", Text.of("incidents.form.max-length-limit", type.maxMaxLength(),
                            type.code())));
                }
            }
        }
    }

    /**
     * Labels are what staff and screen readers tell questions apart by: two questions of one report (the form's own and
     * a category's) may not share one, ignoring case and spaces at the ends.
     */
    private static void labels(List<FormDefinition.Field> fields, String at, Set<String> taken, List<Violation> violations) {
        for (int j = 0; j < fields.size(); j++) {
            String label = fields.get(j).label();
            if (label != null && !label.isBlank() && !taken.add(label.strip().toLowerCase(Locale.ROOT))) {
                violations.add(new Violation(at + "[" + j + "].label", Text.of("incidents.form.label-twice", label.strip())));
            }
        }
    }

    /** Text that is only spaces passes the schema's minimum length but is stripped to nothing when normalised. */
    private static void notBlank(String at, String text, List<Violation> violations) {
        if (text != null && text.isBlank()) {
            violations.add(new Violation(at, Text.of("incidents.form.blank")));
        }
    }

    private static void lines(String at, List<String> lines, List<Violation> violations) {
        for (int k = 0; k < lines.size(); k++) {
            notBlank(at + "[" + k + "]", lines.get(k), violations);
        }
    }
}
