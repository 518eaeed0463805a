package org.servicepoint.launcher;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latencies in nanoseconds, recorded by one thread (no locking on the hot path) and merged after a phase.
 * Percentiles by nearest rank on the sorted values: exact, and cheap for the few hundred thousand values a phase
 * produces.
 */
final class Latencies {

    private long[] values = new long[4096];
    private int size;
    private boolean sorted = true;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
        sorted = false;
    }

    int count() {
        return size;
    }

    static Latencies merge(Collection<Latencies> parts) {
        Latencies all = new Latencies();
        int total = parts.stream().mapToInt(Latencies::count).sum();
        all.values = new long[Math.max(1, total)];
        for (Latencies part : parts) {
            System.arraycopy(part.values, 0, all.values, all.size, part.size);
            all.size += part.size;
        }
        all.sorted = false;
        return all;
    }

    /**
     * The smallest value with at least {@code percent} % of all values at or below it (nearest rank); 0 when
     * nothing was recorded.
     */
    long percentile(double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percent);
        }
        if (size == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(percent / 100.0 * size);
        return values[Math.max(0, Math.min(size, rank) - 1)];
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
