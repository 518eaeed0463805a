package org.servicepoint.incidents.forms.control;

import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * Who is staff of this library system, and the one refusal when they are not: asked by forms, reports and delivery
 * alike, so it lives in the component the others build on.
 */
public final class Access {

    private Access() {
    }

    /** The platform's one rule ({@link Caller#isStaffOf}); the name stays for the incident workflow's callers. */
    public static boolean isStaff(Caller caller, TenantId tenant) {
        return caller != null && caller.isStaffOf(tenant);
    }

    public static boolean isSystem(Caller caller) {
        return caller != null && caller.kind() == Caller.Kind.SYSTEM;
    }

    public static Refusal forbidden(Text why) {
        return Refusal.forbidden(why);
    }

    public static void require(boolean allowed, Text why) {
        if (!allowed) {
            throw forbidden(why);
        }
    }
}
