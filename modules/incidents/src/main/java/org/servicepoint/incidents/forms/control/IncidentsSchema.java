package org.servicepoint.incidents.forms.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.platform.control.ModuleSchema;

/** Incident tables reference tenancy's tenant registry, so they migrate after it (and after staffing). */
@ApplicationScoped
public class IncidentsSchema implements ModuleSchema {

    @Override
    public String name() {
        return "incidents";
    }

    @Override
    public int order() {
        return 40;
    }
}
