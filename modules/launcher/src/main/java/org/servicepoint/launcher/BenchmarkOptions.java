package org.servicepoint.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code benchmark [--tenants N] [--concurrency 1,4,16,32] [--seconds S] [--warmup S] [--operation create|create-and-sign]
 * [--out FILE] [--http-port P] [--db-port P] [--keycloak-port P] [--java-opts "..."] [--load-fraction 0.7] [--diagnose]
 * [--keep-state] [--replicas N]}. Ports default away from the run command's (8080/5433/8180) so both can be up at once;
 * each port also has an environment override. With N replicas the instances listen on the HTTP port and the N - 1 ports
 * above it, behind a balancer on a free port.
 */
record BenchmarkOptions(int tenants, List<Integer> concurrency, int seconds, int warmupSeconds, Operation operation, Path out,
                        int httpPort, int databasePort, int keycloakPort, String javaOptions, double loadFraction,
                        boolean diagnose, boolean keepState, String pgbench, int replicas) {

    /** Access tokens live 5 minutes (RealmBlueprint); each phase runs on tokens fetched just before it. */
    static final int MAX_SECONDS = 180;

    /** Each Payara Micro instance takes about 600 MiB and shares the machine's cores with the rest of the stack. */
    static final int MAX_REPLICAS = 4;

    enum Operation {
        /** POST incident-reports: a draft with every answer the default form requires (201). */
        CREATE("create", 1),
        /** The same, then POST {id}/submit: the reporter signs, the deliveries are written (201, then 200). */
        CREATE_AND_SIGN("create-and-sign", 2);

        final String code;
        /** HTTP requests per operation. */
        final int requests;

        Operation(String code, int requests) {
            this.code = code;
            this.requests = requests;
        }

        static Operation of(String code) {
            for (Operation op : values()) {
                if (op.code.equals(code)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("--operation must be create or create-and-sign, not " + code);
        }
    }

    static final String USAGE = """
            usage: servicepoint benchmark [--tenants 100] [--concurrency 1,4,16,32] [--seconds 20] [--warmup 60]
                                         [--operation create|create-and-sign] [--out target/benchmark-<time>.md]
                                         [--http-port 8280] [--db-port 5533] [--keycloak-port 8380]
                                         [--java-opts "-Xmx512m -XX:+UseSerialGC"] [--load-fraction 0.7]
                                         [--diagnose] [--keep-state] [--replicas 1]
              environment: SERVICEPOINT_BENCH_HTTP_PORT, SERVICEPOINT_BENCH_DB_PORT, SERVICEPOINT_BENCH_KEYCLOAK_PORT,
                           SERVICEPOINT_JAVA_OPTS, SERVICEPOINT_PGBENCH (default pgbench on the PATH)""";

    static BenchmarkOptions parse(String[] args, Map<String, String> env, String timestamp) {
        int tenants = 100;
        List<Integer> concurrency = List.of(1, 4, 16, 32);
        int seconds = 20;
        // Payara's JIT needs about a minute of load on two cores; measured levels before that mostly measure the compiler.
        int warmup = 60;
        Operation operation = Operation.CREATE;
        Path out = null;
        int httpPort = intOf("SERVICEPOINT_BENCH_HTTP_PORT", env.getOrDefault("SERVICEPOINT_BENCH_HTTP_PORT", "8280"));
        int dbPort = intOf("SERVICEPOINT_BENCH_DB_PORT", env.getOrDefault("SERVICEPOINT_BENCH_DB_PORT", "5533"));
        int kcPort = intOf("SERVICEPOINT_BENCH_KEYCLOAK_PORT", env.getOrDefault("SERVICEPOINT_BENCH_KEYCLOAK_PORT", "8380"));
        String javaOptions = env.getOrDefault("SERVICEPOINT_JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC");
        double fraction = 0.7;
        boolean diagnose = false;
        boolean keep = false;
        int replicas = 1;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--diagnose" -> diagnose = true;
                case "--keep-state" -> keep = true;
                default -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(flag.startsWith("--") ? flag + " needs a value" : "unknown argument " + flag);
                    }
                    String value = args[++i];
                    switch (flag) {
                        case "--tenants" -> tenants = intOf(flag, value);
                        case "--concurrency" -> concurrency = listOf(flag, value);
                        case "--seconds" -> seconds = intOf(flag, value);
                        case "--warmup" -> warmup = intOf(flag, value);
                        case "--operation" -> operation = Operation.of(value);
                        case "--out" -> out = Path.of(value);
                        case "--http-port" -> httpPort = intOf(flag, value);
                        case "--db-port" -> dbPort = intOf(flag, value);
                        case "--keycloak-port" -> kcPort = intOf(flag, value);
                        case "--java-opts" -> javaOptions = value;
                        case "--load-fraction" -> fraction = doubleOf(flag, value);
                        case "--replicas" -> replicas = intOf(flag, value);
                        default -> throw new IllegalArgumentException("unknown argument " + flag);
                    }
                }
            }
        }
        if (tenants < 1 || tenants > 999) {
            throw new IllegalArgumentException("--tenants must be 1 to 999");
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("--seconds must be 1 to " + MAX_SECONDS + " (access tokens live 5 minutes)");
        }
        if (warmup < 0 || warmup > MAX_SECONDS) {
            throw new IllegalArgumentException("--warmup must be 0 to " + MAX_SECONDS);
        }
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("--load-fraction must be above 0 and at most 1");
        }
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("--replicas must be 1 to " + MAX_REPLICAS + " (Payara Micro instances behind one balancer), not "
                    + replicas);
        }
        if (out == null) {
            out = Path.of("target", "benchmark-" + timestamp + ".md");
        }
        return new BenchmarkOptions(tenants, concurrency, seconds, warmup, operation, out.toAbsolutePath(), httpPort, dbPort, kcPort,
                javaOptions, fraction, diagnose, keep, env.getOrDefault("SERVICEPOINT_PGBENCH", "pgbench"), replicas);
    }

    /** The HTTP ports of the instances: the first is the run's, the others follow it. */
    List<Integer> instancePorts() {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            ports.add(httpPort + i);
        }
        return List.copyOf(ports);
    }

    int maxConcurrency() {
        return concurrency.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static List<Integer> listOf(String flag, String value) {
        List<Integer> levels = new ArrayList<>();
        for (String part : value.split(",")) {
            int level = intOf(flag, part.strip());
            if (level < 1 || level > 512) {
                throw new IllegalArgumentException(flag + " levels must be 1 to 512");
            }
            levels.add(level);
        }
        if (levels.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs at least one level");
        }
        return List.copyOf(levels);
    }

    private static int intOf(String flag, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a whole number, not " + value);
        }
    }

    private static double doubleOf(String flag, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number, not " + value);
        }
    }
}
