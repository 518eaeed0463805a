package org.servicepoint.incidents.delivery.entity;

import org.servicepoint.platform.entity.WireNames;

/**
 * What a delivery carries: the signed report itself, or the notice to headquarters that a report is overdue; or a
 * notice about no report: to an address that no longer receives reports, to the deciders of a disclosure request.
 */
public enum DeliveryKind {
    REPORT, OVERDUE_NOTICE, RECIPIENT_CHANGED, DISCLOSURE_REQUEST;

    /** Whether the delivery names a report (and is composed from it when sent) or carries its own text. */
    public boolean aboutReport() {
        return this == REPORT || this == OVERDUE_NOTICE;
    }

    public String code() {
        return WireNames.of(this);
    }
}
