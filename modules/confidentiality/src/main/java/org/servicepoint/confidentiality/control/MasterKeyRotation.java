package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;

/**
 * The second half of a master key rotation, after the new key is configured as current and the old one
 * listed among the previous keys: every tenant's keys are wrapped again, each tenant in a transaction of its
 * own, so that a restart half way loses nothing and the next run finishes the rest.
 */
@ApplicationScoped
public class MasterKeyRotation {

    @Inject
    ConfidentialityKeys keys;

    /** How many keys each tenant had wrapped again. */
    public record Rewrapped(Map<String, Integer> tenants) {
    }

    public Rewrapped rewrapAll(Caller caller) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TenantId tenant : keys.tenants()) {
            counts.put(tenant.value(), keys.rewrap(tenant, caller));
        }
        return new Rewrapped(counts);
    }
}
