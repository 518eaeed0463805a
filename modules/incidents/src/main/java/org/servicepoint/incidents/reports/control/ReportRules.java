package org.servicepoint.incidents.reports.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.servicepoint.incidents.forms.control.Access;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.incidents.reports.entity.IncidentStatus;
import org.servicepoint.platform.control.Caller;
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

    public static boolean seesAll(Caller caller) {
        return org.servicepoint.platform.control.BranchScope.acrossBranches(caller);
    }

    /** Whether the caller may see a report written by {@code reporter} at {@code branch}. */
    public static boolean sees(Caller caller, TenantId tenant, String reporter, String branch) {
        if (Access.isSystem(caller)) {
            return true;
        }
        if (!Access.isStaff(caller, tenant)) {
            return false;
        }
        return seesAll(caller) || caller.name().equals(reporter)
                || caller.roles().contains(Roles.PERSON_IN_CHARGE) && branch.equals(branch(caller).orElse(null));
    }

    /** The caller's branch, from their token. */
    public static Optional<String> branch(Caller caller) {
        return org.servicepoint.platform.control.BranchScope.ownBranch(caller);
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

    /** What screens may offer on a report; each action is checked again, in full, when it is called. */
    public static final String EDIT = "edit", SIGN = "sign", COUNTERSIGN = "countersign", ADD_ADDENDUM = "add-addendum",
            ACKNOWLEDGE = "acknowledge", CLOSE = "close", RETRY_DELIVERIES = "retry-deliveries";

    /**
     * The actions the caller may take on the report now, by the same rules the actions apply, so that a screen offers
     * only what will be accepted. Empty for anyone but staff (the delivery, the PDF).
     */
    public static List<String> actions(Caller caller, Library library, IncidentReport report) {
        List<String> actions = new ArrayList<>();
        if (caller == null || caller.kind() != Caller.Kind.STAFF) {
            return actions;
        }
        boolean reporter = caller.name().equals(report.reporterUsername());
        boolean headquarters = caller.roles().contains(Roles.HEADQUARTERS);
        IncidentStatus status = report.status();
        if (status == IncidentStatus.DRAFT) {
            if (reporter) {
                actions.add(EDIT);
                if (maySign(caller, library)) {
                    actions.add(SIGN);
                }
            }
            return actions;
        }
        if (report.needsCountersign() && status == IncidentStatus.SUBMITTED && report.countersignedAt() == null && !reporter
                && mayCountersign(caller, library)) {
            actions.add(COUNTERSIGN);
        }
        if (status != IncidentStatus.CLOSED) {
            actions.add(ADD_ADDENDUM);
        }
        if (headquarters && report.readyForDistribution() && report.acknowledgedAt() == null) {
            actions.add(ACKNOWLEDGE);
        }
        if (headquarters && report.acknowledgedAt() != null && report.closedAt() == null) {
            actions.add(CLOSE);
        }
        if (headquarters) {
            actions.add(RETRY_DELIVERIES);
        }
        return actions;
    }
}
