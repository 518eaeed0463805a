package org.servicepoint.launcher;

/**
 * What one Payara Micro instance did during one phase: the requests it answered (counted by the balancer, or all of
 * the phase's requests when it runs alone), its CPU time (user + system, its whole process tree) per answered request,
 * and its median resident set.
 */
record ReplicaUse(int instance, long requests, double cpuMillisPerRequest, long medianRssKib) {

    /** From the readings before and after the phase; unknown readings (-1) give NaN or -1, never a made-up figure. */
    static ReplicaUse of(int instance, long answeredBefore, long answeredAfter, long ticksBefore, long ticksAfter, long medianRssKib) {
        long requests = Math.max(0, answeredAfter - answeredBefore);
        return new ReplicaUse(instance, requests, CpuTicks.millisPer(ticksBefore, ticksAfter, requests), medianRssKib);
    }

    /** The median resident set in MiB, rounded; -1 when unknown. */
    long medianRssMib() {
        return medianRssKib < 0 ? -1 : Math.round(medianRssKib / 1024.0);
    }

    /** This instance's share of all instances' requests in the phase (0 to 1). */
    double share(long allRequests) {
        return allRequests > 0 ? (double) requests / allRequests : 0;
    }
}
