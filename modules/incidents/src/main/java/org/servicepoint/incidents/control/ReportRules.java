package org.servicepoint.incidents.control;

import java.util.List;
import java.util.Optional;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

/**
 * Who may see and do what with incident reports. The reporter and the persons in charge of the report's branch
 * see it, headquarters and tenant administrators see every report, and desk staff see their own. Signing follows
 * the positions of the chain of command. The resources' role checks say the same in brief; these are checked
 * again here because a control may be called from elsewhere than HTTP. Plain Java.
 */
public final class ReportRules {

    private ReportRules() {
    }

    public static boolean isStaff(Caller caller, TenantId tenant) {
        return caller != null && caller.kind() == Caller.Kind.STAFF && tenant.equals(caller.tenant())
                && caller.roles().stream().anyMatch(Roles.STAFF_ROLES::contains);
    }

    public static boolean isSystem(Caller caller) {
        return caller != null && caller.kind() == Caller.Kind.SYSTEM;
    }

    public static boolean seesAll(Caller caller) {
        return caller.roles().contains(Roles.HEADQUARTERS) || caller.roles().contains(Roles.TENANT_ADMIN);
    }

    /** Whether the caller may see a report written by {@code reporter} at {@code branch}. */
    public static boolean sees(Caller caller, TenantId tenant, String reporter, String branch) {
        if (isSystem(caller)) {
            return true;
        }
        if (!isStaff(caller, tenant)) {
            return false;
        }
        return seesAll(caller) || caller.name().equals(reporter)
                || caller.roles().contains(Roles.PERSON_IN_CHARGE) && branch.equals(branch(caller).orElse(null));
    }

    /** The caller's branch, from their token. */
    public static Optional<String> branch(Caller caller) {
        return caller.attribute("branch").filter(b -> !b.isBlank());
    }

    /** The caller's position code: the token's claim, else a {@code position:<code>} role. */
    public static Optional<String> position(Caller caller) {
        Optional<String> claimed = caller.attribute("position").filter(p -> !p.isBlank());
        if (claimed.isPresent()) {
            return claimed;
        }
        return caller.roles().stream().filter(r -> r.startsWith(Roles.POSITION_PREFIX))
                .map(r -> r.substring(Roles.POSITION_PREFIX.length())).sorted().findFirst();
    }

    public static boolean mayCountersign(Caller caller, Library library) {
        return caller.roles().contains(Roles.PERSON_IN_CHARGE) && library.positionMay(position(caller).orElse(null), Library.COUNTERSIGN);
    }

    public static boolean maySign(Caller caller, Library library) {
        return library.positionMay(position(caller).orElse(null), Library.SIGN);
    }

    public static Refusal forbidden(String why) {
        return new Refusal("forbidden", 403, "Forbidden", why, List.of());
    }

    public static void require(boolean allowed, String why) {
        if (!allowed) {
            throw forbidden(why);
        }
    }
}
