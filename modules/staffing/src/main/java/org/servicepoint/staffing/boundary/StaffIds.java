package org.servicepoint.staffing.boundary;

import java.util.UUID;
import org.servicepoint.platform.control.Refusal;

/** Staff member ids in paths: one that is not a UUID names nobody. */
final class StaffIds {

    private StaffIds() {
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("staff member " + id);
        }
    }
}
