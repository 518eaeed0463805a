package org.servicepoint.incidents.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Times as PostgreSQL keeps them: UTC, to the microsecond. A signature covers a hash of times, so the value
 * hashed when signing must be exactly the value read back when verifying.
 */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime stored(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static OffsetDateTime stored(Instant time) {
        return time == null ? null : stored(time.atOffset(ZoneOffset.UTC));
    }
}
