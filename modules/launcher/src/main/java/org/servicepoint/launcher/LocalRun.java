package org.servicepoint.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.servicepoint.localservices.KeycloakServer;

/**
 * Runs ServicePoint on one machine: a real PostgreSQL from Maven Central whose data lives in the state
 * folder (so it survives restarts), then Payara Micro with the application, configured through the same
 * environment variables a production deployment uses. The benchmark starts the same stack through
 * {@link #start()} with its own {@link Launch}.
 */
final class LocalRun {

    static final String OWNER = "servicepoint_owner";
    static final String APP = "servicepoint_app";
    /** Owns the few functions that must see every tenant; cannot log in (docs/operations.md). */
    static final String CROSS_TENANT = "servicepoint_cross_tenant";
    static final String DATABASE = "servicepoint";

    /**
     * What a caller may vary: the settings; extra PostgreSQL server settings (applied after zonky's defaults, so
     * they win); extra environment for the application; and where the application's console goes (null: this
     * console).
     */
    record Launch(Settings settings, Map<String, String> postgresConfig, Map<String, String> appEnv, Path appLog) {

        static Launch of(Settings settings) {
            return new Launch(settings, Map.of(), Map.of(), null);
        }
    }

    /** Start-up stopped before the application ran; the message is for the person at the console. */
    static final class NotStarted extends Exception {
        NotStarted(String message) {
            super(message);
        }
    }

    private final Launch launch;
    private final Settings settings;

    LocalRun(Settings settings) {
        this(Launch.of(settings));
    }

    LocalRun(Launch launch) {
        this.launch = launch;
        this.settings = launch.settings();
    }

    int run() throws Exception {
        LocalMail mail = null;
        LocalRun target = this;
        // Incident reports are mailed; unless a real server is configured, a local one keeps them as files.
        if (System.getenv("SERVICEPOINT_MAIL_HOST") == null && !launch.appEnv().containsKey("SERVICEPOINT_MAIL_HOST")) {
            int port = Integer.parseInt(System.getenv().getOrDefault("SERVICEPOINT_LOCAL_SMTP_PORT", "2525"));
            try {
                mail = LocalMail.start(settings.stateDir().resolve("mail"), port);
                Map<String, String> env = new java.util.HashMap<>(launch.appEnv());
                env.put("SERVICEPOINT_MAIL_HOST", "127.0.0.1");
                env.put("SERVICEPOINT_MAIL_PORT", String.valueOf(port));
                // The catcher is on this machine and speaks plain SMTP: the one documented exception to STARTTLS.
                env.put("SERVICEPOINT_MAIL_STARTTLS", "false");
                env.putIfAbsent("SERVICEPOINT_MAIL_FROM", "servicepoint@localhost");
                target = new LocalRun(new Launch(settings, launch.postgresConfig(), env, launch.appLog()));
            } catch (Exception e) {
                log("no local mail server on port " + port + " (" + e.getMessage() + "); set SERVICEPOINT_LOCAL_SMTP_PORT or "
                        + "SERVICEPOINT_MAIL_HOST. Incident report mail waits until a server answers.");
            }
        }
        Stack stack;
        try {
            stack = target.start();
        } catch (NotStarted e) {
            System.err.println(e.getMessage());
            if (mail != null) {
                mail.close();
            }
            return 1;
        }
        LocalMail caught = mail;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            if (caught != null) {
                caught.close();
            }
        }));
        if (stack.awaitReady(Duration.ofMinutes(5))) {
            banner(stack.operatorKey(), stack.demoPassword());
            if (caught != null) {
                log("mail the application sends (signed incident reports) is kept in " + caught.folder() + " as .eml files");
            }
        } else if (stack.app().isAlive()) {
            log("not ready after 5 minutes; see the log above. Still running.");
        }
        return stack.app().waitFor();
    }

    /**
     * Starts Keycloak, PostgreSQL and Payara Micro and returns as soon as the application's process runs (not when
     * it is ready: see {@link Stack#awaitReady}). The caller closes the stack.
     */
    Stack start() throws Exception {
        Path server = ServicePoint.home().resolve("server");
        Path microJar = server.resolve("payara-micro.jar");
        Path war = server.resolve("servicepoint.war");
        if (!Files.isRegularFile(microJar) || !Files.isRegularFile(war)) {
            throw new NotStarted("The build output is missing (" + server + "); run: mvn -B -DskipTests install");
        }
        if (!portFree(settings.httpPort())) {
            throw new NotStarted("Port " + settings.httpPort() + " is in use; stop what runs there or set SERVICEPOINT_HTTP_PORT.");
        }
        Files.createDirectories(settings.stateDir());
        String operatorKey;
        try {
            operatorKey = OperatorKeys.loadOrCreate(settings.stateDir());
        } catch (IllegalArgumentException tooShort) {
            throw new NotStarted(tooShort.getMessage());
        }
        String demoPassword = OperatorKeys.loadOrCreate(settings.stateDir(), "demo-password", 9);
        // Wraps every library system's data keys: back it up apart from the database (docs/operations.md).
        String masterKey = OperatorKeys.loadOrCreateBase64(settings.stateDir(), "master-key", 32);

        // Keycloak takes longest; it starts while PostgreSQL starts and the database is prepared.
        log("starting Keycloak on port " + settings.keycloakPort() + " (first start builds it: about a minute)");
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                KeycloakServer.Options.persistent(settings.stateDir().resolve("keycloak"), settings.keycloakPort())));

        log("starting PostgreSQL (data in " + settings.stateDir().resolve("pgdata") + ")");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(settings.stateDir().resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPort(settings.databasePort())
                .setPGStartupWait(Duration.ofSeconds(30));
        launch.postgresConfig().forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        prepareDatabase(postgres);
        KeycloakServer identity;
        try {
            identity = keycloak.join();
        } catch (CompletionException e) {
            postgres.close();
            throw new NotStarted("Keycloak did not start: " + e.getCause().getMessage());
        }
        log("Keycloak is up at " + identity.url() + " (log: " + identity.logFile() + ")");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : settings.javaOptions().trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", microJar.toString(),
                "--deploy", war.toString(), "--contextroot", "/",
                // No --rootdir: Payara would redeploy the previous run's copy of the application from it.
                "--port", String.valueOf(settings.httpPort()), "--nocluster"));
        ProcessBuilder process = new ProcessBuilder(command);
        if (launch.appLog() == null) {
            process.inheritIO();
        } else {
            process.redirectErrorStream(true).redirectOutput(launch.appLog().toFile());
        }
        Map<String, String> env = process.environment();
        env.put("SERVICEPOINT_DB_URL", "jdbc:postgresql://localhost:" + settings.databasePort() + "/" + DATABASE);
        env.put("SERVICEPOINT_DB_USER", APP);
        env.put("SERVICEPOINT_DB_MIGRATION_USER", OWNER);
        // The embedded database trusts local connections; the pool still wants a value.
        env.putIfAbsent("SERVICEPOINT_DB_PASSWORD", "local-trust");
        env.put("SERVICEPOINT_OPERATOR_KEY_SHA256", OperatorKeys.sha256Hex(operatorKey));
        env.put("SERVICEPOINT_PUBLIC_URL", "http://localhost:" + settings.httpPort());
        env.put("SERVICEPOINT_KEYCLOAK_URL", identity.url());
        // Provisioning signs in as a service-account client, made here with Keycloak's bootstrap administrator.
        var provisioning = identity.provisioningClient();
        env.put("SERVICEPOINT_KEYCLOAK_ADMIN_CLIENT_ID", provisioning.clientId());
        env.put("SERVICEPOINT_KEYCLOAK_ADMIN_CLIENT_SECRET", provisioning.secret());
        // Local demonstrations: demo users get a password, and scripts may sign in with the password grant.
        env.put("SERVICEPOINT_KEYCLOAK_TEST_CLIENT", "true");
        env.put("SERVICEPOINT_DEMO_PASSWORD", demoPassword);
        // The demo library systems look alive on the first start (tenants/<slug>/demo/); a server never sets this.
        env.putIfAbsent("SERVICEPOINT_DEMO_DATA", "true");
        env.putIfAbsent("SERVICEPOINT_CONFIDENTIALITY_MASTER_KEY", masterKey);
        if (Files.isDirectory(settings.tenantsDir())) {
            env.putIfAbsent("SERVICEPOINT_TENANTS_DIR", settings.tenantsDir().toString());
        }
        env.putAll(launch.appEnv());
        log("starting Payara Micro on port " + settings.httpPort());
        Process app;
        try {
            app = process.start();
        } catch (IOException e) {
            identity.close();
            postgres.close();
            throw e;
        }
        return new Stack(settings, postgres, identity, app, operatorKey, demoPassword, command, Map.copyOf(env));
    }

    /** PostgreSQL, Keycloak and the application of one start; closing stops them in the reverse order. */
    static final class Stack implements AutoCloseable {

        private final Settings settings;
        private final EmbeddedPostgres postgres;
        private final KeycloakServer identity;
        private final Process app;
        private final String operatorKey;
        private final String demoPassword;
        /** How the application was started, for further instances of it. */
        private final List<String> appCommand;
        private final Map<String, String> appEnv;
        private final List<Process> further = new ArrayList<>();
        private boolean closed;

        Stack(Settings settings, EmbeddedPostgres postgres, KeycloakServer identity, Process app, String operatorKey,
              String demoPassword, List<String> appCommand, Map<String, String> appEnv) {
            this.settings = settings;
            this.postgres = postgres;
            this.identity = identity;
            this.app = app;
            this.operatorKey = operatorKey;
            this.demoPassword = demoPassword;
            this.appCommand = List.copyOf(appCommand);
            this.appEnv = appEnv;
        }

        /**
         * Starts another Payara Micro instance of the same WAR with the same settings on {@code port}, but for
         * {@code overrides} (such as {@code SERVICEPOINT_DB_MIGRATE=false}), its console into {@code log}. Closing the
         * stack stops it first.
         */
        synchronized Process startInstance(int port, Path log, Map<String, String> overrides) throws IOException {
            if (closed) {
                throw new IllegalStateException("the stack is closed");
            }
            List<String> command = new ArrayList<>(appCommand);
            command.set(command.indexOf("--port") + 1, String.valueOf(port));
            ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            process.environment().putAll(appEnv);
            process.environment().putAll(overrides);
            Process instance = process.start();
            further.add(instance);
            return instance;
        }

        EmbeddedPostgres postgres() {
            return postgres;
        }

        KeycloakServer identity() {
            return identity;
        }

        Process app() {
            return app;
        }

        String operatorKey() {
            return operatorKey;
        }

        String demoPassword() {
            return demoPassword;
        }

        /** The postmaster's process id (first line of postmaster.pid), for CPU accounting; -1 if unknown. */
        long postgresPid() {
            try {
                return Long.parseLong(Files.readAllLines(settings.stateDir().resolve("pgdata").resolve("postmaster.pid")).get(0).strip());
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        String baseUrl() {
            return "http://localhost:" + settings.httpPort();
        }

        /** Polls /health/ready every second; false if the application exited or was not ready in time. */
        boolean awaitReady(Duration timeout) throws InterruptedException {
            return awaitReady(baseUrl(), app, timeout);
        }

        /** Polls {@code baseUrl}/health/ready every second; false if {@code app} exited or was not ready in time. */
        static boolean awaitReady(String baseUrl, Process app, Duration timeout) throws InterruptedException {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI ready = URI.create(baseUrl + "/health/ready");
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && app.isAlive()) {
                CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                        HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                try {
                    // A deadline of our own: a connection the server accepted while starting was seen never to be
                    // answered, and the request's timeout never fired (JDK 17), which left the launcher waiting for ever.
                    if (answer.get(6, TimeUnit.SECONDS).statusCode() == 200) {
                        return true;
                    }
                } catch (ExecutionException | TimeoutException notYet) {
                    answer.cancel(true);
                    if (notYet instanceof TimeoutException) {
                        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                    }
                }
                Thread.sleep(1000);
            }
            return false;
        }

        /** Payara Micro first, every instance (it holds connections to both), then Keycloak, then PostgreSQL; a second call does nothing. */
        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            further.forEach(Process::destroy);
            app.destroy();
            try {
                for (Process instance : further) {
                    instance.waitFor();
                }
                app.waitFor();
                identity.close();
                postgres.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        }
    }

    private void prepareDatabase(EmbeddedPostgres postgres) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // Local trust authentication: no passwords here. Production roles are made by the DBA
            // (docs/operations.md) with passwords given to the app through the environment.
            for (String role : List.of(OWNER, APP)) {
                try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                    if (!rs.next()) {
                        s.execute("create role " + role + " login");
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("select 1 from pg_roles where rolname = '" + CROSS_TENANT + "'")) {
                if (!rs.next()) {
                    s.execute("create role " + CROSS_TENANT + " nologin bypassrls");
                    s.execute("grant " + CROSS_TENANT + " to " + OWNER);
                }
            }
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE + " owner " + OWNER);
                }
            }
        }
    }

    private void banner(String operatorKey, String demoPassword) {
        String base = "http://localhost:" + settings.httpPort();
        System.out.println();
        System.out.println("==============================================================================");
        System.out.println(" ServicePoint is running: " + base + "/");
        System.out.println("   staff sign-in (password of every demo user: " + demoPassword + "):");
        DemoLogins.read(settings.tenantsDir()).forEach((slug, users) ->
                System.out.println("     " + base + "/t/" + slug + "/   users: " + String.join(", ", users)));
        System.out.println("   operator console: " + base + "/operator/   user: opal (the same demo password)");
        System.out.println("   patrons' pages (no sign-in), e.g. " + base + "/p/riverbend/pine-hollow/comment"
                + " and " + base + "/p/riverbend/pine-hollow/reconsider");
        System.out.println("   readiness:  " + base + "/health/ready");
        System.out.println("   API explorer: " + base + "/api-docs   (description: " + base + "/openapi)");
        System.out.println("   operator key (also in " + settings.stateDir().resolve("operator-key") + "):");
        System.out.println("     " + operatorKey);
        System.out.println("   try: curl -H 'X-Operator-Key: " + operatorKey + "' " + base + "/api/admin/tenants");
        System.out.println(" Data is kept in " + settings.stateDir() + " across restarts. Stop with Ctrl+C.");
        System.out.println("==============================================================================");
        System.out.println();
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void log(String message) {
        System.out.println("[servicepoint] " + message);
    }
}
