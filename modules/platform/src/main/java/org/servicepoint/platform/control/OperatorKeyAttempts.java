package org.servicepoint.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down guessing of the operator key, per client address: after {@link #FREE_FAILURES} wrong keys in a
 * row every further attempt from that address must wait, one second after the first of them and twice as
 * long after each next one, at most {@link #LONGEST_WAIT}. While it waits, even the right key is not looked
 * at. A right key clears the address; failures are forgotten after {@link #FORGET_AFTER} without any.
 */
@ApplicationScoped
public class OperatorKeyAttempts {

    public static final int FREE_FAILURES = 4;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Addresses remembered at most; the oldest are forgotten first, so a flood cannot exhaust memory. */
    static final int MAX_ADDRESSES = 10_000;

    private record Failures(int count, Instant last) {
    }

    private final Clock clock;
    private final Map<String, Failures> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    public OperatorKeyAttempts() {
        this(Clock.systemUTC());
    }

    OperatorKeyAttempts(Clock clock) {
        this.clock = clock;
    }

    /** How long this address must still wait before its next attempt is looked at; zero when it may try. */
    public synchronized Duration waitFor(String address) {
        Failures failures = current(address);
        if (failures == null || failures.count() <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), failures.last().plus(delayAfter(failures.count())));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public synchronized void failed(String address) {
        Failures failures = current(address);
        byAddress.put(address, new Failures(failures == null ? 1 : failures.count() + 1, clock.instant()));
    }

    public synchronized void succeeded(String address) {
        byAddress.remove(address);
    }

    static Duration delayAfter(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : delay;
    }

    private Failures current(String address) {
        Failures failures = byAddress.get(address);
        if (failures != null && failures.last().plus(FORGET_AFTER).isBefore(clock.instant())) {
            byAddress.remove(address);
            return null;
        }
        return failures;
    }
}
