package org.servicepoint.staffing.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.servicepoint.staffing.entity.EmploymentType;

/**
 * The chain-of-command rules, as plain Java: who is in charge of a branch and to whom a situation goes,
 * given who is on duty. What each position may do comes from the library system's tenant file; the rules
 * that hold everywhere are these: volunteers and pages never decide; a substitute decides only when no
 * permanent staff member is on duty (unless the library system says otherwise); the highest-ranked person
 * who may, decides; with nobody qualified on duty the situation goes to headquarters.
 */
public final class ChainOfCommand {

    /** Someone on the roster; {@code onDuty} says whether they are working at that moment. */
    public record Person(UUID id, String tagName, String username, String positionCode, String positionName, int rank,
                         Set<String> may, EmploymentType employment, String branchCode) {
        boolean mayDo(String permission) {
            return may.contains(permission);
        }

        boolean neverDecides() {
            return employment == EmploymentType.VOLUNTEER || employment == EmploymentType.PAGE;
        }
    }

    /** A library system's own rules. */
    public record Rules(boolean substitutesOnlyWithoutPermanentStaff, String notifyWhenAbsent, String headquartersBranch) {
    }

    /** Someone to tell, and why. */
    public record Notice(Person person, String why) {
    }

    /** Who decides (empty: nobody could be found, not even at headquarters), why, and who must be told. */
    public record Decision(Optional<Person> decides, boolean atHeadquarters, String reason, List<Notice> notices) {
    }

    private static final String BE_IN_CHARGE = "be-in-charge";
    private static final Comparator<Person> SENIOR_FIRST = Comparator.comparingInt(Person::rank).reversed()
            .thenComparing(Person::tagName);

    private ChainOfCommand() {
    }

    /** The person in charge of a branch now, from the people on duty there; empty → headquarters is. */
    public static Optional<Person> inCharge(List<Person> onDutyAtBranch, Rules rules) {
        return choose(onDutyAtBranch, BE_IN_CHARGE, rules);
    }

    /**
     * To whom a situation at a branch goes.
     *
     * @param onDutyAtBranch       people working at the branch now
     * @param onDutyAtHeadquarters people working at headquarters now
     * @param roster               everyone on the library system's roster today (on duty or not)
     */
    public static Decision escalate(Situation situation, String branchCode, List<Person> onDutyAtBranch,
                                    List<Person> onDutyAtHeadquarters, List<Person> roster, Rules rules) {
        Map<UUID, Notice> notify = new LinkedHashMap<>();
        Optional<Person> local = choose(onDutyAtBranch, situation.permission(), rules);
        Person decides;
        boolean headquarters;
        String reason;
        if (local.isPresent()) {
            decides = local.get();
            headquarters = false;
            reason = decides.tagName() + " (" + decides.positionName() + ") is the most senior person on duty at "
                    + branchCode + " who may " + words(situation.permission());
            if (decides.employment() == EmploymentType.SUBSTITUTE) {
                // A substitute deciding alone: headquarters hears of it at once.
                tell(notify, holders(roster, rules.headquartersBranch(), "receive-incident-reports"),
                        "a substitute is handling \"" + situation.title() + "\" at " + branchCode);
            }
        } else {
            Optional<Person> atHq = choose(onDutyAtHeadquarters, situation.permission(), rules)
                    .or(() -> holders(roster, rules.headquartersBranch(), situation.permission()).stream().findFirst())
                    .or(() -> holders(roster, null, situation.permission()).stream().findFirst());
            headquarters = true;
            if (atHq.isEmpty()) {
                return new Decision(Optional.empty(), true, "nobody in the library system may "
                        + words(situation.permission()) + "; check the chain of command", List.of());
            }
            decides = atHq.get();
            reason = "nobody on duty at " + branchCode + " may " + words(situation.permission()) + "; it goes to "
                    + decides.tagName() + " (" + decides.positionName() + ")";
        }
        if (rules.notifyWhenAbsent() != null) {
            List<Person> absent = roster.stream()
                    .filter(p -> p.branchCode().equals(branchCode) && p.positionCode().equals(rules.notifyWhenAbsent()))
                    .filter(p -> onDutyAtBranch.stream().noneMatch(o -> o.id().equals(p.id())))
                    .filter(p -> !p.id().equals(decides.id()))
                    .toList();
            tell(notify, absent, decides.tagName() + " decided about \"" + situation.title() + "\" in your absence");
        }
        situation.alsoTell().ifPresent(permission -> tell(notify,
                holders(roster, null, permission).stream().filter(p -> !p.id().equals(decides.id())).toList(),
                "\"" + situation.title() + "\" at " + branchCode + ": you handle anything about " + words(permission)));
        return new Decision(Optional.of(decides), headquarters, reason, List.copyOf(notify.values()));
    }

    /**
     * Who decides a request for patron information logged at a branch: the person the escalation rules pick for it
     * (the most senior person on duty there who may decide disclosure requests, such as a supervisor on duty where
     * the chain of command grants it; else headquarters), and everyone of that branch who holds the permission (the
     * director), or where the branch has nobody, those of headquarters. Only people who sign in can decide.
     */
    public static List<Person> disclosureDeciders(String branchCode, List<Person> onDutyAtBranch, List<Person> onDutyAtHeadquarters,
                                                  List<Person> roster, Rules rules) {
        Situation situation = Situation.PATRON_DATA_REQUEST;
        Map<UUID, Person> deciders = new LinkedHashMap<>();
        escalate(situation, branchCode, onDutyAtBranch, onDutyAtHeadquarters, roster, rules).decides()
                .ifPresent(p -> deciders.put(p.id(), p));
        List<Person> atBranch = holders(roster, branchCode, situation.permission());
        (atBranch.isEmpty() ? holders(roster, rules.headquartersBranch(), situation.permission()) : atBranch)
                .forEach(p -> deciders.putIfAbsent(p.id(), p));
        return deciders.values().stream().filter(p -> p.username() != null).toList();
    }

    private static Optional<Person> choose(List<Person> onDuty, String permission, Rules rules) {
        Predicate<Person> may = p -> !p.neverDecides() && p.mayDo(permission);
        boolean permanentOnDuty = onDuty.stream().anyMatch(p -> p.employment() == EmploymentType.PERMANENT);
        return onDuty.stream()
                .filter(may)
                .filter(p -> p.employment() != EmploymentType.SUBSTITUTE || !rules.substitutesOnlyWithoutPermanentStaff()
                        || !permanentOnDuty)
                .min(SENIOR_FIRST);
    }

    /** Roster members (of a branch, or anywhere when null) who may do something, senior first. */
    private static List<Person> holders(List<Person> roster, String branchCode, String permission) {
        return roster.stream()
                .filter(p -> branchCode == null || p.branchCode().equals(branchCode))
                .filter(p -> !p.neverDecides() && p.mayDo(permission))
                .sorted(SENIOR_FIRST)
                .toList();
    }

    private static void tell(Map<UUID, Notice> notify, List<Person> people, String why) {
        for (Person person : people) {
            notify.putIfAbsent(person.id(), new Notice(person, why));
        }
    }

    private static String words(String permission) {
        return permission.replace('-', ' ');
    }

    /** Builds the people list in tests and controls without repeating the permission lookups. */
    public static List<Person> sortedSeniorFirst(List<Person> people) {
        List<Person> sorted = new ArrayList<>(people);
        sorted.sort(SENIOR_FIRST);
        return sorted;
    }
}
