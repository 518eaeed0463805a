package org.servicepoint.patronrequests.complaints.control;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.servicepoint.patronrequests.control.PatronRequestRules;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Who hears of a complaint, as plain Java over the roster: the holders of the handling position today; without one
 * (no patron-requests.yaml, or nobody holds it), the persons in charge of the complaint's branch, i.e. the holders of
 * the most senior position there that may be in charge. Headquarters: the holders of the rules' headquarters
 * positions, else the persons in charge of the headquarters branch.
 */
public final class ComplaintRouting {

    static final String BE_IN_CHARGE = "be-in-charge";

    private ComplaintRouting() {
    }

    /** The people told first of a complaint at {@code branch} handled by the position {@code handledBy} (null: none). */
    public static List<StaffRecord> handlers(String handledBy, String branch, TenantOutline library, Collection<StaffRecord> roster) {
        if (handledBy != null) {
            List<StaffRecord> holders = roster.stream().filter(StaffRecord::active).filter(r -> handledBy.equals(r.position())).toList();
            if (!holders.isEmpty()) {
                return holders;
            }
        }
        return inCharge(branch, library, roster);
    }

    /** Headquarters: told at once of some categories, and of overdue complaints. */
    public static List<StaffRecord> headquarters(PatronRequestRules.Complaints rules, TenantOutline library, Collection<StaffRecord> roster) {
        List<StaffRecord> holders = roster.stream().filter(StaffRecord::active).filter(r -> rules.headquarters().contains(r.position()))
                .toList();
        if (!holders.isEmpty()) {
            return holders;
        }
        return library.branches().stream().filter(TenantOutline.BranchName::headquarters).findFirst()
                .map(hq -> inCharge(hq.code(), library, roster)).orElse(List.of());
    }

    /** Whether the caller is one of these people (by the username they sign in with). */
    public static boolean among(Caller caller, Collection<StaffRecord> people) {
        return caller != null && caller.kind() == Caller.Kind.STAFF
                && people.stream().anyMatch(p -> p.username() != null && p.username().equals(caller.name()));
    }

    /** Whether the caller holds the position {@code position} today. */
    public static boolean holds(Caller caller, String position, Collection<StaffRecord> roster) {
        return position != null && among(caller, roster.stream().filter(StaffRecord::active).filter(r -> position.equals(r.position())).toList());
    }

    private static List<StaffRecord> inCharge(String branch, TenantOutline library, Collection<StaffRecord> roster) {
        Set<String> may = library.positionsThatMay(BE_IN_CHARGE);
        // The outline lists positions lowest first: the later, the more senior.
        List<String> order = library.positions().stream().map(p -> p.code()).toList();
        List<StaffRecord> there = roster.stream().filter(StaffRecord::active).filter(r -> branch.equals(r.branch()))
                .filter(r -> may.contains(r.position())).toList();
        int top = there.stream().mapToInt(r -> order.indexOf(r.position())).max().orElse(-1);
        return there.stream().filter(r -> order.indexOf(r.position()) == top).toList();
    }
}
