package org.servicepoint.patronrequests.publicpages.control;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many submissions a source (a keyed hash of an address, never the address) and a branch may make in a window,
 * counted in memory. Every attempt counts, refused or not, so a flood stays refused. The map holds at most
 * {@code capacity} keys; when full, the key used longest ago goes, which at worst lets a forgotten source start again.
 */
public final class SubmissionLimits {

    private final int perSource;
    private final int perBranch;
    private final Duration window;
    private final int capacity;
    private final Map<String, Window> counts;

    public SubmissionLimits(int perSource, int perBranch, Duration window, int capacity) {
        this.perSource = perSource;
        this.perBranch = perBranch;
        this.window = window;
        this.capacity = capacity;
        this.counts = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > SubmissionLimits.this.capacity;
            }
        };
    }

    /** Counts one attempt by {@code sourceKey} at {@code branchKey}; empty when allowed, else how long to wait. */
    public synchronized Duration attempt(String sourceKey, String branchKey, Instant now) {
        Window source = count("s:" + sourceKey, now);
        Window branch = count("b:" + branchKey, now);
        if (source.count > perSource) {
            return source.wait(now, window);
        }
        if (branch.count > perBranch) {
            return branch.wait(now, window);
        }
        return Duration.ZERO;
    }

    /** How many keys are held now (bounded by the capacity). */
    public synchronized int size() {
        return counts.size();
    }

    private Window count(String key, Instant now) {
        Window held = counts.get(key);
        if (held == null || !now.isBefore(held.start.plus(window))) {
            held = new Window(now);
            counts.put(key, held);
        }
        // Saturating: a flood of billions does not wrap round to zero.
        if (held.count < Integer.MAX_VALUE) {
            held.count++;
        }
        return held;
    }

    private static final class Window {
        final Instant start;
        int count;

        Window(Instant start) {
            this.start = start;
        }

        Duration wait(Instant now, Duration window) {
            Duration left = Duration.between(now, start.plus(window));
            return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
        }
    }
}
