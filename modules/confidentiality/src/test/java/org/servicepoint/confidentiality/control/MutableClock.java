package org.servicepoint.confidentiality.control;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test sets by hand. */
final class MutableClock extends Clock {

    private Instant now;

    MutableClock(String instant) {
        this.now = Instant.parse(instant);
    }

    MutableClock at(String instant) {
        now = Instant.parse(instant);
        return this;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
