package org.servicepoint.platform.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Times as PostgreSQL keeps them: UTC, to the microsecond. An entity stores what this returns, so what a rule
 * compares, or a signature hashes, is exactly what is read back later.
 */
public final class StoredTime {

    private StoredTime() {
    }

    /** The time as stored; null stays null. */
    public static OffsetDateTime stored(Instant time) {
        return time == null ? null : time.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** The time as stored, whatever its offset; null stays null. */
    public static OffsetDateTime stored(OffsetDateTime time) {
        return time == null ? null : stored(time.toInstant());
    }
}
