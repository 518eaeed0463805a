// Over 400 lines on purpose: one external process and its whole life (unpack, build step, start, wait, admin and
// provisioning clients, the shared test instance, stop); the parts share its state.
package org.servicepoint.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Keycloak server from the distribution the build unpacked into {@code modules/local-services/target/keycloak},
 * run in development mode with its own H2 database file in a data folder of the caller's choosing, so the
 * local run and a test suite never share users or realms.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String VERSION = "26.7.3";

    /** The first start on a fresh distribution runs Quarkus' build step: about two minutes on two cores. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private static final String DISTRIBUTION_FOLDER = "keycloak-" + VERSION;
    private static final String FROM_REPO_ROOT = "modules/local-services/target/keycloak/" + DISTRIBUTION_FOLDER;

    private static KeycloakServer shared;

    private final Process process;
    private final int httpPort;
    private final int managementPort;
    private final Options options;
    private final Thread shutdownHook;
    private volatile Duration startup;
    private boolean closed;
    private ProvisioningClient.Credentials provisioning;

    private KeycloakServer(Process process, int httpPort, int managementPort, Options options) {
        this.process = process;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.options = options;
        this.shutdownHook = new Thread(this::stop, "keycloak-shutdown");
    }

    /**
     * How to run one server. {@code httpPort} 0 picks a free port. {@code dataDir} holds Keycloak's database
     * (and nothing of the distribution), {@code logFile} receives its console output.
     */
    public record Options(int httpPort, String adminUser, String adminPassword, Path dataDir, Path logFile,
                          Map<String, String> env) {

        public Options {
            if (adminUser == null || adminUser.isBlank() || adminPassword == null || adminPassword.isBlank()) {
                throw new IllegalArgumentException("Keycloak needs an admin user and password");
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("Keycloak needs a data folder");
            }
            dataDir = dataDir.toAbsolutePath();
            logFile = logFile == null ? dataDir.resolve("keycloak.log") : logFile.toAbsolutePath();
            env = env == null ? Map.of() : Map.copyOf(env);
        }

        /** Free port, log in the data folder, no extra environment. */
        public static Options of(String adminUser, String adminPassword, Path dataDir) {
            return new Options(0, adminUser, adminPassword, dataDir, null, Map.of());
        }

        /**
         * For the local run: everything in {@code folder} (database, log, and an admin password made on the first
         * start and kept in {@code admin-password}, since Keycloak only takes the bootstrap admin while its
         * database is empty).
         */
        public static Options persistent(Path folder, int httpPort) {
            Path dir = folder.toAbsolutePath();
            String password = loadOrCreateSecret(dir.resolve("admin-password"));
            return new Options(httpPort, "admin", password, dir.resolve("data"), dir.resolve("keycloak.log"), Map.of());
        }

        public Options withHttpPort(int port) {
            return new Options(port, adminUser, adminPassword, dataDir, logFile, env);
        }

        public Options withLogFile(Path file) {
            return new Options(httpPort, adminUser, adminPassword, dataDir, file, env);
        }

        public Options withEnv(Map<String, String> extra) {
            return new Options(httpPort, adminUser, adminPassword, dataDir, logFile, extra);
        }

        @Override
        public String toString() {
            // A record would print the password.
            return "Options[httpPort=" + httpPort + ", adminUser=" + adminUser + ", dataDir=" + dataDir
                    + ", logFile=" + logFile + ", env=" + env.keySet() + "]";
        }
    }

    /**
     * The unpacked distribution: {@code -Dservicepoint.keycloak.home}, else {@code SERVICEPOINT_KEYCLOAK_HOME},
     * else where the build puts it in this repository, found from the working directory or from this jar.
     */
    public static Path distribution() {
        String configured = System.getProperty("servicepoint.keycloak.home", System.getenv("SERVICEPOINT_KEYCLOAK_HOME"));
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured).toAbsolutePath();
            if (!isDistribution(home)) {
                throw new IllegalStateException("No Keycloak distribution at " + home
                        + " (from servicepoint.keycloak.home / SERVICEPOINT_KEYCLOAK_HOME): bin/kc.sh is missing");
            }
            return home;
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        codeLocation().ifPresent(starts::add);
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("tenants")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                    Path home = dir.resolve(FROM_REPO_ROOT);
                    if (isDistribution(home)) {
                        return home;
                    }
                    throw new IllegalStateException("Keycloak " + VERSION + " is not unpacked at " + home
                            + "; run mvn -B -DskipTests install first");
                }
            }
        }
        throw new IllegalStateException("Cannot find the ServicePoint repository (a folder with tenants/ and pom.xml) above "
                + starts + " to locate Keycloak; set SERVICEPOINT_KEYCLOAK_HOME or run mvn -B -DskipTests install first");
    }

    /** Starts a server and returns once its OpenID discovery document answers; fails after six minutes. */
    public static KeycloakServer start(Options options) {
        Path home = distribution();
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path kc = home.resolve(windows ? "bin/kc.bat" : "bin/kc.sh");
        if (options.httpPort() != 0 && !portFree(options.httpPort())) {
            // Whatever answers there would pass for this server being ready.
            throw new IllegalStateException("Port " + options.httpPort() + " is in use; stop what runs there "
                    + "(perhaps an earlier Keycloak) or choose another port");
        }
        int httpPort = options.httpPort() == 0 ? freePort() : options.httpPort();
        int managementPort = freePort();
        try {
            Files.createDirectories(options.dataDir());
            Files.createDirectories(options.logFile().getParent());
            if (!Files.isExecutable(kc)) {
                kc.toFile().setExecutable(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + options.dataDir(), e);
        }
        List<String> command = List.of(kc.toString(), "start-dev",
                "--http-port=" + httpPort,
                // Health lives on the management interface (9000 by default): a free port of its own, so the
                // local run and a test suite can both be up, and on loopback like the main port.
                "--http-management-port=" + managementPort,
                "--http-management-host=localhost",
                "--health-enabled=true",
                "--hostname-strict=false",
                "--db=dev-file",
                // The data folder, not the shared distribution, holds the database and the transaction
                // recovery log, so two servers never read each other's state.
                "--db-url=" + h2Url(options.dataDir()),
                "-Dquarkus.transaction-manager.object-store.directory=" + options.dataDir().resolve("transaction-logs"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(options.logFile().toFile()));
        Map<String, String> env = builder.environment();
        // The JDK running us (17+), not whatever JAVA_HOME the shell had; Options.env may still override it.
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", options.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
        env.putAll(options.env());

        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + kc, e);
        }
        KeycloakServer server = new KeycloakServer(process, httpPort, managementPort, options);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.awaitReady();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.startup = Duration.ofNanos(System.nanoTime() - started);
        return server;
    }

    /**
     * One server for every test in this JVM, started on first use and stopped when the JVM ends. Admin "admin"
     * with a random password; the database lives in a fresh temporary folder.
     */
    public static synchronized KeycloakServer sharedForTests() {
        if (shared == null || shared.closed) {
            try {
                Path data = Files.createTempDirectory("servicepoint-keycloak-");
                Path target = Path.of("target");
                Path log = Files.isDirectory(target) ? target.resolve("keycloak-tests.log") : data.resolve("keycloak.log");
                KeycloakServer server = start(new Options(0, "admin", randomSecret(), data, log, Map.of()));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(data), "keycloak-test-data-cleanup"));
                shared = server;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make a temporary folder for Keycloak", e);
            }
        }
        return shared;
    }

    /** e.g. http://localhost:8180 */
    public String url() {
        return "http://localhost:" + httpPort;
    }

    /** Health endpoints (/health/ready, /health/live) live on this separate management port. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public String adminUser() {
        return options.adminUser();
    }

    public String adminPassword() {
        return options.adminPassword();
    }

    public Path logFile() {
        return options.logFile();
    }

    /** From starting the script until the discovery document answered. */
    public Duration startup() {
        return startup;
    }

    /**
     * The confidential client ServicePoint provisions realms with (its id and secret for
     * {@code servicepoint.keycloak.admin.client-id / client-secret}); made with the bootstrap administrator on first use.
     */
    public synchronized ProvisioningClient.Credentials provisioningClient() {
        if (provisioning == null) {
            provisioning = ProvisioningClient.ensure(this);
        }
        return provisioning;
    }

    /** Tokens from this server. */
    public TokenClient tokens() {
        return new TokenClient(url(), adminUser(), adminPassword());
    }

    public boolean isRunning() {
        return !closed && process.isAlive();
    }

    /** Stops the script and the Java process it started; a second call does nothing. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrRemoved) {
            // nothing to undo
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        // kc.sh forwards TERM to its java child, but a child that outlived a killed script would keep the port.
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI discovery = URI.create(url() + "/realms/master/.well-known/openid-configuration");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue() + " while starting; "
                        + "see " + options.logFile() + ":\n" + tail(options.logFile(), 30));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("Keycloak did not answer on " + url() + " within " + START_TIMEOUT.toMinutes()
                + " minutes; see " + options.logFile() + ":\n" + tail(options.logFile(), 30));
    }

    static String h2Url(Path dataDir) {
        // Same options Keycloak adds to its own default dev-file URL.
        return "jdbc:h2:file:" + dataDir.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static boolean isDistribution(Path home) {
        return Files.isRegularFile(home.resolve("bin/kc.sh")) && Files.isDirectory(home.resolve("lib"));
    }

    private static java.util.Optional<Path> codeLocation() {
        try {
            return java.util.Optional.of(Path.of(KeycloakServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (Exception unknown) {
            return java.util.Optional.empty();
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    static String randomSecret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String loadOrCreateSecret(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            String secret = randomSecret();
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder; the OS cleans up eventually
        }
    }
}
