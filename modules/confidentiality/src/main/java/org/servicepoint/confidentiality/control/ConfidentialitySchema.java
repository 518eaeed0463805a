package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.platform.control.ModuleSchema;

/** Confidentiality's tables: tenant keys, patron references, disclosure requests, retention periods. */
@ApplicationScoped
public class ConfidentialitySchema implements ModuleSchema {

    @Override
    public String name() {
        return "confidentiality";
    }

    @Override
    public int order() {
        return 20;
    }
}
