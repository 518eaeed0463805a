package org.servicepoint.incidents.reports.entity;

import org.servicepoint.platform.entity.WireNames;

/** Why someone signed: as the reporter, as the person in charge, for an addendum, or as headquarters. */
public enum SignatureKind {
    REPORTER, COUNTERSIGNATURE, ADDENDUM, ACKNOWLEDGEMENT;

    public String code() {
        return WireNames.of(this);
    }
}
