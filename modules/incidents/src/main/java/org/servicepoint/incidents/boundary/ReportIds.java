package org.servicepoint.incidents.boundary;

import java.util.UUID;
import org.servicepoint.platform.control.Refusal;

/** Report ids in paths: one that is not a UUID names no report. */
final class ReportIds {

    private ReportIds() {
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Refusal.notFound("incident report " + id);
        }
    }
}
