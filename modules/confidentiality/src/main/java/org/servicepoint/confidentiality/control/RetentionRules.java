package org.servicepoint.confidentiality.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Retention date arithmetic. A period is whole days of 24 hours from the moment it counts from (a decision,
 * a last use), independent of time zones and daylight saving. A record is due for purge at
 * {@code basis + days}, and from then on.
 */
public final class RetentionRules {

    private RetentionRules() {
    }

    public static Instant dueAt(Instant basis, int days) {
        return basis.plus(Duration.ofDays(days));
    }

    public static boolean isDue(Instant basis, int days, Instant now) {
        return !dueAt(basis, days).isAfter(now);
    }

    /** Records whose basis is at or before this instant are due at {@code now}. */
    public static Instant cutoff(Instant now, int days) {
        return now.minus(Duration.ofDays(days));
    }
}
