package org.servicepoint.incidents.reports.boundary;

import java.util.UUID;
import org.servicepoint.platform.control.Ids;

/** Report ids in paths: one that is not a canonical UUID names no report. */
final class ReportIds {

    private ReportIds() {
    }

    static UUID parse(String id) {
        return Ids.inPath(id, "incident report");
    }
}
