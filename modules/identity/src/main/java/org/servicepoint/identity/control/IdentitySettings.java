package org.servicepoint.identity.control;

/**
 * Where Keycloak and the application are reached, and the credentials provisioning uses. Read from
 * MicroProfile Config by {@link IdentityConfiguration}; tests construct it directly.
 *
 * @param keycloakUrl       how this server reaches Keycloak
 * @param keycloakPublicUrl how browsers reach Keycloak; null means the same as {@code keycloakUrl}
 * @param adminClientId     the confidential service-account client in Keycloak's master realm that provisions realms
 * @param adminClientSecret its secret (client-credentials grant); null switches provisioning off
 * @param publicUrl         the application's browser-facing base URL
 * @param testClient        whether realms get the password-grant client for tests and demos
 * @param demoPassword      password of demo users; null leaves them without one
 * @param mail              the SMTP server realms mail invitations through; null leaves the realms' mail settings alone
 */
public record IdentitySettings(String keycloakUrl, String keycloakPublicUrl, String adminClientId, String adminClientSecret,
                               String publicUrl, boolean testClient, String demoPassword, RealmMail mail) {

    public IdentitySettings(String keycloakUrl, String keycloakPublicUrl, String adminClientId, String adminClientSecret,
                            String publicUrl, boolean testClient, String demoPassword) {
        this(keycloakUrl, keycloakPublicUrl, adminClientId, adminClientSecret, publicUrl, testClient, demoPassword, null);
    }

    public IdentitySettings {
        keycloakUrl = withoutTrailingSlash(keycloakUrl);
        keycloakPublicUrl = isBlank(keycloakPublicUrl) ? keycloakUrl : withoutTrailingSlash(keycloakPublicUrl);
        publicUrl = withoutTrailingSlash(publicUrl);
        adminClientId = isBlank(adminClientId) ? DEFAULT_ADMIN_CLIENT_ID : adminClientId.strip();
        adminClientSecret = isBlank(adminClientSecret) ? null : adminClientSecret;
        demoPassword = isBlank(demoPassword) ? null : demoPassword;
    }

    /** The client id docs/operations.md and the local run use. */
    public static final String DEFAULT_ADMIN_CLIENT_ID = "servicepoint-provisioning";

    public boolean provisioningEnabled() {
        return adminClientSecret != null;
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
        // The generated toString would print the secret and the password.
        return "IdentitySettings[keycloakUrl=" + keycloakUrl + ", keycloakPublicUrl=" + keycloakPublicUrl
                + ", adminClientId=" + adminClientId + ", adminClientSecret=" + (adminClientSecret == null ? "unset" : "set")
                + ", publicUrl=" + publicUrl + ", testClient=" + testClient
                + ", demoPassword=" + (demoPassword == null ? "unset" : "set") + ", mail=" + mail + "]";
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
