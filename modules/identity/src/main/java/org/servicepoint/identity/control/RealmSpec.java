package org.servicepoint.identity.control;

import java.util.HashSet;
import java.util.List;

/**
 * What the realm of one library system must contain: realm name = tenant slug, display name = tenant name,
 * one {@code position:<code>} role per chain-of-command position, optional demo users, and the library system's
 * idle-lock time, which Keycloak's single sign-on session must not outlast by much.
 */
public record RealmSpec(String realm, String displayName, List<String> positionCodes, List<DemoUser> demoUsers,
                        int idleLockSeconds) {

    /** The idle lock of a library system whose document sets none (tenancy's default, 5 minutes). */
    public static final int DEFAULT_IDLE_LOCK_SECONDS = 300;

    public RealmSpec(String realm, String displayName, List<String> positionCodes, List<DemoUser> demoUsers) {
        this(realm, displayName, positionCodes, demoUsers, DEFAULT_IDLE_LOCK_SECONDS);
    }

    public RealmSpec {
        if (idleLockSeconds <= 0) {
            throw new IllegalArgumentException("The idle lock of realm " + realm + " must be positive, not " + idleLockSeconds);
        }
        if (realm == null || !realm.matches("^[a-z][a-z0-9-]{1,38}[a-z0-9]$")) {
            throw new IllegalArgumentException("Realm name '" + realm + "' is not a tenant slug");
        }
        if ("master".equals(realm) || Realms.OPERATOR_REALM.equals(realm)) {
            throw new IllegalArgumentException("Realm name '" + realm + "' is reserved");
        }
        displayName = displayName == null || displayName.isBlank() ? realm : displayName.strip();
        positionCodes = positionCodes == null ? List.of() : List.copyOf(positionCodes);
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
        for (String code : positionCodes) {
            if (code == null || !code.matches("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")) {
                throw new IllegalArgumentException("Position code '" + code + "' of realm " + realm + " is not valid");
            }
        }
        var usernames = new HashSet<String>();
        for (DemoUser user : demoUsers) {
            if (!usernames.add(user.username())) {
                throw new IllegalArgumentException("Demo user " + user.username() + " appears twice in realm " + realm);
            }
            if (user.position() != null && !positionCodes.contains(user.position())) {
                throw new IllegalArgumentException("Demo user " + user.username() + " holds position '" + user.position()
                        + "', which realm " + realm + " does not have");
            }
        }
    }

    /** A library system without positions or demo users yet. */
    public static RealmSpec of(String slug, String name) {
        return new RealmSpec(slug, name, List.of(), List.of());
    }
}
