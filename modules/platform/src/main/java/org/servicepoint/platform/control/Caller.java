package org.servicepoint.platform.control;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.servicepoint.platform.entity.TenantId;

/**
 * Who is acting, handed explicitly to every state change so that scheduled and start-up work
 * (which has no HTTP request) is audited the same way as a person's request. A staff member's tenant
 * comes only from the validated token that authenticated them.
 */
public record Caller(String name, Kind kind, TenantId tenant, Set<String> roles, Map<String, String> attributes) {

    public enum Kind { OPERATOR, STAFF, SYSTEM, ANONYMOUS }

    public static final Caller SYSTEM = new Caller("system", Kind.SYSTEM);
    public static final Caller ANONYMOUS = new Caller("anonymous", Kind.ANONYMOUS);

    public Caller {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("caller name is required");
        }
        if (kind == Kind.STAFF && tenant == null) {
            throw new IllegalArgumentException("a staff member always belongs to a tenant");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public Caller(String name, Kind kind) {
        this(name, kind, null, Set.of(), Map.of());
    }

    public static Caller operator(String name) {
        return new Caller(name, Kind.OPERATOR, null, Set.of(Roles.OPERATOR), Map.of());
    }

    public static Caller staff(String username, TenantId tenant, Set<String> roles, Map<String, String> attributes) {
        return new Caller(username, Kind.STAFF, tenant, roles, attributes);
    }

    /** The staff member's tenant; empty for operators, the system and anonymous callers. */
    public Optional<TenantId> tenantOfStaff() {
        return kind == Kind.STAFF ? Optional.of(tenant) : Optional.empty();
    }

    /**
     * Whether this caller is a staff member of {@code library}: signed in through that library system's realm and
     * holding one of the staff roles. Operators, the system and anonymous callers are staff of no library system.
     */
    public boolean isStaffOf(TenantId library) {
        return kind == Kind.STAFF && tenant.equals(library) && roles.stream().anyMatch(Roles.STAFF_ROLES::contains);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public String auditName() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + name;
    }
}
