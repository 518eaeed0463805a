package org.servicepoint.policies.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.platform.control.ModuleSchema;

/** Policies reference the tenant registry only, so they migrate after tenancy; after bans (50) to keep the log tidy. */
@ApplicationScoped
public class PoliciesSchema implements ModuleSchema {

    @Override
    public String name() {
        return "policies";
    }

    @Override
    public int order() {
        return 55;
    }
}
