package org.servicepoint.incidents.forms.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.servicepoint.platform.entity.StoredTime;

/**
 * The platform's {@link StoredTime} under the name the incident workflow uses. A signature covers a hash of times,
 * so the value hashed when signing must be exactly the value read back when verifying.
 */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime stored(OffsetDateTime time) {
        return StoredTime.stored(time);
    }

    public static OffsetDateTime stored(Instant time) {
        return StoredTime.stored(time);
    }
}
