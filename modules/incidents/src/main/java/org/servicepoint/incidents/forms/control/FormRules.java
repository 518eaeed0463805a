package org.servicepoint.incidents.forms.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.servicepoint.platform.control.Refusal.Violation;

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
                violations.add(new Violation(at + ".code", category.code() + " is listed twice; each category appears once"));
            }
            fields(category.fields(), at + ".fields", new HashSet<>(formKeys), violations);
            if (category.recipients() != null) {
                if (category.recipients().isEmpty()) {
                    violations.add(new Violation(at + ".recipients", "names nobody; leave it out to send these reports to every "
                            + "position that may receive-incident-reports"));
                }
                for (int k = 0; positions != null && k < category.recipients().size(); k++) {
                    String code = category.recipients().get(k);
                    if (!positions.contains(code)) {
                        violations.add(new Violation(at + ".recipients[" + k + "]", "\"" + code + "\" is not a position of this "
                                + "library system (" + String.join(", ", positions.stream().sorted().toList()) + ")"));
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
                violations.add(new Violation(here + ".key", "\"" + field.key() + "\" is used twice; every answer needs a key of its own"));
            }
            FieldType type = FieldType.ofCode(field.type()).orElse(null);
            if (type == null) {
                continue; // the schema names it
            }
            if (type.hasChoices() && (field.choices() == null || field.choices().isEmpty())) {
                violations.add(new Violation(here + ".choices", "is required for a " + type.code() + " field"));
            }
            if (!type.hasChoices() && field.choices() != null) {
                violations.add(new Violation(here + ".choices", "only choice and multi-choice fields have choices"));
            }
            if (field.maxLength() != null) {
                if (!type.isText()) {
                    violations.add(new Violation(here + ".maxLength", "only text and long-text fields have a maximum length"));
                } else if (field.maxLength() > type.maxMaxLength()) {
                    violations.add(new Violation(here + ".maxLength", "must be at most " + type.maxMaxLength() + " for a "
                            + type.code() + " field"));
                }
            }
        }
    }
}
