package org.servicepoint.tenancy.boundary;

import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.entity.TenantId;

/** Path parameters the operator names; malformed ones simply do not exist. */
final class Paths {

    private Paths() {
    }

    static TenantId tenant(String slug) {
        if (!TenantId.isValidSlug(slug)) {
            throw Refusal.notFound("library system " + slug);
        }
        return TenantId.of(slug);
    }
}
