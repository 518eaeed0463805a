package org.servicepoint.policies.control;

import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

/** Who may do what with policies. */
public final class PolicyRules {

    private PolicyRules() {
    }

    /** The library system's staff read its policies; the system (start-up, scheduled work) reads every one. */
    public static boolean reads(Caller caller, TenantId tenant) {
        return caller != null && (caller.kind() == Caller.Kind.SYSTEM || caller.isStaffOf(tenant));
    }

    /** Tenant administrators edit policies through the API (the operator through policies.yaml). */
    public static boolean edits(Caller caller, TenantId tenant) {
        return caller != null && caller.isStaffOf(tenant) && caller.roles().contains(Roles.TENANT_ADMIN);
    }
}
