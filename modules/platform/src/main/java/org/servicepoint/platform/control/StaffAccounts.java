package org.servicepoint.platform.control;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sign-in accounts of people on a roster, in their library system's realm. Defined here so that the roster (staffing)
 * keeps accounts in step without knowing how they are kept; implemented by the identity context (Keycloak's admin API).
 * Every change is made inside the caller's transaction and undone if that transaction rolls back, so a roster entry
 * and its account are changed together or not at all (as far as the account's service allows: see
 * modules/staffing/README.md, "Accounts").
 */
public interface StaffAccounts {

    /**
     * What the account of one roster entry should hold. {@code roles} are the application's roles (staff,
     * person-in-charge, headquarters); the position's own role is added by the implementation.
     */
    record Account(String realm, UUID rosterId, String username, String email, String tagName, String position,
                   String branch, Set<String> roles) {
        public Account {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /** The username of an account with exactly this e-mail address that no roster entry has claimed yet, if any. */
    Optional<String> unlinkedUsernameByEmail(String realm, String email);

    /**
     * Creates the account, or links an existing one of the same username that no other roster entry claims (a
     * federated or demo user), and makes it hold what {@code account} says, enabled. A new account gets an invitation
     * to set its password once the caller's transaction has committed.
     *
     * @throws Clash the username or e-mail address belongs to an account another roster entry claims
     */
    void open(Account account) throws Clash;

    /** Disables the account linked to the entry and ends its sessions; nothing if it has none. */
    void close(String realm, UUID rosterId, String username);

    /** The username or e-mail address is another roster entry's account (or another account's address). */
    class Clash extends RuntimeException {
        private final String field;

        public Clash(String field, String message) {
            super(message);
            this.field = field;
        }

        /** {@code username} or {@code email}. */
        public String field() {
            return field;
        }
    }

    /** The account service cannot be reached or refused; the caller's transaction should roll back. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
