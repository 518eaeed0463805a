package org.servicepoint.bans.control;

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
import java.util.Locale;
import java.util.Optional;
import org.servicepoint.bans.entity.BanScope;
import org.servicepoint.bans.entity.BanStatus;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Refusal.Violation;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * What a ban may be and who may do what with it. Plain Java, so every rule is tested without a container; the
 * resources' role checks say the same in brief, and the controls check again because they may be called from
 * elsewhere than HTTP.
 */
public final class BanRules {

    public static final int REASON_MAX = 1000;
    /** The longest ban, counted from its start in the library system's calendar. */
    public static final Period LONGEST = Period.ofYears(2);
    /** How far ahead a ban may be set to start. */
    public static final Period FURTHEST_START = Period.ofYears(1);
    /** The same request again within this time is taken for a repeat (a double click, a retried request). */
    public static final Duration REPEAT_WINDOW = Duration.ofSeconds(60);

    private BanRules() {
    }

    /** A ban request that passed every rule: times resolved, text checked, branch known. */
    public record Checked(BanScope scope, String branch, Instant startsAt, boolean startGiven, Instant endsAt, String reason,
                          LocalDate reviewOn) {
    }

    /**
     * Checks everything about a new ban except the patron reference and the incident report, which need the
     * database. Every problem is reported at once; nothing is stored when any is found.
     */
    public static Checked check(NewBan wanted, TenantOutline library, Caller caller, Instant now) {
        List<Violation> errors = new ArrayList<>();
        boolean card = wanted.cardNumber() != null && !wanted.cardNumber().isBlank();
        if (card && wanted.patronReferenceId() != null) {
            errors.add(new Violation("patronReferenceId", Text.of("bans.patron.not-both")));
        } else if (!card && wanted.patronReferenceId() == null) {
            errors.add(new Violation("cardNumber", Text.of("bans.patron.one-required")));
        }
        if (!card && wanted.displayName() != null && !wanted.displayName().isBlank()) {
            errors.add(new Violation("displayName", Text.of("bans.display-name.card-only")));
        }

        BanScope scope = scope(wanted.scope(), errors);
        String branch = null;
        if (scope == BanScope.BRANCH) {
            branch = blankToNull(wanted.branch());
            if (branch == null) {
                branch = callerBranch(caller).orElse(null);
            }
            if (branch == null) {
                errors.add(new Violation("branch", Text.of("bans.branch.required-for-branch-ban")));
            } else if (!library.hasBranch(branch)) {
                errors.add(new Violation("branch", Text.of("bans.branch.unknown")));
            }
        } else if (scope == BanScope.SYSTEM && blankToNull(wanted.branch()) != null) {
            errors.add(new Violation("branch", Text.of("bans.branch.scope-branch-only")));
        }

        ZoneId zone = library.zone();
        boolean startGiven = blankToNull(wanted.startsAt()) != null;
        Instant starts = startGiven ? time("startsAt", wanted.startsAt(), zone, errors) : now;
        Instant ends = blankToNull(wanted.endsAt()) == null ? missing("endsAt", errors) : time("endsAt", wanted.endsAt(), zone, errors);
        if (starts != null && starts.isAfter(now.atZone(zone).plus(FURTHEST_START).toInstant())) {
            errors.add(new Violation("startsAt", Text.of("bans.starts.within-a-year")));
        }
        if (ends != null) {
            if (!ends.isAfter(now)) {
                errors.add(new Violation("endsAt", Text.of("bans.ends.future")));
            } else if (starts != null && !ends.isAfter(starts)) {
                errors.add(new Violation("endsAt", Text.of("bans.ends.after-start")));
            } else if (starts != null && ends.isAfter(starts.atZone(zone).plus(LONGEST).toInstant())) {
                errors.add(new Violation("endsAt", Text.of("bans.ends.two-years")));
            }
        }

        String reason = text("reason", wanted.reason(), errors);

        LocalDate reviewOn = null;
        if (blankToNull(wanted.reviewOn()) != null) {
            try {
                reviewOn = LocalDate.parse(wanted.reviewOn().strip());
            } catch (DateTimeParseException e) {
                errors.add(new Violation("reviewOn", Text.of("bans.review.date")));
            }
            if (reviewOn != null && starts != null && ends != null
                    && (reviewOn.isBefore(LocalDate.ofInstant(starts, zone)) || reviewOn.isAfter(LocalDate.ofInstant(ends, zone)))) {
                errors.add(new Violation("reviewOn", Text.of("bans.review.within-ban")));
            }
        }

        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors.size() == 1 ? errors.get(0).said() : Text.of("bans.problems", errors.size()), errors);
        }
        return new Checked(scope, scope == BanScope.BRANCH ? branch : null, starts, startGiven, ends, reason, reviewOn);
    }

    /** The reason for lifting: plain text like the ban's own. */
    public static String liftReason(String reason) {
        List<Violation> errors = new ArrayList<>();
        String checked = text("reason", reason, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalid(errors.get(0).said(), errors);
        }
        return checked;
    }

    /** Which branch a desk lookup asks about: the one named, else the caller's own. */
    public static String lookupBranch(String asked, TenantOutline library, Caller caller) {
        String branch = blankToNull(asked);
        if (branch == null) {
            branch = callerBranch(caller)
                    .orElseThrow(() -> Refusal.invalid("branch", Text.of("bans.branch.required")));
        }
        if (!library.hasBranch(branch)) {
            throw Refusal.invalid("branch", Text.of("bans.branch.unknown"));
        }
        return branch;
    }

    /** A status filter as the API spells it. */
    public static BanStatus status(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return BanStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("status", Text.of("bans.status.one-of"));
        }
    }

    // ---- who may do what ----

    static boolean inCharge(Caller caller) {
        return caller.roles().contains(Roles.PERSON_IN_CHARGE);
    }

    static boolean headquarters(Caller caller) {
        return caller.roles().contains(Roles.HEADQUARTERS);
    }

    /** Headquarters and tenant administrators see every ban of their library system. */
    public static boolean seesAll(Caller caller) {
        return org.servicepoint.platform.control.BranchScope.acrossBranches(caller);
    }

    /**
     * A person in charge bans from computers at their own branch, or at every branch; headquarters also at any
     * single branch.
     */
    public static boolean mayImpose(Caller caller, TenantId tenant, BanScope scope, String branch) {
        if (!caller.isStaffOf(tenant) || !inCharge(caller)) {
            return false;
        }
        return scope == BanScope.SYSTEM || headquarters(caller) || ownBranch(caller, branch);
    }

    /**
     * Who sees a ban in full: headquarters and tenant administrators every ban; a person in charge the bans of
     * the whole library system, those of their branch, and those they imposed themselves.
     */
    public static boolean sees(Caller caller, TenantId tenant, BanScope scope, String branch, String createdBy) {
        if (!caller.isStaffOf(tenant)) {
            return false;
        }
        if (seesAll(caller)) {
            return true;
        }
        return inCharge(caller) && (scope == BanScope.SYSTEM || ownBranch(caller, branch) || caller.name().equals(createdBy));
    }

    /** A person in charge lifts what they could have imposed, and what they imposed themselves. */
    public static boolean mayLift(Caller caller, TenantId tenant, BanScope scope, String branch, String createdBy) {
        return sees(caller, tenant, scope, branch, createdBy)
                && (mayImpose(caller, tenant, scope, branch) || inCharge(caller) && caller.name().equals(createdBy));
    }

    /** The caller's branch, from the {@code branch} claim of their token. */
    public static Optional<String> callerBranch(Caller caller) {
        return org.servicepoint.platform.control.BranchScope.ownBranch(caller);
    }

    public static Refusal forbidden(Text why) {
        return Refusal.forbidden(why);
    }

    // ---- reading what was sent ----

    private static boolean ownBranch(Caller caller, String branch) {
        return branch != null && branch.equals(callerBranch(caller).orElse(null));
    }

    private static BanScope scope(String text, List<Violation> errors) {
        if (blankToNull(text) == null) {
            errors.add(new Violation("scope", Text.of("bans.scope.required")));
            return null;
        }
        try {
            return BanScope.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("scope", Text.of("bans.scope.one-of")));
            return null;
        }
    }

    /** An ISO date-time with an offset, or without one in the library system's time zone. */
    static Instant time(String field, String text, ZoneId zone, List<Violation> errors) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new Violation(field, Text.of("bans.date-time")));
                return null;
            }
        }
    }

    private static String text(String field, String value, List<Violation> errors) {
        try {
            return FreeText.check(field, value, REASON_MAX, true, true);
        } catch (Refusal e) {
            errors.addAll(e.violations());
            return null;
        }
    }

    private static Instant missing(String field, List<Violation> errors) {
        errors.add(new Violation(field, Text.of("bans.required")));
        return null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
