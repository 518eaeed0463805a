package org.servicepoint.incidents.entity;

/** What a delivery carries: the signed report itself, or the notice to headquarters that a report is overdue. */
public enum DeliveryKind {
    REPORT, OVERDUE_NOTICE;

    public String code() {
        return name().toLowerCase().replace('_', '-');
    }
}
