package org.servicepoint.confidentiality.boundary;

import java.util.UUID;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.entity.TenantId;

/** Path parameters (ids, the operator's tenant slug); malformed ones simply do not exist. */
final class Paths {

    private Paths() {
    }

    static UUID id(String text, String what) {
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // falls through: a malformed id is an id that does not exist
        }
        throw Refusal.notFound(what);
    }

    static TenantId tenant(String slug) {
        if (!TenantId.isValidSlug(slug)) {
            throw Refusal.notFound("library system " + slug);
        }
        return TenantId.of(slug);
    }
}
