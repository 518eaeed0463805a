package org.servicepoint.confidentiality.control;

import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * Who may do what with confidential records. The boundary's role checks say the same; these are checked
 * again in the controls, because a control may be called from elsewhere than HTTP.
 */
public final class Access {

    private Access() {
    }

    /** Persons in charge and headquarters may see what a patron reference holds (last four, name). */
    public static boolean reveals(Caller caller, TenantId tenant) {
        return isStaff(caller, tenant) && (caller.roles().contains(Roles.PERSON_IN_CHARGE) || caller.roles().contains(Roles.HEADQUARTERS));
    }

    /** Any staff member of the library system: log a request, make or look up a patron reference. */
    public static boolean isStaff(Caller caller, TenantId tenant) {
        return caller != null && caller.isStaffOf(tenant);
    }

    public static boolean administers(Caller caller, TenantId tenant) {
        return isStaff(caller, tenant) && caller.roles().contains(Roles.TENANT_ADMIN);
    }

    /** For the rules on one record, read after {@link #isStaff} let the caller into the record's library system. */
    static boolean ownStaff(Caller caller) {
        return caller != null && caller.isStaffOf(caller.tenant());
    }

    static void require(boolean allowed) {
        if (!allowed) {
            throw Refusal.forbidden(Text.of("platform.forbidden.role"));
        }
    }

    /** Scheduled work runs as the system and may do what the schedule needs. */
    static boolean isSystem(Caller caller) {
        return caller != null && caller.kind() == Caller.Kind.SYSTEM;
    }
}
