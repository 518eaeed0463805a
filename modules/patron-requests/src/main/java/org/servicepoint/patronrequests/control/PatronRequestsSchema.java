package org.servicepoint.patronrequests.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.platform.control.ModuleSchema;

/** Patron requests reference the tenant registry; they migrate after policies (55) and standards (65). */
@ApplicationScoped
public class PatronRequestsSchema implements ModuleSchema {

    @Override
    public String name() {
        return "patron_requests";
    }

    @Override
    public int order() {
        return 70;
    }
}
