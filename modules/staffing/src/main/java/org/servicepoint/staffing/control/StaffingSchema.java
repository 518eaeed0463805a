package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.platform.control.ModuleSchema;

/** Staffing's tables reference tenancy's (tenant, branch codes), so they migrate after them. */
@ApplicationScoped
public class StaffingSchema implements ModuleSchema {

    @Override
    public String name() {
        return "staffing";
    }

    @Override
    public int order() {
        return 30;
    }
}
