package org.servicepoint.tenancy.boundary;

import java.time.Instant;
import org.servicepoint.platform.entity.WireNames;
import org.servicepoint.tenancy.entity.Tenant;

/** A library system as the operator's API shows it. */
public record TenantView(String slug, String name, String timeZone, String locale, String status, long branches,
                         Instant createdAt, Instant updatedAt) {

    static TenantView of(Tenant t, long branches) {
        return new TenantView(t.slug(), t.name(), t.timeZone().getId(), t.locale().toLanguageTag(),
                WireNames.of(t.status()), branches, t.createdAt(), t.updatedAt());
    }
}
