package org.servicepoint.platform.control;

/**
 * Who is acting, handed explicitly to every state change so that scheduled and start-up work
 * (which has no HTTP request) is audited the same way as a person's request.
 */
public record Caller(String name, Kind kind) {

    public enum Kind { OPERATOR, STAFF, SYSTEM, ANONYMOUS }

    public static final Caller SYSTEM = new Caller("system", Kind.SYSTEM);
    public static final Caller ANONYMOUS = new Caller("anonymous", Kind.ANONYMOUS);

    public Caller {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("caller name is required");
        }
    }

    public String auditName() {
        return kind.name().toLowerCase() + ":" + name;
    }
}
