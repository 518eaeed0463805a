package org.servicepoint.standards.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.platform.control.ModuleSchema;

/** The adoption and training tables reference the tenant registry, so they migrate after tenancy (65: after bans). */
@ApplicationScoped
public class StandardsSchema implements ModuleSchema {

    @Override
    public String name() {
        return "standards";
    }

    @Override
    public int order() {
        return 65;
    }
}
