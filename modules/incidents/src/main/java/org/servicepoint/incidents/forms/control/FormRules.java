package org.servicepoint.incidents.forms.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Text;

/**
 * What the JSON Schema cannot say about a form: keys and categories appear once, choices belong to choice
 * fields, lengths stay within their caps, and recipients are positions of the library system. Plain Java.
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
        Set<String> formKeys = new HashSet<>();
        fields(form.fields(), "fields", formKeys, violations);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < form.categories().size(); i++) {
            FormDefinition.Category category = form.categories().get(i);
            String at = "categories[" + i + "]";
            if (!codes.add(category.code())) {
                violations.add(new Violation(at + ".code", Text.of("incidents.form.category-twice", category.code())));
            }
            fields(category.fields(), at + ".fields", new HashSet<>(formKeys), violations);
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
}
