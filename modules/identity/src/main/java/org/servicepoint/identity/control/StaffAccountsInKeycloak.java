package org.servicepoint.identity.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicepoint.platform.control.StaffAccounts;

/**
 * Roster entries' accounts in the library system's realm, over Keycloak's admin API. Keycloak takes part in no
 * transaction, so each change is made while the roster's transaction is still open (after its rows were written, so a
 * refusal of the database comes first) and a synchronization undoes it if that transaction rolls back: a created user
 * is deleted, a changed or disabled one gets back what it held. Invitations are mailed only after the commit, so
 * nobody is invited to an entry that was never stored. See modules/staffing/README.md, "Accounts".
 */
@ApplicationScoped
public class StaffAccountsInKeycloak implements StaffAccounts {

    private static final Logger LOG = Logger.getLogger(StaffAccountsInKeycloak.class.getName());
    /** How long an invitation link stays valid: three days, so one sent on a Friday still works on Monday. */
    static final int INVITATION_SECONDS = 3 * 24 * 3600;
    static final List<String> INVITATION_ACTIONS = List.of("UPDATE_PASSWORD");
    /** Roles the roster decides. tenant-admin is given by hand in Keycloak and never taken away here. */
    static final Set<String> ROSTER_ROLES = Set.of(Realms.STAFF, Realms.PERSON_IN_CHARGE, Realms.HEADQUARTERS);

    @Inject
    KeycloakAdmin admin;

    @Inject
    IdentitySettings settings;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    @Override
    public Optional<String> unlinkedUsernameByEmail(String realm, String email) {
        return keycloak(() -> admin.usersByEmail(realm, email).stream()
                .filter(user -> rosterId(user).isEmpty())
                .map(user -> user.getString("username"))
                .findFirst());
    }

    @Override
    public void open(Account account) {
        keycloak(() -> {
            String realm = account.realm();
            Optional<JsonObject> existing = admin.user(realm, account.username());
            existing.ifPresent(user -> claimable(user, account, "username"));
            if (account.email() != null) {
                for (JsonObject other : admin.usersByEmail(realm, account.email())) {
                    if (existing.isEmpty() || !other.getString("id").equals(existing.get().getString("id"))) {
                        throw new Clash("email", "the e-mail address is that of account " + other.getString("username"));
                    }
                }
            }
            Undo undo = new Undo(realm);
            register(undo, existing.isEmpty() ? account : null);
            String id;
            if (existing.isEmpty()) {
                id = create(realm, account);
                undo.created = id;
            } else {
                JsonObject user = existing.get();
                id = user.getString("id");
                undo.previous = user;
                // Name and address of a linked account stay its directory's; only our attributes and the switch change.
                admin.updateUser(realm, user, Json.createObjectBuilder()
                        .add("enabled", true)
                        .add("attributes", attributes(account))
                        .build());
            }
            roles(realm, id, account, undo);
            return null;
        });
    }

    @Override
    public void close(String realm, UUID rosterId, String username) {
        keycloak(() -> {
            Optional<JsonObject> found = admin.user(realm, username);
            if (found.isEmpty() || !rosterId(found.get()).equals(Optional.of(rosterId.toString()))) {
                return null; // never linked to this entry: not ours to close
            }
            JsonObject user = found.get();
            Undo undo = new Undo(realm);
            undo.previous = user;
            register(undo, null);
            admin.updateUser(realm, user, Json.createObjectBuilder().add("enabled", false).build());
            // Refresh tokens die with the sessions; access tokens live at most five minutes.
            admin.logout(realm, user.getString("id"));
            return null;
        });
    }

    private static void claimable(JsonObject user, Account account, String field) {
        Optional<String> owner = rosterId(user);
        if (owner.isPresent() && !owner.get().equals(account.rosterId().toString())) {
            throw new Clash(field, "account " + user.getString("username") + " belongs to another roster entry");
        }
    }

    private String create(String realm, Account account) {
        JsonObjectBuilder user = Json.createObjectBuilder()
                .add("username", account.username())
                .add("enabled", true)
                // No legal names: the tag name stands in for the first name, as for demo users.
                .add("firstName", account.tagName())
                .add("attributes", attributes(account));
        if (account.email() != null) {
            // The tenant administrator typed it; the invitation is the proof it reaches the person.
            user.add("email", account.email()).add("emailVerified", true);
        }
        try {
            return admin.createUser(realm, user.build());
        } catch (KeycloakAdmin.Refused e) {
            if (e.status() == 409) {
                // Made a moment ago by someone else (or the address is another account's).
                throw new Clash("username", "account " + account.username() + " was made just now");
            }
            throw e;
        }
    }

    private static JsonObject attributes(Account account) {
        return Json.createObjectBuilder()
                .add(Realms.TAG_NAME, Representations.strings(List.of(account.tagName())))
                .add(Realms.POSITION, Representations.strings(List.of(account.position())))
                .add(Realms.BRANCH, Representations.strings(List.of(account.branch())))
                .add(Realms.ROSTER_ID, Representations.strings(List.of(account.rosterId().toString())))
                .build();
    }

    /** Gives the roles the roster decides and takes away those it no longer does; the undo learns those held before. */
    private void roles(String realm, String userId, Account account, Undo undo) {
        Set<String> wanted = new LinkedHashSet<>();
        account.roles().stream().filter(ROSTER_ROLES::contains).forEach(wanted::add);
        wanted.add(Realms.positionRole(account.position()));
        List<String> current = admin.realmRoles(realm, userId);
        undo.previousRoles = current;
        admin.assignRealmRoles(realm, userId, wanted.stream().filter(role -> !current.contains(role)).toList());
        admin.removeRealmRoles(realm, userId, current.stream().filter(StaffAccountsInKeycloak::rosterRole)
                .filter(role -> !wanted.contains(role)).toList());
    }

    private static boolean rosterRole(String role) {
        return ROSTER_ROLES.contains(role) || role.startsWith(Realms.POSITION_ROLE_PREFIX);
    }

    static Optional<String> rosterId(JsonObject user) {
        JsonObject attributes = user.getJsonObject("attributes");
        if (attributes == null || !attributes.containsKey(Realms.ROSTER_ID)
                || attributes.get(Realms.ROSTER_ID).getValueType() != JsonValue.ValueType.ARRAY
                || attributes.getJsonArray(Realms.ROSTER_ID).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(attributes.getJsonArray(Realms.ROSTER_ID).getString(0));
    }

    /** Before the first change: a failure half-way is undone too. */
    private void register(Undo undo, Account toInvite) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    if (toInvite != null && undo.created != null) {
                        invite(undo.realm, undo.created, toInvite);
                    }
                } else {
                    undo.run();
                }
            }
        });
    }

    /** After the commit: a failed mail leaves the entry and the account, and says so in the log. */
    private void invite(String realm, String userId, Account account) {
        if (account.email() == null) {
            return;
        }
        try {
            admin.executeActionsEmail(realm, userId, INVITATION_ACTIONS, Realms.WEB_CLIENT,
                    settings.publicUrl() + "/t/" + realm + "/", INVITATION_SECONDS);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "realm " + realm + ": the invitation of roster entry " + account.rosterId()
                    + " could not be mailed; send it again from Keycloak's admin console (Credentials, Reset password)", e);
        }
    }

    /** What to give back if the roster's transaction does not commit. */
    private final class Undo {
        final String realm;
        String created;
        JsonObject previous;
        List<String> previousRoles;

        Undo(String realm) {
            this.realm = realm;
        }

        void run() {
            try {
                if (created != null) {
                    admin.deleteUser(realm, created);
                    return;
                }
                if (previous == null) {
                    return;
                }
                String id = previous.getString("id");
                JsonObject now = admin.userById(realm, id).orElse(null);
                if (now == null) {
                    return;
                }
                JsonObjectBuilder back = Json.createObjectBuilder().add("enabled", previous.getBoolean("enabled", true));
                JsonObject before = previous.getJsonObject("attributes");
                JsonObjectBuilder attributes = Json.createObjectBuilder();
                for (String name : List.of(Realms.TAG_NAME, Realms.POSITION, Realms.BRANCH, Realms.ROSTER_ID)) {
                    attributes.add(name, before != null && before.containsKey(name) ? before.get(name) : JsonValue.EMPTY_JSON_ARRAY);
                }
                admin.updateUser(realm, now, back.add("attributes", attributes).build());
                if (previousRoles != null) {
                    List<String> current = admin.realmRoles(realm, id);
                    admin.assignRealmRoles(realm, id, previousRoles.stream().filter(r -> !current.contains(r)).toList());
                    admin.removeRealmRoles(realm, id, current.stream().filter(StaffAccountsInKeycloak::rosterRole)
                            .filter(r -> !previousRoles.contains(r)).toList());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "realm " + realm + ": a roster change was rolled back but its account could not be "
                        + "put back; check the user in Keycloak's admin console", e);
            }
        }
    }

    private <T> T keycloak(java.util.function.Supplier<T> work) {
        if (!settings.provisioningEnabled()) {
            throw new Unavailable("Keycloak provisioning is off (servicepoint.keycloak.admin.client-secret): no accounts", null);
        }
        try {
            return work.get();
        } catch (Clash e) {
            throw e;
        } catch (IllegalStateException e) {
            throw new Unavailable(e.getMessage(), e);
        }
    }
}
