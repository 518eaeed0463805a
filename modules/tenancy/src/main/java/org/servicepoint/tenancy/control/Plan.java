package org.servicepoint.tenancy.control;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What applying tenant documents changes (or changed): per tenant and branch, field by field. */
@Schema(name = "Plan")
public record Plan(boolean applied, List<Change> changes) {

    public enum Action { CREATE, UPDATE, UNCHANGED, NOT_IN_FILE }

    /**
     * One tenant ({@code riverbend}) or branch ({@code riverbend/HQ}). {@code drift} is set only on a change that would
     * replace an edit made in the app since its file was last applied (docs/decisions/0014).
     */
    public record Change(String kind, String key, Action action, List<FieldChange> fields,
                         @Schema(description = "only when the app changed this since its file was last applied",
                                 example = "edited in the app by dee on 2026-12-04 (since tenant.yaml was last applied)")
                         String drift) {

        public Change(String kind, String key, Action action, List<FieldChange> fields) {
            this(kind, key, action, fields, null);
        }

        /** This change, told that it replaces an edit made in the app, if it changes anything. */
        public Change drifted(String why) {
            return action == Action.CREATE || action == Action.UPDATE ? new Change(kind, key, action, fields, why) : this;
        }
    }

    /** A field's value before and after; null where it has none. */
    public record FieldChange(String field, String before, String after) {
    }

    public boolean changesAnything() {
        return changes.stream().anyMatch(c -> c.action() == Action.CREATE || c.action() == Action.UPDATE);
    }

    /** The plan as a person reads it on a terminal. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Change change : changes) {
            out.append(change.kind()).append(' ').append(change.key()).append(": ")
                    .append(switch (change.action()) {
                        case CREATE -> "create";
                        case UPDATE -> "update";
                        case UNCHANGED -> "unchanged";
                        case NOT_IN_FILE -> "not in the file (kept as it is)";
                    }).append('\n');
            if (change.drift() != null) {
                out.append("    ! ").append(change.drift()).append('\n');
            }
            if (change.action() != Action.UNCHANGED) {
                for (FieldChange field : change.fields()) {
                    out.append("    ").append(field.field()).append(": ")
                            .append(show(field.before())).append(" -> ").append(show(field.after())).append('\n');
                }
            }
        }
        long creates = changes.stream().filter(c -> c.action() == Action.CREATE).count();
        long updates = changes.stream().filter(c -> c.action() == Action.UPDATE).count();
        out.append(applied ? "Applied: " : "Plan: ").append(creates).append(" to create, ").append(updates)
                .append(" to update").append(changesAnything() ? "" : " (no change)").append('\n');
        return out.toString();
    }

    private static String show(String value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }
}
