package org.servicepoint.launcher;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The benchmark's results as a console table and as Markdown (the same figures). */
record Report(BenchmarkOptions options, String arguments, String machine, String postgresVersion, String pgbenchVersion,
              String durabilityPgbench, String durabilityApp, String loadBefore, String loadAfter, List<Benchmark.Level> levels,
              Benchmark.Level peak, LoadGenerator.Phase steady, String diagnostics) {

    /** The targets of issue 5: at least half of pgbench's tps, and p99 at most 50 ms at 70 % of the peak. */
    static final double RATIO_TARGET = 0.5;
    static final double P99_TARGET_MS = 50;

    String unit() {
        return options.operation() == BenchmarkOptions.Operation.CREATE ? "req/s" : "file+sign/s";
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "operation %s, %d tenants, %d s per level, %s; PostgreSQL %s: %s (pgbench), %s (app)%n",
                options.operation().code, options.tenants(), options.seconds(), instances(), postgresVersion, durabilityPgbench,
                durabilityApp));
        out.append(String.format(Locale.ROOT, "%11s %12s %9s %9s %7s %12s %7s%n", "concurrency", "app " + unit(), "p50 ms", "p99 ms",
                "errors", "pgbench tps", "ratio"));
        for (Benchmark.Level l : levels) {
            out.append(String.format(Locale.ROOT, "%11d %12.1f %9.1f %9.1f %7d %12.1f %7.2f%n", l.clients(), l.app().perSecond(),
                    Latencies.millis(l.app().p50()), Latencies.millis(l.app().p99()), l.app().errorCount(), l.pgbench().tps(), l.ratio()));
        }
        out.append(String.format(Locale.ROOT, "%11s %12s %9s %9s %7s %12s %9s%n", "concurrency", "app " + unit(), "instance", "requests",
                "share", "CPU ms/req", "RSS MiB"));
        for (Benchmark.Level l : levels) {
            long all = l.replicas().stream().mapToLong(ReplicaUse::requests).sum();
            for (ReplicaUse r : l.replicas()) {
                out.append(String.format(Locale.ROOT, "%11d %12.1f %9d %9d %6.0f%% %12.2f %9d%n", l.clients(), l.app().perSecond(),
                        r.instance(), r.requests(), 100 * r.share(all), r.cpuMillisPerRequest(), r.medianRssMib()));
            }
        }
        if (steady != null) {
            out.append(String.format(Locale.ROOT, "%.0f%% of peak (%.1f %s at %d clients): target %.1f, achieved %.1f %s, p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms, errors %d%n", options.loadFraction() * 100, peak.app().perSecond(), unit(),
                    peak.clients(), steady.targetRate(), steady.perSecond(), unit(), Latencies.millis(steady.p50()),
                    Latencies.millis(steady.p99()), Latencies.millis(steady.max()), steady.errorCount()));
        }
        out.append(verdict()).append('\n');
        errors().forEach((k, v) -> out.append("  error ").append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }

    /** "1 instance" or "N instances behind a round-robin balancer". */
    String instances() {
        return options.replicas() == 1 ? "1 instance" : options.replicas() + " instances behind a round-robin balancer";
    }

    String verdict() {
        double worstRatio = levels.stream().mapToDouble(Benchmark.Level::ratio).min().orElse(0);
        String ratio = String.format(Locale.ROOT, "ratio >= %.1f at every level: %s (lowest %.2f)", RATIO_TARGET,
                worstRatio >= RATIO_TARGET ? "yes" : "no", worstRatio);
        if (steady == null) {
            return ratio;
        }
        double p99 = Latencies.millis(steady.p99());
        return ratio + String.format(Locale.ROOT, "; p99 <= %.0f ms at %.0f%% of peak: %s (%.1f ms)", P99_TARGET_MS,
                options.loadFraction() * 100, p99 <= P99_TARGET_MS && steady.errorCount() == 0 ? "yes" : "no", p99);
    }

    /** Every kind of failure over all phases, with the first answer seen. */
    Map<String, String> errors() {
        Map<String, String> all = new java.util.TreeMap<>();
        for (Benchmark.Level l : levels) {
            l.app().errors().forEach((k, v) -> all.merge(k, v + "x at " + l.clients() + " clients: " + l.app().errorSamples().get(k),
                    (a, b) -> a + "; " + b));
        }
        if (steady != null) {
            steady.errors().forEach((k, v) -> all.merge(k, v + "x in the open loop: " + steady.errorSamples().get(k), (a, b) -> a + "; " + b));
        }
        return all;
    }

    String markdown(String stamp) {
        StringBuilder md = new StringBuilder();
        md.append("# ServicePoint benchmark ").append(stamp).append("\n\n");
        md.append("- command: `java -jar modules/launcher/target/servicepoint.jar benchmark ").append(arguments).append("`\n");
        md.append("- operation: `").append(options.operation().code).append("`: ").append(options.operation() == BenchmarkOptions.Operation.CREATE
                ? "POST /api/tenants/{slug}/incident-reports (category other, every required answer), 201 counts"
                : "POST /api/tenants/{slug}/incident-reports, then POST {id}/submit {version, confirm:true}; 201 then 200 counts, "
                + "latency of both together").append('\n');
        md.append("- ").append(options.tenants()).append(" tenants, round robin, one real access token each (password grant in the "
                + "tenant's own realm); row-level security, audit chain and outbox as in production\n");
        md.append("- ").append(options.seconds()).append(" s per level after ").append(options.warmupSeconds())
                .append(" s of warm-up; closed loop (each client sends its next request when answered)\n");
        md.append("- pgbench: ").append(pgbenchVersion).append(", `pgbench -n -c C -j C -T ").append(options.seconds())
                .append(" -f bench-insert.sql`, one single-row INSERT per transaction, same server and database\n");
        md.append("- PostgreSQL ").append(postgresVersion).append(" (embedded): ").append(durabilityPgbench).append(" for pgbench, ")
                .append(durabilityApp).append(" for the application\n");
        md.append("- application JVM: `").append(options.javaOptions()).append("`\n");
        md.append("- ").append(options.replicas() == 1 ? "one Payara Micro instance, no balancer"
                : options.replicas() + " Payara Micro instances of the same WAR on ports " + options.instancePorts().stream()
                        .map(String::valueOf).collect(Collectors.joining(", "))
                        + " (the first migrated the database), behind a round-robin balancer without stickiness in the load "
                        + "generator's process (its CPU counts as the load generator's)").append('\n');
        md.append("- machine: ").append(machine).append("; load average before ").append(loadBefore).append(", after ")
                .append(loadAfter).append(" (shared machine: other work ran at the same time)\n\n");
        md.append("| concurrency | app ").append(unit()).append(" | p50 ms | p99 ms | errors | pgbench tps | app / pgbench |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Benchmark.Level l : levels) {
            md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %d | %.1f | %.2f |%n", l.clients(), l.app().perSecond(),
                    Latencies.millis(l.app().p50()), Latencies.millis(l.app().p99()), l.app().errorCount(), l.pgbench().tps(), l.ratio()));
        }
        md.append("\nCPU time per operation in ms, from /proc (less sensitive to the machine's other load than the rates): "
                + "during the application's phase its JVM, PostgreSQL and this load generator; during pgbench's phase PostgreSQL and "
                + "the pgbench client, per transaction.\n\n");
        md.append("| concurrency | ").append(options.replicas() == 1 ? "app JVM" : "app JVMs together")
                .append(" | PostgreSQL | load generator | pgbench: PostgreSQL | pgbench client |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Benchmark.Level l : levels) {
            md.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.3f | %.3f |%n", l.clients(), l.appCpu(), l.dbCpu(),
                    l.clientCpu(), l.pgbenchDbCpu(), l.pgbenchClientCpu()));
        }
        md.append("\nPer instance, during the application's phase: requests it answered (")
                .append(options.replicas() == 1 ? "all of the phase's" : "counted by the balancer")
                .append("), its CPU (user + system, /proc/<pid>/stat) per request answered, and the median of its resident set "
                        + "(VmRSS of /proc/<pid>/status every 0.5 s).\n\n");
        md.append("| concurrency | app ").append(unit()).append(" (all instances) | instance | requests | share | CPU ms per request | "
                + "median RSS MiB |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Benchmark.Level l : levels) {
            long all = l.replicas().stream().mapToLong(ReplicaUse::requests).sum();
            for (ReplicaUse r : l.replicas()) {
                md.append(String.format(Locale.ROOT, "| %d | %.1f | %d | %d | %.0f %% | %.2f | %d |%n", l.clients(), l.app().perSecond(),
                        r.instance(), r.requests(), 100 * r.share(all), r.cpuMillisPerRequest(), r.medianRssMib()));
            }
        }
        if (steady != null) {
            md.append(String.format(Locale.ROOT, "%nOpen loop at %.0f%% of the peak (peak %.1f %s at %d clients): target %.1f, achieved "
                            + "%.1f %s; p50 %.1f ms, p99 %.1f ms, max %.1f ms; errors %d (latency counted from when each request was due)%n",
                    options.loadFraction() * 100, peak.app().perSecond(), unit(), peak.clients(), steady.targetRate(),
                    steady.perSecond(), unit(), Latencies.millis(steady.p50()), Latencies.millis(steady.p99()),
                    Latencies.millis(steady.max()), steady.errorCount()));
        }
        md.append("\nTargets: ").append(verdict()).append("\n");
        Map<String, String> errors = errors();
        if (!errors.isEmpty()) {
            md.append("\nErrors:\n\n");
            errors.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v.replace("\n", " ")).append('\n'));
        }
        if (diagnostics != null) {
            md.append("\n## Diagnostics\n\n").append(diagnostics);
        }
        return md.toString();
    }
}
