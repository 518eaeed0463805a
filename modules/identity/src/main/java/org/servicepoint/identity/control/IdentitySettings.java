package org.servicepoint.identity.control;

/**
 * Where Keycloak and the application are reached, and the credentials provisioning uses. Read from
 * MicroProfile Config by {@link IdentityConfiguration}; tests construct it directly.
 *
 * @param keycloakUrl       how this server reaches Keycloak
 * @param keycloakPublicUrl how browsers reach Keycloak; null means the same as {@code keycloakUrl}
 * @param adminUser         administrator in Keycloak's master realm
 * @param adminPassword     null switches provisioning off
 * @param publicUrl         the application's browser-facing base URL
 * @param testClient        whether realms get the password-grant client for tests and demos
 * @param demoPassword      password of demo users; null leaves them without one
 */
public record IdentitySettings(String keycloakUrl, String keycloakPublicUrl, String adminUser, String adminPassword,
                               String publicUrl, boolean testClient, String demoPassword) {

    public IdentitySettings {
        keycloakUrl = withoutTrailingSlash(keycloakUrl);
        keycloakPublicUrl = isBlank(keycloakPublicUrl) ? keycloakUrl : withoutTrailingSlash(keycloakPublicUrl);
        publicUrl = withoutTrailingSlash(publicUrl);
        adminPassword = isBlank(adminPassword) ? null : adminPassword;
        demoPassword = isBlank(demoPassword) ? null : demoPassword;
    }

    public boolean provisioningEnabled() {
        return adminPassword != null;
    }

    /** Set only when browsers reach Keycloak elsewhere than the server does, so both see one token issuer. */
    public boolean separatePublicKeycloakUrl() {
        return !keycloakPublicUrl.equals(keycloakUrl);
    }

    /** The {@code iss} of the realm's tokens as the application should expect it. */
    public String issuer(String realm) {
        return keycloakPublicUrl + "/realms/" + realm;
    }

    @Override
    public String toString() {
        // The generated toString would print both passwords.
        return "IdentitySettings[keycloakUrl=" + keycloakUrl + ", keycloakPublicUrl=" + keycloakPublicUrl
                + ", adminUser=" + adminUser + ", adminPassword=" + (adminPassword == null ? "unset" : "set")
                + ", publicUrl=" + publicUrl + ", testClient=" + testClient
                + ", demoPassword=" + (demoPassword == null ? "unset" : "set") + "]";
    }

    private static String withoutTrailingSlash(String url) {
        if (isBlank(url)) {
            throw new IllegalArgumentException("A URL is required");
        }
        String trimmed = url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
