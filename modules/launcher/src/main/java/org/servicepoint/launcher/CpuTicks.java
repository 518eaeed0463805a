package org.servicepoint.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of a process and its children from /proc (Linux), in clock ticks. On a shared machine throughput swings
 * with everyone else's load; CPU time spent per operation swings much less, so it shows whether a change made the
 * application do less work.
 */
final class CpuTicks {

    /** USER_HZ: 100 on every Linux the JDK runs on. */
    static final double TICKS_PER_SECOND = 100;

    private CpuTicks() {
    }

    /**
     * utime + stime of the process, plus the times of children it has waited for (cutime + cstime: PostgreSQL's
     * backends that ended, pgbench runs that finished), plus its live children's own times. -1 when unknown.
     */
    static long tree(long pid) {
        long own = read(pid, true);
        if (own < 0) {
            return -1;
        }
        long children = ProcessHandle.of(pid).map(h -> h.children().mapToLong(c -> Math.max(0, read(c.pid(), false))).sum()).orElse(0L);
        return own + children;
    }

    /** The process alone: its own threads, with or without the children it has waited for. */
    static long read(long pid, boolean withReaped) {
        try {
            return parse(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")), withReaped);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** Fields 14-17 of /proc/PID/stat (utime, stime, cutime, cstime); the name in parentheses may hold spaces. */
    static long parse(String stat, boolean withReaped) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3].
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withReaped ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
    }

    /** Milliseconds of CPU per operation between two readings; NaN when either is unknown or nothing was done. */
    static double millisPer(long before, long after, long operations) {
        if (before < 0 || after < 0 || operations <= 0) {
            return Double.NaN;
        }
        return (after - before) * 1000.0 / TICKS_PER_SECOND / operations;
    }
}
