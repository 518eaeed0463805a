package org.servicepoint.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.servicepoint.localservices.RoundRobinBalancer;

/**
 * {@code benchmark}: starts a throw-away ServicePoint (PostgreSQL, Keycloak, Payara Micro, through {@link LocalRun})
 * with N generated library systems, files incident reports over HTTP with real tokens at several concurrencies, runs
 * pgbench's single-row INSERT on the same database at the same concurrencies, then measures latency at a fixed
 * fraction of the peak. Prints a table and writes it as Markdown. Not a test: numbers depend on the machine.
 *
 * <p>With {@code --replicas N} (N > 1) further Payara Micro instances of the same WAR join the first on the same
 * database and Keycloak, and the load goes through a round-robin balancer in this process; each instance's requests,
 * CPU and memory are reported per level.
 */
final class Benchmark {

    private final String[] args;
    private final Map<String, String> env;

    Benchmark(String[] args, Map<String, String> env) {
        this.args = args;
        this.env = env;
    }

    /**
     * One concurrency level: the application's phase and pgbench's at the same number of clients, with the CPU each
     * process spent per operation (ms): the application's JVM, PostgreSQL and this load generator during the
     * application's phase; PostgreSQL and the pgbench client during pgbench's.
     */
    record Level(int clients, LoadGenerator.Phase app, PgBench.Result pgbench, double appCpu, double dbCpu, double clientCpu,
                 double pgbenchDbCpu, double pgbenchClientCpu, List<ReplicaUse> replicas) {

        double ratio() {
            return pgbench.tps() > 0 ? app.perSecond() / pgbench.tps() : 0;
        }
    }

    int run() throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(BenchmarkOptions.USAGE);
            return 0;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args, env, stamp);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchmarkOptions.USAGE);
            return 64;
        }
        String pgbenchVersion = pgbenchVersion(options.pgbench());
        if (pgbenchVersion == null) {
            System.err.println("pgbench not found (" + options.pgbench() + "); install postgresql-client or set SERVICEPOINT_PGBENCH");
            return 1;
        }
        List<Integer> ports = new ArrayList<>(options.instancePorts());
        ports.addAll(List.of(options.databasePort(), options.keycloakPort()));
        for (int port : ports) {
            if (!LocalRun.portFree(port)) {
                System.err.println("Port " + port + " is in use; choose others with --http-port, --db-port, --keycloak-port");
                return 1;
            }
        }
        Path state = Files.createTempDirectory("servicepoint-bench-");
        Path tenantsDir = state.resolve("tenants");
        List<String> slugs = BenchTenants.write(tenantsDir, options.tenants());
        Path appLog = state.resolve("payara.log");
        String javaOptions = options.diagnose() ? options.javaOptions() + " " + Diagnostics.JVM_OPTION : options.javaOptions();
        Settings settings = new Settings(state, options.httpPort(), options.databasePort(), options.keycloakPort(), tenantsDir,
                "http://localhost:" + options.httpPort(), null, javaOptions);
        Map<String, String> postgresConfig = new TreeMap<>();
        // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit=off; a benchmark of durable writes wants
        // both on, for the application and pgbench alike (later settings win over -F).
        postgresConfig.put("fsync", "on");
        postgresConfig.put("synchronous_commit", "on");
        if (options.diagnose()) {
            postgresConfig.put("shared_preload_libraries", "pg_stat_statements");
            postgresConfig.put("pg_stat_statements.track", "all");
        }
        LocalRun.Launch launch = new LocalRun.Launch(settings, postgresConfig, Map.of(), appLog);
        log("state in " + state + " (" + options.tenants() + " tenant files; application log " + appLog + ")");

        Runnable cleanUp = () -> {
            if (!options.keepState()) {
                deleteTree(state);
            }
        };
        LocalRun.Stack stack;
        try {
            stack = new LocalRun(launch).start();
        } catch (LocalRun.NotStarted e) {
            System.err.println(e.getMessage());
            cleanUp.run();
            return 1;
        }
        Thread hook = new Thread(() -> {
            stack.close();
            cleanUp.run();
        }, "benchmark-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return measureWhenReady(options, stack, state, slugs, appLog, pgbenchVersion, stamp);
        } finally {
            log("stopping Payara Micro, Keycloak and PostgreSQL");
            stack.close();
            cleanUp.run();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; closing twice does nothing
            }
        }
    }

    private int measureWhenReady(BenchmarkOptions options, LocalRun.Stack stack, Path state, List<String> slugs, Path appLog,
                                 String pgbenchVersion, String stamp) throws Exception {
        long readyStart = System.nanoTime();
        log("waiting for the application (applies " + slugs.size() + " tenant files and provisions their realms)");
        if (!stack.awaitReady(Duration.ofMinutes(20))) {
            System.err.println("The application did not become ready; last lines of " + appLog + ":\n" + tail(appLog, 40));
            return 1;
        }
        log(String.format(Locale.ROOT, "ready after %.0f s; Payara Micro pid %d (thread dumps: jcmd %d Thread.print)",
                (System.nanoTime() - readyStart) / 1e9, stack.app().pid(), stack.app().pid()));
        List<Process> instances = new ArrayList<>(List.of(stack.app()));
        if (options.replicas() == 1) {
            return measure(options, stack, state, slugs, appLog, pgbenchVersion, stamp, instances, null);
        }
        for (int i = 1; i < options.replicas(); i++) {
            int port = options.instancePorts().get(i);
            // The first instance has migrated the database and applied the tenant files (provisioning their realms);
            // the others start as production replicas do: no migrations, no demo data, nothing to apply.
            instances.add(stack.startInstance(port, state.resolve("payara-" + (i + 1) + ".log"), Map.of(
                    "SERVICEPOINT_DB_MIGRATE", "false", "SERVICEPOINT_DEMO_DATA", "false", "SERVICEPOINT_TENANTS_DIR", "none")));
            log("starting Payara Micro instance " + (i + 1) + " on port " + port + " (pid " + instances.get(i).pid() + ")");
        }
        List<String> bases = options.instancePorts().stream().map(p -> "http://localhost:" + p).toList();
        for (int i = 1; i < instances.size(); i++) {
            if (!LocalRun.Stack.awaitReady(bases.get(i), instances.get(i), Duration.ofMinutes(10))) {
                Path log = state.resolve("payara-" + (i + 1) + ".log");
                System.err.println("Instance " + (i + 1) + " did not become ready; last lines of " + log + ":\n" + tail(log, 40));
                return 1;
            }
        }
        try (RoundRobinBalancer balancer = new RoundRobinBalancer(bases, "/api/public/tenants/" + slugs.get(0) + "/sign-in", 0)) {
            if (!balancer.awaitAllReady(Duration.ofMinutes(1))) {
                System.err.println("The balancer did not see every instance ready and warmed up within a minute");
                return 1;
            }
            log(options.replicas() + " instances ready behind the round-robin balancer at " + balancer.url() + " (pids "
                    + String.join(", ", instances.stream().map(p -> String.valueOf(p.pid())).toList()) + ")");
            return measure(options, stack, state, slugs, appLog, pgbenchVersion, stamp, instances, balancer);
        }
    }

    /**
     * The phases against {@code instances}: through {@code balancer} when there is one, else straight to the only
     * instance.
     */
    private int measure(BenchmarkOptions options, LocalRun.Stack stack, Path state, List<String> slugs, Path appLog,
                        String pgbenchVersion, String stamp, List<Process> instances, RoundRobinBalancer balancer) throws Exception {

        DataSource admin = stack.postgres().getDatabase("postgres", LocalRun.DATABASE);
        DataSource appRole = stack.postgres().getDatabase(LocalRun.APP, LocalRun.DATABASE);
        String durabilityAdmin;
        String durabilityApp;
        String serverVersion;
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute(PgBench.TABLE_DDL);
            if (options.diagnose()) {
                s.execute("create extension if not exists pg_stat_statements");
            }
            durabilityAdmin = durability(s);
            serverVersion = single(s, "show server_version");
        }
        try (Connection c = appRole.getConnection(); Statement s = c.createStatement()) {
            durabilityApp = durability(s);
        }
        log("PostgreSQL " + serverVersion + ": " + durabilityAdmin + " (pgbench, as postgres); " + durabilityApp
                + " (application role " + LocalRun.APP + ")");
        Path script = PgBench.writeScript(state, slugs.size());

        BenchTokens tokens = new BenchTokens(stack.identity().url(), slugs, BenchTenants.USERNAME, stack.demoPassword());
        long tokenStart = System.nanoTime();
        tokens.ensureValidFor(Duration.ofSeconds(options.warmupSeconds() + 90));
        log(String.format(Locale.ROOT, "%d access tokens from %d realms in %.1f s", slugs.size(), slugs.size(),
                (System.nanoTime() - tokenStart) / 1e9));

        LoadGenerator load = new LoadGenerator(balancer == null ? stack.baseUrl() : balancer.url(), slugs, tokens, options.operation());
        List<String> primeFailures = load.primeEachTenant();
        if (!primeFailures.isEmpty()) {
            System.err.println("Filing one report per tenant failed for " + primeFailures.size() + " tenant(s):");
            primeFailures.stream().limit(5).forEach(f -> System.err.println("  " + f));
            return 1;
        }
        log("one " + options.operation().code + " per tenant went through (each tenant adopted the built-in form)");
        if (options.warmupSeconds() > 0) {
            log("warm-up: " + options.warmupSeconds() + " s at " + options.maxConcurrency() + " clients");
            LoadGenerator.Phase warm = load.closedLoop("warm-up", options.maxConcurrency(), Duration.ofSeconds(options.warmupSeconds()));
            log(String.format(Locale.ROOT, "warm-up: %.0f ops/s, p99 %.1f ms, %d error(s)", warm.perSecond(),
                    Latencies.millis(warm.p99()), warm.errorCount()));
        }
        Diagnostics diagnostics = options.diagnose() ? new Diagnostics(admin, stack.app().pid(), options.out()) : null;
        if (diagnostics != null) {
            diagnostics.resetStatements();
        }

        String loadBefore = loadAverage();
        List<Long> appPids = instances.stream().map(Process::pid).toList();
        long dbPid = stack.postgresPid();
        long self = ProcessHandle.current().pid();
        List<Level> levels = new ArrayList<>();
        for (int clients : options.concurrency()) {
            tokens.ensureValidFor(Duration.ofSeconds(options.seconds() + 90));
            boolean watch = diagnostics != null && clients == options.maxConcurrency();
            if (watch) {
                diagnostics.watch(Duration.ofSeconds(options.seconds()));
            }
            long[] answeredBefore = answered(balancer);
            List<Long> appBefore = appPids.stream().map(CpuTicks::tree).toList();
            long dbBefore = CpuTicks.tree(dbPid);
            long selfBefore = CpuTicks.read(self, false);
            ResidentSets memory = ResidentSets.sample(appPids, Duration.ofMillis(500));
            LoadGenerator.Phase app = load.closedLoop(clients + " clients", clients, Duration.ofSeconds(options.seconds()));
            List<Long> rss = memory.stop();
            List<Long> appAfter = appPids.stream().map(CpuTicks::tree).toList();
            long dbAfter = CpuTicks.tree(dbPid);
            long selfAfter = CpuTicks.read(self, false);
            long[] answeredAfter = answered(balancer);
            if (balancer == null) {
                // Alone, the instance answered every request of the phase: those of each success, one for each failure.
                answeredAfter[0] = app.successes() * options.operation().requests + app.errorCount();
            }
            List<ReplicaUse> replicas = new ArrayList<>();
            for (int i = 0; i < appPids.size(); i++) {
                replicas.add(ReplicaUse.of(i + 1, answeredBefore[i], answeredAfter[i], appBefore.get(i), appAfter.get(i), rss.get(i)));
            }
            if (watch) {
                diagnostics.stopWatching();
            }
            long reapedBefore = CpuTicks.read(self, true) - CpuTicks.read(self, false);
            long dbBeforePg = CpuTicks.tree(dbPid);
            PgBench.Result pg = PgBench.run(options.pgbench(), "localhost", options.databasePort(), "postgres", LocalRun.DATABASE,
                    script, clients, options.seconds());
            // pgbench's backends end with it; their time reaches the postmaster's total once it has reaped them.
            Thread.sleep(1000);
            long dbAfterPg = CpuTicks.tree(dbPid);
            long reapedAfter = CpuTicks.read(self, true) - CpuTicks.read(self, false);
            Level level = new Level(clients, app, pg, CpuTicks.millisPer(sum(appBefore), sum(appAfter), app.successes()),
                    CpuTicks.millisPer(dbBefore, dbAfter, app.successes()), CpuTicks.millisPer(selfBefore, selfAfter, app.successes()),
                    CpuTicks.millisPer(dbBeforePg, dbAfterPg, pg.transactions()), CpuTicks.millisPer(reapedBefore, reapedAfter, pg.transactions()),
                    List.copyOf(replicas));
            levels.add(level);
            log(String.format(Locale.ROOT, "%3d clients: app %7.1f ops/s  p50 %6.1f ms  p99 %6.1f ms  errors %d  |  pgbench %7.1f tps"
                            + "  |  ratio %.2f  |  CPU ms/op: app %.2f + db %.2f (pgbench: db %.3f)", clients, app.perSecond(),
                    Latencies.millis(app.p50()), Latencies.millis(app.p99()), app.errorCount(), pg.tps(), level.ratio(), level.appCpu(),
                    level.dbCpu(), level.pgbenchDbCpu()));
            for (ReplicaUse r : replicas) {
                log(String.format(Locale.ROOT, "     instance %d: %d requests, CPU %.2f ms/request, median RSS %d MiB", r.instance(),
                        r.requests(), r.cpuMillisPerRequest(), r.medianRssMib()));
            }
        }
        Level peak = levels.stream().max(Comparator.comparingDouble(l -> l.app().perSecond())).orElseThrow();
        double rate = options.loadFraction() * peak.app().perSecond();
        tokens.ensureValidFor(Duration.ofSeconds(options.seconds() + 90));
        int workers = Math.max(64, 2 * options.maxConcurrency());
        log(String.format(Locale.ROOT, "open loop at %.0f%% of the peak (%.1f ops/s at %d clients): %.1f ops/s for %d s",
                options.loadFraction() * 100, peak.app().perSecond(), peak.clients(), rate, options.seconds()));
        LoadGenerator.Phase steady = rate > 0
                ? load.openLoop(String.format(Locale.ROOT, "%.0f%% of peak", options.loadFraction() * 100), rate,
                        Duration.ofSeconds(options.seconds()), workers)
                : null;
        String loadAfter = loadAverage();

        Report report = new Report(options, String.join(" ", args), machine(), serverVersion, pgbenchVersion, durabilityAdmin,
                durabilityApp, loadBefore, loadAfter, levels, peak, steady, diagnostics == null ? null : diagnostics.summary());
        System.out.println();
        System.out.println(report.text());
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), report.markdown(stamp), StandardCharsets.UTF_8);
        log("written to " + options.out());
        return 0;
    }

    /** Requests each instance has answered through the balancer so far; one zero without a balancer. */
    static long[] answered(RoundRobinBalancer balancer) {
        if (balancer == null) {
            return new long[1];
        }
        long[] answered = new long[balancer.size()];
        for (int i = 0; i < answered.length; i++) {
            answered[i] = balancer.answeredBy(i);
        }
        return answered;
    }

    /** The sum of CPU readings; -1 when any is unknown. */
    static long sum(List<Long> ticks) {
        return ticks.stream().anyMatch(t -> t < 0) ? -1 : ticks.stream().mapToLong(Long::longValue).sum();
    }

    private static String durability(Statement s) throws Exception {
        return "fsync=" + single(s, "show fsync") + ", synchronous_commit=" + single(s, "show synchronous_commit");
    }

    static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String pgbenchVersion(String pgbench) {
        try {
            Process p = new ProcessBuilder(pgbench, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    /** Cores, CPU, memory, OS and Java, for the reader to compare machines. */
    static String machine() {
        String cpu = "?";
        String memory = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Math.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0) + " GiB").findFirst().orElse("?");
        } catch (IOException | RuntimeException notLinux) {
            // leave the question marks
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + " RAM, " + System.getProperty("os.name")
                + " " + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not remove " + root + ": " + e.getMessage());
        }
    }

    static void log(String message) {
        System.out.println("[benchmark] " + message);
    }
}
