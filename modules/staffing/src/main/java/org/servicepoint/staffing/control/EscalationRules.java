package org.servicepoint.staffing.control;

import java.util.Map;
import java.util.UUID;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.staffing.control.ChainOfCommand.Person;

/**
 * Who sees an escalation and who records how it ended. Notes may describe patrons, so: headquarters and tenant
 * administrators see every escalation, persons in charge those of their own branch, and everyone the ones they
 * reported or that were routed to them. The outcome is recorded by the person the rules routed it to, or by someone
 * of the same or a higher position who may handle the situation (at its branch, the routed person's branch or
 * headquarters); never by anyone else in charge, which would leave the right person a 409. Plain Java.
 */
public final class EscalationRules {

    private EscalationRules() {
    }

    /** Where the rules routed an escalation; all null when nobody could be found (or for rows older than routing). */
    public record Routed(UUID staffMemberId, String username, String positionCode, String branch) {
    }

    /** Whether the caller sees an escalation at {@code branch}, reported by {@code reportedBy}, routed to {@code routed}. */
    public static boolean sees(Caller caller, String branch, String reportedBy, Routed routed) {
        if (caller == null || caller.kind() != Caller.Kind.STAFF) {
            return false;
        }
        if (BranchScope.acrossBranches(caller) || caller.auditName().equals(reportedBy)
                || routed != null && caller.name().equals(routed.username())) {
            return true;
        }
        return caller.roles().contains(Roles.PERSON_IN_CHARGE) && BranchScope.covers(caller, branch);
    }

    /**
     * Whether {@code me} (the caller's roster entry today, or null) may record the outcome of an escalation of
     * {@code situation} at {@code branch}.
     *
     * @param rank rank of each position code in the chain of command, lowest first (1 = lowest)
     */
    public static boolean mayDecide(Person me, Situation situation, String branch, String headquartersBranch, Routed routed,
                                    Map<String, Integer> rank) {
        if (me == null) {
            return false;
        }
        if (routed != null && me.id().equals(routed.staffMemberId())) {
            return true;
        }
        if (me.neverDecides() || !me.mayDo(situation.permission())) {
            return false;
        }
        boolean place = me.branchCode().equals(branch) || me.branchCode().equals(headquartersBranch)
                || routed != null && me.branchCode().equals(routed.branch());
        if (routed == null || routed.positionCode() == null) {
            // Nobody was found when it was raised: whoever may handle it there, or at headquarters, decides.
            return place;
        }
        Integer routedRank = rank.get(routed.positionCode());
        return place && (routedRank == null || me.rank() >= routedRank);
    }

    static Refusal notYours() {
        return Refusal.forbidden(Text.of("staffing.escalation.not-yours"));
    }
}
