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
    @ConfigProperty(name = "servicepoint.keycloak.admin.user", defaultValue = "admin")
    String adminUser;

    @Inject
    @ConfigProperty(name = "servicepoint.keycloak.admin.password")
    Optional<String> adminPassword;

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
        return new IdentitySettings(keycloakUrl, keycloakPublicUrl.orElse(null), adminUser, adminPassword.orElse(null),
                publicUrl, testClient, demoPassword.orElse(null));
    }
}
