package org.servicepoint.demo.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.platform.control.ModuleSchema;

/** The record of applied demo data references tenancy's tenant table, so it migrates after the contexts. */
@ApplicationScoped
public class DemoSchema implements ModuleSchema {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public int order() {
        return 90;
    }
}
