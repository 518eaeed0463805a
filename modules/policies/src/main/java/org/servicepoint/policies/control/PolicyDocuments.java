package org.servicepoint.policies.control;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.SchemaDocuments;
import org.servicepoint.platform.control.Text;
import org.servicepoint.policies.entity.Policy;
import org.servicepoint.policies.entity.PolicyCategory;
import org.servicepoint.policies.entity.PolicyVersion;
import org.servicepoint.policies.entity.Strictness;

/**
 * Reads {@code policies.yaml} (and one policy as a JSON body) with the platform's {@link SchemaDocuments}: against
 * {@code policies.schema.json}, then against the library system's positions. Every problem is named by file, line and
 * field; a document with any problem is refused whole.
 */
public final class PolicyDocuments {

    public static final String FILE_NAME = "policies.yaml";
    /** The permission a position needs to approve an exception to a flexible policy. */
    public static final String GRANT = "grant-policy-exceptions";

    private static final SchemaDocuments DOCUMENTS = SchemaDocuments.described(
            "https://servicepoint.invalid/schemas/policies-v1.json", "org/servicepoint/policies/policies.schema.json");
    private static final JsonSchema FILE = DOCUMENTS.schema("");
    private static final JsonSchema ONE = DOCUMENTS.schema("#/$defs/policy");

    private PolicyDocuments() {
    }

    /**
     * The library system's positions: every code, and the codes that may grant exceptions ({@code granting} null when
     * not known yet, e.g. a library system planned in the same run: then only the codes are checked).
     */
    public record Positions(Set<String> codes, Set<String> granting) {
    }

    /** A whole {@code policies.yaml}, checked. */
    public static List<PolicySpec> readFile(String source, String text, Positions positions) {
        SchemaDocuments.Read<PolicySpec.File> read = DOCUMENTS.read(source, text, InputFormat.YAML, FILE, PolicySpec.File.class);
        List<Violation> findings = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<PolicySpec> policies = read.value().policies();
        for (int i = 0; i < policies.size(); i++) {
            String at = "policies[" + i + "]";
            if (!keys.add(policies.get(i).key())) {
                findings.add(new Violation(at + ".key", Text.of("policies.file.key-twice", policies.get(i).key())));
            }
            findings.addAll(check(at + ".", policies.get(i), positions));
        }
        return read.checked(findings).policies();
    }

    /** One policy as a JSON body (the editing API); {@code key} is the one in the path. */
    public static PolicySpec readOne(String key, String json, Positions positions) {
        SchemaDocuments.Read<PolicySpec> read = DOCUMENTS.read("body", json, InputFormat.JSON, ONE, PolicySpec.class);
        List<Violation> findings = new ArrayList<>(check("", read.value(), positions));
        if (!key.equals(read.value().key())) {
            findings.add(new Violation("key", Text.of("policies.body.key-not-path", key)));
        }
        return read.checked(findings);
    }

    /** The rules beyond the schema, for one policy; {@code at} prefixes each field named. */
    static List<Violation> check(String at, PolicySpec p, Positions positions) {
        List<Violation> found = new ArrayList<>();
        boolean strict = Strictness.ofWire(p.strictness()) == Strictness.STRICT;
        if (strict) {
            if (p.strictWhy() == null) {
                found.add(new Violation(at + "strictWhy", Text.of("policies.strict.why-required")));
            }
            if (p.exceptionLimits() != null) {
                found.add(new Violation(at + "exceptionLimits", Text.of("policies.strict.no-exceptions")));
            }
            if (!p.exceptionsBy().isEmpty()) {
                found.add(new Violation(at + "exceptionsBy", Text.of("policies.strict.no-exceptions")));
            }
        } else {
            if (p.exceptionLimits() == null) {
                found.add(new Violation(at + "exceptionLimits", Text.of("policies.flexible.limits-required")));
            }
            if (p.strictWhy() != null) {
                found.add(new Violation(at + "strictWhy", Text.of("policies.flexible.no-strict-why")));
            }
        }
        position(found, at + "owner", p.owner(), positions);
        for (int i = 0; i < p.appliesTo().size(); i++) {
            position(found, at + "appliesTo[" + i + "]", p.appliesTo().get(i), positions);
        }
        for (int i = 0; i < p.exceptionsBy().size(); i++) {
            String code = p.exceptionsBy().get(i);
            if (position(found, at + "exceptionsBy[" + i + "]", code, positions)
                    && positions.granting() != null && !positions.granting().contains(code)) {
                found.add(new Violation(at + "exceptionsBy[" + i + "]", Text.of("policies.position.may-not-grant", code, GRANT)));
            }
        }
        plain(found, at + "title", p.title(), PolicyVersion.TITLE_MAX, false);
        plain(found, at + "text", p.text(), PolicyVersion.TEXT_MAX, true);
        plain(found, at + "reason", p.reason(), PolicyVersion.REASON_MAX, true);
        plain(found, at + "strictWhy", p.strictWhy(), 2000, true);
        plain(found, at + "exceptionLimits", p.exceptionLimits(), 2000, true);
        plain(found, at + "approval.by", p.approval().by(), PolicyVersion.APPROVED_BY_MAX, false);
        LocalDate approved = date(found, at + "approval.on", p.approval().on());
        LocalDate effective = date(found, at + "effectiveOn", p.effectiveOn());
        if (approved != null && effective != null && effective.isBefore(approved)) {
            found.add(new Violation(at + "effectiveOn", Text.of("policies.effective.before-approval")));
        }
        return found;
    }

    /** The policy's settings and words once checked (the rules above hold, so the entities accept them). */
    static Policy.Settings settings(PolicySpec p) {
        return new Policy.Settings(PolicyCategory.ofWire(p.category()), Strictness.ofWire(p.strictness()), clean(p.strictWhy()),
                clean(p.exceptionLimits()), p.exceptionsBy(), p.owner(), p.appliesTo());
    }

    static PolicyVersion.Words words(PolicySpec p) {
        return new PolicyVersion.Words(clean(p.title()), clean(p.text()), clean(p.reason()), clean(p.approval().by()),
                LocalDate.parse(p.approval().on()), LocalDate.parse(p.effectiveOn()));
    }

    private static String clean(String text) {
        return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static boolean position(List<Violation> found, String field, String code, Positions positions) {
        if (!positions.codes().contains(code)) {
            found.add(new Violation(field, Text.of("policies.position.unknown", code)));
            return false;
        }
        return true;
    }

    private static void plain(List<Violation> found, String field, String value, int max, boolean multiline) {
        if (value == null) {
            return;
        }
        try {
            FreeText.check(field, value, max, true, multiline);
        } catch (Refusal refusal) {
            refusal.violations().forEach(v -> found.add(v.text() == null ? new Violation(field, v.message())
                    : new Violation(field, v.text())));
        }
    }

    private static LocalDate date(List<Violation> found, String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            found.add(new Violation(field, Text.of("policies.date.calendar", value)));
            return null;
        }
    }
}
