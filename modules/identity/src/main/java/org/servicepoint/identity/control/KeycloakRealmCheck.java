package org.servicepoint.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.servicepoint.tenancy.control.TenantUsage;

/** Tells the operator's console whether a library system's realm exists; unknown (null) without provisioning. */
@ApplicationScoped
public class KeycloakRealmCheck implements TenantUsage.RealmCheck {

    @Inject
    KeycloakAdmin admin;

    @Inject
    IdentitySettings settings;

    @Override
    public Boolean realmPresent(String slug) {
        return settings.provisioningEnabled() ? admin.realmExists(slug) : null;
    }
}
