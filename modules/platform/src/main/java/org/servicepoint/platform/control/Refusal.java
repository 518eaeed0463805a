package org.servicepoint.platform.control;

import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A request the rules refuse, with a stable problem type. The boundary turns it into
 * {@code application/problem+json}; nothing has been changed when it is thrown. A detail or message given as a
 * {@link Text} is written in the reply's language; {@link #getMessage()} and {@link Violation#message()} are English.
 */
public class Refusal extends RuntimeException {

    /**
     * One thing wrong with the input: the field (a path such as {@code branches[2].code}), what is wrong,
     * and, for a document read from a file, where ({@code tenants/x/tenant.yaml:42}).
     */
    public record Violation(String field, String message, String at,
            @JsonbTransient @Schema(hidden = true) Text text) {
        public Violation(String field, String message, String at) {
            this(field, message, at, null);
        }

        public Violation(String field, String message) {
            this(field, message, null, null);
        }

        public Violation(String field, Text message) {
            this(field, message, null);
        }

        public Violation(String field, Text message, String at) {
            this(field, message.english(), at, message);
        }

        /** This violation with its message in {@code language}, for the wire. */
        public Violation in(Locale language) {
            return text == null ? this : new Violation(field, text.in(language), at);
        }

        /** The message as words to put into another text: the {@link Text} if it has one, else the plain message. */
        public Object wording() {
            return text == null ? message : text;
        }

        /** The whole line, {@code at: field: message}, as words that can be said in another language. */
        public Text said() {
            Object what = wording();
            return at == null ? Text.of("platform.violation", field, what) : Text.of("platform.violation-at", at, field, what);
        }

        /** Equal when they say the same in English: how a message was made does not matter. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Violation v && Objects.equals(field, v.field) && Objects.equals(message, v.message)
                    && Objects.equals(at, v.at);
        }

        @Override
        public int hashCode() {
            return Objects.hash(field, message, at);
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
    private final transient Text detail;

    public Refusal(String type, int status, String title, String detail, List<Violation> violations) {
        this(type, status, title, detail, null, violations);
    }

    public Refusal(String type, int status, String title, Text detail, List<Violation> violations) {
        this(type, status, title, detail.english(), detail, violations);
    }

    private Refusal(String type, int status, String title, String english, Text detail, List<Violation> violations) {
        super(english);
        this.type = type;
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
    }

    public static Refusal notFound(String what) {
        return new Refusal("not-found", 404, "Not found", what + " does not exist", List.of());
    }

    public static Refusal notFound(Text detail) {
        return new Refusal("not-found", 404, "Not found", detail, List.of());
    }

    public static Refusal conflict(Text detail) {
        return new Refusal("conflict", 409, "Conflict with the current state", detail, List.of());
    }

    public static Refusal forbidden(Text detail) {
        return new Refusal("forbidden", 403, "Forbidden", detail, List.of());
    }

    public static Refusal invalid(Text detail, List<Violation> violations) {
        return new Refusal("invalid-input", 400, "Invalid input", detail, violations);
    }

    public static Refusal invalid(String field, Text message) {
        Violation violation = new Violation(field, message);
        return invalid(violation.said(), List.of(violation));
    }

    /** One violation, its detail {@code field: message}. */
    public static Refusal invalid(Violation violation) {
        return invalid(Text.of("platform.violation", violation.field(), violation.wording()), List.of(violation));
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

    /** The English words with each violation on a line of its own: how start-up logs a refused file. */
    public String forLog() {
        return getMessage() + violations.stream().map(v -> "\n  " + v).reduce("", String::concat);
    }

    /** The detail in {@code language}. */
    public String detail(Locale language) {
        return detail == null ? getMessage() : detail.in(language);
    }

    /** The violations with their messages in {@code language}. */
    public List<Violation> violations(Locale language) {
        return violations.stream().map(v -> v.in(language)).toList();
    }
}
