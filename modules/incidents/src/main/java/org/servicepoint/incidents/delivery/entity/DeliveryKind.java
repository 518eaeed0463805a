package org.servicepoint.incidents.delivery.entity;

import org.servicepoint.platform.entity.WireNames;

/**
 * What a delivery carries: the signed report itself, or the notice to headquarters that a report is overdue; or a
 * notice about no report: to an address that no longer receives reports, to the deciders of a disclosure request;
 * or a mail another context queued through {@code MailOutbox}: to staff at a roster address, or to a patron (address,
 * subject and text sealed at rest).
 */
public enum DeliveryKind {
    REPORT, OVERDUE_NOTICE, RECIPIENT_CHANGED, DISCLOSURE_REQUEST, STAFF_MAIL, PATRON_MAIL;

    /** Whether the delivery names a report (and is composed from it when sent) or carries its own text. */
    public boolean aboutReport() {
        return this == REPORT || this == OVERDUE_NOTICE;
    }

    /** Whether another context queued it, once per key ({@code MailOutbox}). */
    public boolean keyed() {
        return this == STAFF_MAIL || this == PATRON_MAIL;
    }

    public String code() {
        return WireNames.of(this);
    }
}
