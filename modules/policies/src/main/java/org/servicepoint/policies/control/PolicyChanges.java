package org.servicepoint.policies.control;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.servicepoint.policies.entity.Policy;
import org.servicepoint.policies.entity.PolicyVersion;
import org.servicepoint.tenancy.control.Plan.Action;
import org.servicepoint.tenancy.control.Plan.Change;
import org.servicepoint.tenancy.control.Plan.FieldChange;

/**
 * Makes a library system's stored policies say what checked {@link PolicySpec}s say, or tells what that would
 * change, field by field. Settings change in place; a change to the words or their approval is a new version, and
 * nothing else is; a policy that already says it all is left alone, so a second apply changes nothing. A policy the
 * file leaves out is kept and told as NOT_IN_FILE: a file never deletes a policy with its history. Plain Java over
 * an entity manager bound to the tenant.
 */
public final class PolicyChanges {

    private PolicyChanges() {
    }

    /** An audit line in the caller's transaction. */
    @FunctionalInterface
    public interface Audit {
        void line(String action, String target, String detail);
    }

    /** How to write: the text-search language of new versions, who writes, when, and the audit. Null: plan only. */
    public record Writing(String language, String by, Instant now, Audit audit) {
    }

    /**
     * Plans or applies {@code wanted} for library system {@code slug}; {@code whole} when they are the whole file (the
     * others are then told as NOT_IN_FILE).
     */
    public static List<Change> run(EntityManager db, String slug, List<PolicySpec> wanted, boolean whole, Writing writing) {
        Map<String, Policy> stored = new LinkedHashMap<>();
        PolicyStore.all(db).forEach(p -> stored.put(p.key(), p));
        List<Change> changes = new ArrayList<>();
        for (PolicySpec spec : wanted) {
            Policy policy = stored.remove(spec.key());
            Policy.Settings settings = PolicyDocuments.settings(spec);
            PolicyVersion.Words words = PolicyDocuments.words(spec);
            PolicyVersion current = policy == null ? null : PolicyStore.current(db, policy);
            List<FieldChange> fields = diff(policy == null ? Map.of() : flat(policy.settings(), current.words()), flat(settings, words));
            Action action = policy == null ? Action.CREATE : fields.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
            changes.add(new Change("policy", slug + "/" + spec.key(), action, fields));
            if (writing != null && action != Action.UNCHANGED) {
                int version = write(db, policy, spec.key(), settings, current, words, writing);
                writing.audit().line("policy." + (action == Action.CREATE ? "create" : "update"),
                        "tenant/" + slug + "/policies/" + spec.key(), "version " + version + "; fields: "
                                + fields.stream().map(FieldChange::field).collect(Collectors.joining(", ")));
            }
        }
        if (whole) {
            stored.keySet().forEach(key -> changes.add(new Change("policy", slug + "/" + key, Action.NOT_IN_FILE, List.of())));
        }
        if (writing != null) {
            db.flush();
        }
        return changes;
    }

    /** Writes the change; the version current afterwards. */
    private static int write(EntityManager db, Policy policy, String key, Policy.Settings settings, PolicyVersion current,
                             PolicyVersion.Words words, Writing writing) {
        if (policy == null) {
            Policy created = new Policy(UUID.randomUUID(), key, settings, writing.now());
            db.persist(created);
            // The version references the policy row: make it exist first.
            db.flush();
            db.persist(new PolicyVersion(UUID.randomUUID(), created.id(), 1, words, writing.language(), writing.by(), writing.now()));
            return 1;
        }
        if (!settings.equals(policy.settings())) {
            policy.settle(settings, writing.now());
        }
        if (!words.equals(current.words())) {
            int version = policy.nextVersion(writing.now());
            db.flush();
            db.persist(new PolicyVersion(UUID.randomUUID(), policy.id(), version, words, writing.language(), writing.by(),
                    writing.now()));
        }
        return policy.currentVersion();
    }

    /** A policy as named fields, for the plan. */
    static Map<String, String> flat(Policy.Settings s, PolicyVersion.Words w) {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("category", s.category().wire());
        flat.put("strictness", s.strictness().wire());
        flat.put("strictWhy", s.strictWhy());
        flat.put("exceptionLimits", s.exceptionLimits());
        flat.put("exceptionsBy", s.exceptionsBy().isEmpty() ? null : String.join(", ", s.exceptionsBy()));
        flat.put("owner", s.ownerPosition());
        flat.put("appliesTo", s.appliesTo().isEmpty() ? null : String.join(", ", s.appliesTo()));
        flat.put("title", w.title());
        flat.put("text", w.text());
        flat.put("reason", w.reason());
        flat.put("approval.by", w.approvedBy());
        flat.put("approval.on", w.approvedOn().toString());
        flat.put("effectiveOn", w.effectiveOn().toString());
        return flat;
    }

    static List<FieldChange> diff(Map<String, String> before, Map<String, String> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String was = before.get(field);
            String will = after.get(field);
            if (!Objects.equals(was, will)) {
                changes.add(new FieldChange(field, was, will));
            }
        }
        return changes;
    }
}
