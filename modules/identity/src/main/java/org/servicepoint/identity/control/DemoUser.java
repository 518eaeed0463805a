package org.servicepoint.identity.control;

import java.util.List;
import java.util.Locale;

/**
 * A demo staff account. No legal names: the tag name (what the name tag shows) stands in for the first name.
 * Position and branch may be null.
 */
public record DemoUser(String username, String tagName, String position, String branch, List<String> roles) {

    public DemoUser {
        if (username == null || !username.strip().matches("^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")) {
            throw new IllegalArgumentException("Demo user name '" + username + "' is not a valid Keycloak user name");
        }
        // Keycloak keeps user names in lower case; comparing against what it returns needs the same.
        username = username.strip().toLowerCase(Locale.ROOT);
        if (tagName == null || tagName.isBlank()) {
            throw new IllegalArgumentException("Demo user " + username + " needs a tag name");
        }
        roles = roles == null ? List.of() : List.copyOf(roles);
        for (String role : roles) {
            if (!Realms.APP_ROLES.contains(role)) {
                throw new IllegalArgumentException("Demo user " + username + " has unknown role '" + role
                        + "'; known: " + Realms.APP_ROLES);
            }
        }
    }
}
