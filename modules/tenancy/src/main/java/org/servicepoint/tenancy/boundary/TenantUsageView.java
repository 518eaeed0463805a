package org.servicepoint.tenancy.boundary;

import java.time.Instant;
import org.servicepoint.platform.entity.WireNames;
import org.servicepoint.tenancy.control.TenantUsage.Figures;
import org.servicepoint.tenancy.entity.Tenant;

/** A library system's status, health and usage as the operator's console shows it: counts and times, no content. */
public record TenantUsageView(String slug, String name, String status, Boolean realmPresent, long staff, long branches,
                              long incidentReportsThisMonth, long storageBytes, Instant lastActivity, long mailBacklog,
                              Boolean configurationDrift) {

    static TenantUsageView of(Tenant t, Figures f) {
        return new TenantUsageView(t.slug(), t.name(), WireNames.of(t.status()), f.realmPresent(), f.staff(), f.branches(),
                f.incidentReportsThisMonth(), f.storageBytes(), f.lastActivity(), f.mailBacklog(), f.configurationDrift());
    }
}
