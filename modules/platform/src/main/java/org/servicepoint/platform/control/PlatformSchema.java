package org.servicepoint.platform.control;

import jakarta.enterprise.context.ApplicationScoped;

/** The platform's tables (audit log) come first: every context writes audit lines. */
@ApplicationScoped
public class PlatformSchema implements ModuleSchema {

    @Override
    public String name() {
        return "platform";
    }

    @Override
    public int order() {
        return 0;
    }
}
