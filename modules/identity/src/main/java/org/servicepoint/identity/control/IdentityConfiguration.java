package org.servicepoint.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.servicepoint.platform.control.Settings;

/** The identity settings from MicroProfile Config (environment variables override, e.g. SERVICEPOINT_KEYCLOAK_URL). */
@ApplicationScoped
public class IdentityConfiguration {

    @Inject
    Settings config;

    @Produces
    IdentitySettings settings() {
        // No longer read: the server holds no Keycloak administrator's password. Only to say so.
        if (config.text("servicepoint.keycloak.admin.password").isPresent()) {
            java.util.logging.Logger.getLogger(IdentityConfiguration.class.getName()).warning("servicepoint.keycloak.admin.password "
                    + "(SERVICEPOINT_KEYCLOAK_ADMIN_PASSWORD) is ignored: provisioning signs in with the service-account client "
                    + "servicepoint.keycloak.admin.client-id / client-secret (docs/operations.md); remove the password");
        }
        return new IdentitySettings(config.text("servicepoint.keycloak.url", "http://localhost:8180"),
                config.text("servicepoint.keycloak.public-url").orElse(null),
                config.text("servicepoint.keycloak.admin.client-id", IdentitySettings.DEFAULT_ADMIN_CLIENT_ID),
                config.text("servicepoint.keycloak.admin.client-secret").orElse(null),
                config.publicUrl(), config.flag("servicepoint.keycloak.test-client", false),
                config.text("servicepoint.demo.password").orElse(null), mail());
    }

    /** The application's mail settings (as incidents reads them), for Keycloak's invitations; none when mail is off. */
    private RealmMail mail() {
        if (!config.flag("servicepoint.mail.enabled", true)) {
            return null;
        }
        return new RealmMail(config.text("servicepoint.mail.host", "localhost"), config.number("servicepoint.mail.port", 25),
                config.text("servicepoint.mail.from", "servicepoint@localhost"), config.flag("servicepoint.mail.starttls", true),
                config.text("servicepoint.mail.user").orElse(null), config.text("servicepoint.mail.password").orElse(null));
    }
}
