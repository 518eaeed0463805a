package org.servicepoint.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    static Benchmark.Level level(int clients, long successes, List<ReplicaUse> replicas) {
        LoadGenerator.Phase phase = new LoadGenerator.Phase(clients + " clients", clients, 0, successes, 10, 5_000_000, 20_000_000,
                30_000_000, Map.of(), Map.of());
        return new Benchmark.Level(clients, phase, new PgBench.Result(5000, 50_000, 0, 1, ""), 3, 1.5, 0.3, 0.1, 0.02, replicas);
    }

    static Report report(String... args) {
        BenchmarkOptions options = BenchmarkOptions.parse(args, Map.of(), "x");
        List<Benchmark.Level> levels = List.of(
                level(4, 3_000, List.of(new ReplicaUse(1, 1_500, 2.5, 600 * 1024), new ReplicaUse(2, 1_500, 2.75, 580 * 1024))),
                level(16, 5_000, List.of(new ReplicaUse(1, 2_600, 1.5, 610 * 1024), new ReplicaUse(2, 2_400, 1.625, 590 * 1024))));
        return new Report(options, String.join(" ", args), "2 cores", "17.11", "pgbench 15", "fsync=on", "fsync=on", "1.0", "2.0",
                levels, levels.get(1), null, null);
    }

    @Test
    void theMarkdownOfATwoInstanceRunListsEachInstancesRequestsCpuAndMemoryAtEachLevel() {
        String md = report("--replicas", "2", "--http-port", "9100", "--concurrency", "4,16").markdown("x");
        assertThat(md).contains("2 Payara Micro instances of the same WAR on ports 9100, 9101")
                .contains("| concurrency | app JVMs together |")
                .contains("| 4 | 300.0 | 1 | 1500 | 50 % | 2.50 | 600 |")
                .contains("| 4 | 300.0 | 2 | 1500 | 50 % | 2.75 | 580 |")
                .contains("| 16 | 500.0 | 1 | 2600 | 52 % | 1.50 | 610 |")
                .contains("| 16 | 500.0 | 2 | 2400 | 48 % | 1.63 | 590 |");
    }

    @Test
    void theConsoleTableShowsTheSameFiguresPerInstance() {
        String text = report("--replicas", "2").text();
        assertThat(text).contains("2 instances behind a round-robin balancer");
        assertThat(text.lines().filter(l -> l.matches("\\s+16\\s+500\\.0\\s+[12]\\s+.*"))).hasSize(2);
        assertThat(text).containsPattern("16\\s+500\\.0\\s+1\\s+2600\\s+52%\\s+1\\.50\\s+610");
    }

    @Test
    void aOneInstanceRunSaysThereIsNoBalancer() {
        String md = report("--concurrency", "4,16").markdown("x");
        assertThat(md).contains("one Payara Micro instance, no balancer").contains("| concurrency | app JVM |")
                .contains("requests it answered (all of the phase's)");
    }
}
