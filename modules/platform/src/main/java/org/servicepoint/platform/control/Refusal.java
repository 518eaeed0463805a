package org.servicepoint.platform.control;

import java.util.List;

/**
 * A request the rules refuse, with a stable problem type. The boundary turns it into
 * {@code application/problem+json}; nothing has been changed when it is thrown.
 */
public class Refusal extends RuntimeException {

    /**
     * One thing wrong with the input: the field (a path such as {@code branches[2].code}), what is wrong,
     * and, for a document read from a file, where ({@code tenants/x/tenant.yaml:42}).
     */
    public record Violation(String field, String message, String at) {
        public Violation(String field, String message) {
            this(field, message, null);
        }

        @Override
        public String toString() {
            return (at == null ? "" : at + ": ") + field + ": " + message;
        }
    }

    private final String type;
    private final int status;
    private final String title;
    private final List<Violation> violations;

    public Refusal(String type, int status, String title, String detail, List<Violation> violations) {
        super(detail);
        this.type = type;
        this.status = status;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static Refusal notFound(String what) {
        return new Refusal("not-found", 404, "Not found", what + " does not exist", List.of());
    }

    public static Refusal conflict(String detail) {
        return new Refusal("conflict", 409, "Conflict with the current state", detail, List.of());
    }

    public static Refusal invalid(String detail, List<Violation> violations) {
        return new Refusal("invalid-input", 400, "Invalid input", detail, violations);
    }

    public static Refusal invalid(String field, String message) {
        return invalid(field + ": " + message, List.of(new Violation(field, message)));
    }

    public String type() { return type; }
    public int status() { return status; }
    public String title() { return title; }
    public List<Violation> violations() { return violations; }
}
