package org.servicepoint.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The identity settings from MicroProfile Config (environment variables override, e.g. SERVICEPOINT_KEYCLOAK_URL). */
@ApplicationScoped
public class IdentityConfiguration {

    @Inject
    @ConfigProperty(name = "servicepoint.keycloak.url", defaultValue = "http://localhost:8180")
    String keycloakUrl;

    @Inject
    @ConfigProperty(name = "servicepoint.keycloak.public-url")
    Optional<String> keycloakPublicUrl;

    @Inject
    @ConfigProperty(name = "servicepoint.keycloak.admin.client-id", defaultValue = IdentitySettings.DEFAULT_ADMIN_CLIENT_ID)
    String adminClientId;

    @Inject
    @ConfigProperty(name = "servicepoint.keycloak.admin.client-secret")
    Optional<String> adminClientSecret;

    /** No longer read: the server holds no Keycloak administrator's password. Only to say so. */
    @Inject
    @ConfigProperty(name = "servicepoint.keycloak.admin.password")
    Optional<String> retiredAdminPassword;

    @Inject
    @ConfigProperty(name = "servicepoint.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "servicepoint.keycloak.test-client", defaultValue = "false")
    boolean testClient;

    @Inject
    @ConfigProperty(name = "servicepoint.demo.password")
    Optional<String> demoPassword;

    @Produces
    IdentitySettings settings() {
        if (retiredAdminPassword.filter(p -> !p.isBlank()).isPresent()) {
            java.util.logging.Logger.getLogger(IdentityConfiguration.class.getName()).warning("servicepoint.keycloak.admin.password "
                    + "(SERVICEPOINT_KEYCLOAK_ADMIN_PASSWORD) is ignored: provisioning signs in with the service-account client "
                    + "servicepoint.keycloak.admin.client-id / client-secret (docs/operations.md); remove the password");
        }
        return new IdentitySettings(keycloakUrl, keycloakPublicUrl.orElse(null), adminClientId, adminClientSecret.orElse(null),
                publicUrl, testClient, demoPassword.orElse(null));
    }
}
