package org.servicepoint.bans.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.platform.control.ModuleSchema;

/** Bans reference the tenant registry and incident reports, so they migrate after tenancy and incidents (40). */
@ApplicationScoped
public class BansSchema implements ModuleSchema {

    @Override
    public String name() {
        return "bans";
    }

    @Override
    public int order() {
        return 50;
    }
}
