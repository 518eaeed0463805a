package org.servicepoint.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resident memory (VmRSS from /proc/PID/status, Linux) of some processes, sampled at a fixed interval during a phase.
 * One reading at the end would catch the heap at a random point of its collection cycle; the median of the samples
 * says what the process holds while it works.
 */
final class ResidentSets {

    private final List<Long> pids;
    private final List<List<Long>> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-rss");
        thread.setDaemon(true);
        return thread;
    });

    private ResidentSets(List<Long> pids) {
        this.pids = List.copyOf(pids);
        pids.forEach(p -> samples.add(new ArrayList<>()));
    }

    /** Starts sampling {@code pids} now and every {@code interval}. */
    static ResidentSets sample(List<Long> pids, Duration interval) {
        ResidentSets sets = new ResidentSets(pids);
        sets.sampler.scheduleAtFixedRate(sets::take, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return sets;
    }

    private synchronized void take() {
        for (int i = 0; i < pids.size(); i++) {
            long kib = read(pids.get(i));
            if (kib >= 0) {
                samples.get(i).add(kib);
            }
        }
    }

    /** Stops sampling; answers the median resident set of each process in KiB (-1 when none was read), in order. */
    List<Long> stop() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        synchronized (this) {
            return samples.stream().map(ResidentSets::median).toList();
        }
    }

    /** The resident set of the process in KiB; -1 when it is gone or not on Linux. */
    static long read(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** The {@code VmRSS:} line of /proc/PID/status ("VmRSS:	  123456 kB") in KiB; -1 when there is none (a zombie). */
    static long parse(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                long value = Long.parseLong(parts[0]);
                return parts.length > 1 && parts[1].equalsIgnoreCase("mB") ? value * 1024 : value;
            }
        }
        return -1;
    }

    /** The middle value (the mean of the two middle ones for an even count); -1 for no values. */
    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
