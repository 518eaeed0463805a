package org.servicepoint.incidents.delivery.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who receives a report: for each position the form names, the people of that position at the report's branch
 * (its branch manager, say); where the branch has none, everyone of that position (the business manager and the
 * director sit at headquarters). Someone holding two of the positions gets one copy.
 */
public final class DeliveryRecipients {

    private DeliveryRecipients() {
    }

    /** {@code roster}: people on the roster today. */
    public static List<Recipient> resolve(List<String> positions, String branch, List<Recipient> roster) {
        Map<Object, Recipient> chosen = new LinkedHashMap<>();
        for (String position : positions) {
            List<Recipient> holders = roster.stream().filter(r -> position.equals(r.position())).toList();
            List<Recipient> atBranch = holders.stream().filter(r -> branch.equals(r.branch())).toList();
            List<Recipient> pick = atBranch.isEmpty() ? holders : atBranch;
            if (pick.isEmpty()) {
                chosen.putIfAbsent("nobody:" + position, new Recipient(null, "nobody holds " + position, position, null, null));
            }
            for (Recipient r : pick) {
                chosen.putIfAbsent(r.staffMemberId() == null ? (Object) ("name:" + r.name()) : r.staffMemberId(), r);
            }
        }
        return List.copyOf(new ArrayList<>(chosen.values()));
    }

    /** Headquarters, told of an overdue report: who may receive reports at the headquarters branch (else anywhere). */
    public static List<Recipient> headquarters(List<String> receivingPositions, String headquartersBranch, List<Recipient> roster) {
        List<Recipient> receiving = roster.stream().filter(r -> receivingPositions.contains(r.position())).toList();
        List<Recipient> atHq = receiving.stream().filter(r -> r.branch() != null && r.branch().equals(headquartersBranch)).toList();
        Map<UUID, Recipient> unique = new LinkedHashMap<>();
        (atHq.isEmpty() ? receiving : atHq).forEach(r -> unique.putIfAbsent(r.staffMemberId(), r));
        return List.copyOf(unique.values());
    }
}
