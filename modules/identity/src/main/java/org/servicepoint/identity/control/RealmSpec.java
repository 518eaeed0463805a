package org.servicepoint.identity.control;

import java.util.HashSet;
import java.util.List;

/**
 * What the realm of one library system must contain: realm name = tenant slug, display name = tenant name,
 * one {@code position:<code>} role per chain-of-command position, and optional demo users.
 */
public record RealmSpec(String realm, String displayName, List<String> positionCodes, List<DemoUser> demoUsers) {

    public RealmSpec {
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
