package org.servicepoint.policies.exceptions.control;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Text;
import org.servicepoint.policies.control.PolicyTerms;
import org.servicepoint.staffing.control.StaffRecord;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * The rules of an exception on record, as plain Java: what a request must hold (400), that the policy bends at all
 * (409 with the policy's reason), and that the approver's position may grant it (422 naming the positions that may).
 * Branches follow the one branch rule: staff and persons in charge record and read their own branch's exceptions,
 * headquarters and tenant administrators any branch's.
 */
public final class ExceptionRules {

    /** The chain-of-command permission of the positions that may approve an exception to a policy. */
    public static final String PERMISSION = "grant-policy-exceptions";
    /** What was asked and what was granted: a few sentences each. */
    public static final int TEXT_MAX = 1000;
    /** Exceptions are recorded when they happen, or soon after: at most a year back. */
    public static final Period FURTHEST_BACK = Period.ofYears(1);
    /** A desk clock a little ahead of the server's is not "the future". */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The same request again within this time (a double click, a retried request) is the same exception. */
    public static final Duration REPEAT_WINDOW = Duration.ofSeconds(60);
    /** The longest range of a list or report: three years of months. */
    public static final Period LONGEST_RANGE = Period.ofYears(3);

    private static final Pattern POLICY_KEY = Pattern.compile("^[a-z][a-z0-9-]{0,59}$");

    private ExceptionRules() {
    }

    /** A request that passed every rule that needs no database: text checked, branch known and covered, time resolved. */
    public record Checked(String policy, String branch, String asked, String granted, UUID approvedBy, UUID patronReference,
                          Instant occurredAt, boolean occurredGiven) {
    }

    /**
     * Checks what a request says, every problem at once (400, nothing stored); then the branch rule (403 for a branch
     * the caller does not cover).
     */
    public static Checked check(NewException wanted, TenantOutline library, Caller caller, Instant now) {
        List<Violation> errors = new ArrayList<>();
        String policy = blankToNull(wanted.policy());
        if (policy == null) {
            errors.add(new Violation("policy", Text.of("policies.exceptions.required")));
        } else if (!POLICY_KEY.matcher(policy).matches()) {
            errors.add(new Violation("policy", Text.of("policies.exceptions.policy.key")));
        }
        if (!Boolean.TRUE.equals(wanted.toldOneTime())) {
            errors.add(new Violation("toldOneTime", Text.of("policies.exceptions.told-one-time")));
        }
        String asked = text("asked", wanted.asked(), errors);
        String granted = text("granted", wanted.granted(), errors);

        String branch = blankToNull(wanted.branch());
        if (branch == null) {
            branch = BranchScope.ownBranch(caller).orElse(null);
            if (branch == null) {
                errors.add(new Violation("branch", Text.of("policies.exceptions.branch.required")));
            }
        }
        if (branch != null && !library.hasBranch(branch)) {
            errors.add(new Violation("branch", Text.of("policies.exceptions.branch.unknown")));
        }

        ZoneId zone = library.zone();
        boolean occurredGiven = blankToNull(wanted.occurredAt()) != null;
        Instant occurred = occurredGiven ? time("occurredAt", wanted.occurredAt(), zone, errors) : now;
        if (occurred != null && occurred.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(new Violation("occurredAt", Text.of("policies.exceptions.occurred.future")));
        } else if (occurred != null && occurred.isBefore(now.atZone(zone).minus(FURTHEST_BACK).toInstant())) {
            errors.add(new Violation("occurredAt", Text.of("policies.exceptions.occurred.within-a-year")));
        }

        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors.size() == 1 ? errors.get(0).said() : Text.of("policies.exceptions.problems", errors.size()),
                    errors);
        }
        BranchScope.requireCovers(caller, branch);
        return new Checked(policy, branch, asked, granted, wanted.approvedBy(), wanted.patronReference(), occurred, occurredGiven);
    }

    /** A strict policy allows no exception: 409, with the policy's own words on why. */
    public static void requireFlexible(PolicyTerms policy) {
        if (policy.strict()) {
            throw new Refusal("policy-strict", 409, "The policy allows no exceptions",
                    Text.of("policies.exceptions.strict", policy.title(), policy.strictWhy()), List.of());
        }
    }

    /**
     * The codes of the positions whose holders may approve an exception to the policy, lowest first: those the chain of
     * command lets grant policy exceptions, narrowed to the policy's own list when it names any.
     */
    public static List<String> approvingPositions(PolicyTerms policy, TenantOutline library) {
        var may = library.positionsThatMay(PERMISSION);
        return library.positions().stream().map(p -> p.code())
                .filter(may::contains)
                .filter(code -> policy.exceptionsBy().isEmpty() || policy.exceptionsBy().contains(code))
                .toList();
    }

    /** An approver whose position may not grant this exception: 422, naming the positions that may. */
    public static void requireMayApprove(PolicyTerms policy, String position, TenantOutline library) {
        List<String> allowed = approvingPositions(policy, library);
        if (allowed.contains(position)) {
            return;
        }
        Map<String, String> names = library.positionNames();
        String theyMay = String.join(", ", allowed.stream().map(code -> names.getOrDefault(code, code)).toList());
        Text why = allowed.isEmpty()
                ? Text.of("policies.exceptions.approver.nobody-may", names.getOrDefault(position, position), policy.title())
                : Text.of("policies.exceptions.approver.position", names.getOrDefault(position, position), policy.title(), theyMay);
        throw new Refusal("approver-may-not-grant", 422, "The approver may not grant this exception", why,
                List.of(new Violation("approvedBy", why)));
    }

    /**
     * Who may approve an exception to the policy on {@code day}: roster entries in a position that may, the caller's own
     * branch first, then by branch and tag name.
     */
    public static List<ApproverChoice> approvers(PolicyTerms policy, TenantOutline library, java.util.Collection<StaffRecord> roster,
                                                 Caller caller, LocalDate day) {
        List<String> allowed = approvingPositions(policy, library);
        String own = BranchScope.ownBranch(caller).orElse("");
        Map<String, String> positions = library.positionNames();
        return roster.stream()
                .filter(m -> allowed.contains(m.position()) && onRoster(m, day))
                .sorted(java.util.Comparator.comparing((StaffRecord m) -> !own.equals(m.branch()))
                        .thenComparing(StaffRecord::branch).thenComparing(StaffRecord::tagName))
                .map(m -> new ApproverChoice(m.id(), m.tagName(), m.position(), positions.getOrDefault(m.position(), m.position()),
                        m.branch(), library.branchName(m.branch())))
                .toList();
    }

    /** A policy key asked for in a query: required and well-formed (400 otherwise). */
    public static String policyKey(String text) {
        String key = blankToNull(text);
        if (key == null) {
            throw Refusal.invalid("policy", Text.of("policies.exceptions.required"));
        }
        if (!POLICY_KEY.matcher(key).matches()) {
            throw Refusal.invalid("policy", Text.of("policies.exceptions.policy.key"));
        }
        return key;
    }

    /**
     * The roster entry of the approver: the one named, or the caller's own when none is; on the roster on the day the
     * exception happened (in the library system's time zone). 400 otherwise.
     */
    public static StaffRecord approver(Checked checked, Map<UUID, StaffRecord> roster, Caller caller, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(checked.occurredAt(), zone);
        if (checked.approvedBy() == null) {
            return roster.values().stream()
                    .filter(m -> caller.name().equals(m.username()) && onRoster(m, day))
                    .findFirst()
                    .orElseThrow(() -> Refusal.invalid("approvedBy", Text.of("policies.exceptions.approver.caller-not-on-roster")));
        }
        StaffRecord named = Optional.ofNullable(roster.get(checked.approvedBy()))
                .orElseThrow(() -> Refusal.invalid("approvedBy", Text.of("policies.exceptions.approver.unknown")));
        if (!onRoster(named, day)) {
            throw Refusal.invalid("approvedBy", Text.of("policies.exceptions.approver.not-on-roster-then", day));
        }
        return named;
    }

    /** A range of days for a list or the report, both ends included; a missing end is open. 400 for a bad range. */
    public record Range(LocalDate from, LocalDate to) {
    }

    public static Range range(String from, String to) {
        List<Violation> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (errors.isEmpty() && start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(new Violation("to", Text.of("policies.exceptions.range.to-before-from")));
            } else if (end.isAfter(start.plus(LONGEST_RANGE))) {
                errors.add(new Violation("to", Text.of("policies.exceptions.range.three-years")));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors.size() == 1 ? errors.get(0).said() : Text.of("policies.exceptions.problems", errors.size()),
                    errors);
        }
        return new Range(start, end);
    }

    /**
     * The report's range: as asked, or the last twelve months up to {@code today} (the current month and the eleven
     * before it) for an end left out; a start left out is the first day of the month eleven months before the end.
     */
    public static Range reportRange(String from, String to, LocalDate today) {
        Range asked = range(from, to);
        LocalDate end = asked.to() == null ? today : asked.to();
        LocalDate start = asked.from() == null ? end.withDayOfMonth(1).minusMonths(11) : asked.from();
        return range(start.toString(), end.toString());
    }

    /** Whether {@code member} was on the roster on {@code day}. */
    static boolean onRoster(StaffRecord member, LocalDate day) {
        return (member.startsOn() == null || !member.startsOn().isAfter(day)) && (member.endsOn() == null || !member.endsOn().isBefore(day));
    }

    /** An ISO date-time with an offset, or without one in the library system's time zone. */
    private static Instant time(String field, String text, ZoneId zone, List<Violation> errors) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new Violation(field, Text.of("policies.exceptions.date-time")));
                return null;
            }
        }
    }

    private static LocalDate date(String field, String text, List<Violation> errors) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Violation(field, Text.of("policies.exceptions.date")));
            return null;
        }
    }

    private static String text(String field, String value, List<Violation> errors) {
        try {
            return FreeText.check(field, value, TEXT_MAX, true, true);
        } catch (Refusal e) {
            errors.addAll(e.violations());
            return null;
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
