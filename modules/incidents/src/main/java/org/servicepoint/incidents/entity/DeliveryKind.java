package org.servicepoint.incidents.entity;

import org.servicepoint.platform.entity.WireNames;

/** What a delivery carries: the signed report itself, or the notice to headquarters that a report is overdue. */
public enum DeliveryKind {
    REPORT, OVERDUE_NOTICE;

    public String code() {
        return WireNames.of(this);
    }
}
