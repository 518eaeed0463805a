package org.servicepoint.staffing.control;

import java.util.List;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * Who may plan and read shifts, absences and coverage. The resources' role checks say the same; the controls
 * check again because they may be called from elsewhere than HTTP.
 */
public final class ScheduleAccess {

    private ScheduleAccess() {
    }

    /** Any staff member of the library system: read shifts, a branch's coverage and week schedule. */
    public static boolean isStaff(Caller caller, TenantId tenant) {
        return caller != null && caller.isStaffOf(tenant);
    }

    /** Persons in charge and tenant administrators of the library system change shifts and absences. */
    public static boolean plans(Caller caller, TenantId tenant) {
        return isStaff(caller, tenant) && plans(caller);
    }

    /** The rules below apply once the caller is known to be staff of the library system in question. */
    private static boolean ownStaff(Caller caller) {
        return caller != null && caller.isStaffOf(caller.tenant());
    }

    /** Persons in charge and tenant administrators change shifts and absences. */
    public static boolean plans(Caller caller) {
        return ownStaff(caller) && (caller.roles().contains(Roles.PERSON_IN_CHARGE) || caller.roles().contains(Roles.TENANT_ADMIN));
    }

    /** Headquarters and tenant administrators see all branches at once (the platform's one branch rule). */
    public static boolean seesAllBranches(Caller caller) {
        return ownStaff(caller) && BranchScope.acrossBranches(caller);
    }

    /**
     * Why someone is away is personal: headquarters and tenant administrators see everyone's, persons in charge
     * those of their own branch's staff, others only their own.
     */
    public static boolean seesBranchAbsences(Caller caller) {
        return plans(caller) || seesAllBranches(caller);
    }

    /** The caller's home branch from their token, if they have one. */
    public static String homeBranch(Caller caller) {
        return caller.attribute("branch").orElse(null);
    }

    /**
     * The branches a coverage request covers: the one named (404 if the library system has no such branch, or it is
     * not the caller's and they are not headquarters or a tenant administrator); without a name all branches for headquarters and tenant administrators, else the caller's
     * home branch (400 if they have none).
     */
    public static List<BranchSpec> branches(TenantSpec spec, Caller caller, String branch) {
        if (branch == null && seesAllBranches(caller)) {
            return spec.branches();
        }
        return List.of(branch(spec, caller, branch));
    }

    /** One branch: the one named, else the caller's home branch. */
    public static BranchSpec branch(TenantSpec spec, Caller caller, String branch) {
        if (branch != null) {
            if (!BranchScope.covers(caller, branch)) {
                // Another branch's schedule is answered as if it did not exist, like another library system's.
                throw Refusal.notFound(Text.of("staffing.not-found.branch-of", branch, spec.slug()));
            }
            return spec.branches().stream().filter(b -> b.code().equals(branch)).findFirst()
                    .orElseThrow(() -> Refusal.notFound(Text.of("staffing.not-found.branch-of", branch, spec.slug())));
        }
        String home = homeBranch(caller);
        return spec.branches().stream().filter(b -> b.code().equals(home)).findFirst()
                .orElseThrow(() -> Refusal.invalid("branch", Text.of("staffing.branch.no-home")));
    }

    static void require(boolean allowed) {
        if (!allowed) {
            throw Refusal.forbidden(Text.of("platform.forbidden.role"));
        }
    }
}
