package org.servicepoint.platform.control;

/** Application roles: staff roles come from the library system's realm, the operator role from the operator key or realm. */
public final class Roles {

    public static final String OPERATOR = "operator";
    public static final String STAFF = "staff";
    public static final String PERSON_IN_CHARGE = "person-in-charge";
    public static final String HEADQUARTERS = "headquarters";
    public static final String TENANT_ADMIN = "tenant-admin";

    /** The application roles a library system's realm grants (positions come as "position:<code>"). */
    public static final java.util.Set<String> STAFF_ROLES = java.util.Set.of(STAFF, PERSON_IN_CHARGE, HEADQUARTERS, TENANT_ADMIN);
    public static final String POSITION_PREFIX = "position:";

    private Roles() {
    }
}
