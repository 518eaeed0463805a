package org.servicepoint.platform.control;

import java.util.Optional;

/**
 * The one rule for branches, used by every context: headquarters and tenant administrators act across the library
 * system's branches; everyone else (persons in charge and desk staff) reads and changes only their own branch, the
 * {@code branch} claim of their validated token. The system (scheduled work) acts everywhere. Lists apply the rule
 * in their query, before any limit, through {@link #narrow}; single records through {@link #covers}.
 */
public final class BranchScope {

    private BranchScope() {
    }

    /** Headquarters and tenant administrators (and the system) see and act at every branch. */
    public static boolean acrossBranches(Caller caller) {
        if (caller == null) {
            return false;
        }
        return caller.kind() == Caller.Kind.SYSTEM
                || caller.kind() == Caller.Kind.STAFF
                && (caller.roles().contains(Roles.HEADQUARTERS) || caller.roles().contains(Roles.TENANT_ADMIN));
    }

    /** The caller's own branch, from their token; empty if it names none. */
    public static Optional<String> ownBranch(Caller caller) {
        return caller == null ? Optional.empty() : caller.attribute("branch").map(String::strip).filter(b -> !b.isEmpty());
    }

    /** Whether the caller may read and change what belongs to {@code branch}. */
    public static boolean covers(Caller caller, String branch) {
        return acrossBranches(caller) || branch != null && branch.equals(ownBranch(caller).orElse(null));
    }

    /**
     * The branch a list is narrowed to, in its query: for headquarters and tenant administrators the one asked for
     * ({@code null}: every branch); for anyone else their own branch. Asking for another branch is answered as if it
     * did not exist (404); a caller whose token names no branch sees no branch's records (403).
     */
    public static String narrow(Caller caller, String asked) {
        if (acrossBranches(caller)) {
            return asked;
        }
        String own = ownBranch(caller).orElseThrow(() -> Refusal.forbidden(Text.of("platform.branch.none-signed-in")));
        if (asked != null && !asked.equals(own)) {
            throw Refusal.notFound(Text.of("platform.not-found.branch", asked));
        }
        return own;
    }

    /** Refuses a change at a branch the caller does not cover (403). */
    public static void requireCovers(Caller caller, String branch) {
        if (!covers(caller, branch)) {
            throw Refusal.forbidden(Text.of("platform.branch.outside-own"));
        }
    }
}
