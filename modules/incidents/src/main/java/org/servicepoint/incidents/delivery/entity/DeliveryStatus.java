package org.servicepoint.incidents.delivery.entity;

import org.servicepoint.platform.entity.WireNames;

/**
 * Where one delivery stands. SENDING is a claim with an end: a worker that dies mid-send leaves it, and when the
 * claim runs out the delivery is due again.
 */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED;

    public String code() {
        return WireNames.of(this);
    }
}
