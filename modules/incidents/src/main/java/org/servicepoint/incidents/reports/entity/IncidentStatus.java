package org.servicepoint.incidents.reports.entity;

import org.servicepoint.platform.entity.WireNames;

/**
 * How far a report has come, in the order the steps happen. A later step never goes back: distribution may be
 * recorded after headquarters has already acknowledged a report, and then the status stays where it is.
 */
public enum IncidentStatus {
    DRAFT, SUBMITTED, COUNTERSIGNED, DISTRIBUTED, ACKNOWLEDGED, CLOSED;

    public String code() {
        return WireNames.of(this);
    }

    public static IncidentStatus ofCode(String code) {
        for (IncidentStatus status : values()) {
            if (status.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return status;
            }
        }
        throw new IllegalArgumentException("must be one of draft, submitted, countersigned, distributed, acknowledged, closed");
    }

    /** This status, or {@code other} if that is further along. */
    public IncidentStatus atLeast(IncidentStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
