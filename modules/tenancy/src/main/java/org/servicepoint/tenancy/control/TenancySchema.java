package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.platform.control.ModuleSchema;

/** Tenancy's tables: the tenant registry, branches, desks, hours, closures. */
@ApplicationScoped
public class TenancySchema implements ModuleSchema {

    @Override
    public String name() {
        return "tenancy";
    }

    @Override
    public int order() {
        return 10;
    }
}
