package org.servicepoint.confidentiality.boundary;

import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.entity.TenantId;

/** The operator's tenant slug in paths; a malformed one simply does not exist (ids: the platform's {@code Ids}). */
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
