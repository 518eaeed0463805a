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
import org.servicepoint.localservices.KeycloakServer;

/**
 * Runs ServicePoint on one machine: a real PostgreSQL from Maven Central whose data lives in the state
 * folder (so it survives restarts), then Payara Micro with the application, configured through the same
 * environment variables a production deployment uses.
 */
final class LocalRun {

    static final String OWNER = "servicepoint_owner";
    static final String APP = "servicepoint_app";
    static final String DATABASE = "servicepoint";

    private final Settings settings;

    LocalRun(Settings settings) {
        this.settings = settings;
    }

    int run() throws Exception {
        Path server = ServicePoint.home().resolve("server");
        Path microJar = server.resolve("payara-micro.jar");
        Path war = server.resolve("servicepoint.war");
        if (!Files.isRegularFile(microJar) || !Files.isRegularFile(war)) {
            System.err.println("The build output is missing (" + server + "); run: mvn -B -DskipTests install");
            return 1;
        }
        if (!portFree(settings.httpPort())) {
            System.err.println("Port " + settings.httpPort() + " is in use; stop what runs there or set SERVICEPOINT_HTTP_PORT.");
            return 1;
        }
        Files.createDirectories(settings.stateDir());
        String operatorKey = OperatorKeys.loadOrCreate(settings.stateDir());
        String demoPassword = OperatorKeys.loadOrCreate(settings.stateDir(), "demo-password", 9);
        // Wraps every library system's data keys: back it up apart from the database (docs/operations.md).
        String masterKey = OperatorKeys.loadOrCreateBase64(settings.stateDir(), "master-key", 32);

        // Keycloak takes longest; it starts while PostgreSQL starts and the database is prepared.
        log("starting Keycloak on port " + settings.keycloakPort() + " (first start builds it: about a minute)");
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(() -> KeycloakServer.start(
                KeycloakServer.Options.persistent(settings.stateDir().resolve("keycloak"), settings.keycloakPort())));

        log("starting PostgreSQL (data in " + settings.stateDir().resolve("pgdata") + ")");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(settings.stateDir().resolve("pgdata"))
                .setCleanDataDirectory(false)
                .setPort(settings.databasePort())
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
        prepareDatabase(postgres);
        KeycloakServer identity;
        try {
            identity = keycloak.join();
        } catch (CompletionException e) {
            System.err.println("Keycloak did not start: " + e.getCause().getMessage());
            postgres.close();
            return 1;
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
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        Map<String, String> env = builder.environment();
        env.put("SERVICEPOINT_DB_URL", "jdbc:postgresql://localhost:" + settings.databasePort() + "/" + DATABASE);
        env.put("SERVICEPOINT_DB_USER", APP);
        env.put("SERVICEPOINT_DB_MIGRATION_USER", OWNER);
        // The embedded database trusts local connections; the pool still wants a value.
        env.putIfAbsent("SERVICEPOINT_DB_PASSWORD", "local-trust");
        env.put("SERVICEPOINT_OPERATOR_KEY_SHA256", OperatorKeys.sha256Hex(operatorKey));
        env.put("SERVICEPOINT_PUBLIC_URL", "http://localhost:" + settings.httpPort());
        env.put("SERVICEPOINT_KEYCLOAK_URL", identity.url());
        env.put("SERVICEPOINT_KEYCLOAK_ADMIN_USER", identity.adminUser());
        env.put("SERVICEPOINT_KEYCLOAK_ADMIN_PASSWORD", identity.adminPassword());
        // Local demonstrations: demo users get a password, and scripts may sign in with the password grant.
        env.put("SERVICEPOINT_KEYCLOAK_TEST_CLIENT", "true");
        env.put("SERVICEPOINT_DEMO_PASSWORD", demoPassword);
        env.putIfAbsent("SERVICEPOINT_CONFIDENTIALITY_MASTER_KEY", masterKey);
        if (Files.isDirectory(settings.tenantsDir())) {
            env.putIfAbsent("SERVICEPOINT_TENANTS_DIR", settings.tenantsDir().toString());
        }
        log("starting Payara Micro on port " + settings.httpPort());
        Process app = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.destroy();
            try {
                app.waitFor();
                identity.close();
                postgres.close();
            } catch (Exception ignored) {
                // shutting down anyway
            }
        }));
        if (awaitReady(app)) {
            banner(operatorKey, demoPassword);
        } else if (app.isAlive()) {
            log("not ready after 5 minutes; see the log above. Still running.");
        }
        return app.waitFor();
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
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE + " owner " + OWNER);
                }
            }
        }
    }

    private boolean awaitReady(Process app) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + settings.httpPort() + "/health/ready");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        return false;
    }

    private void banner(String operatorKey, String demoPassword) {
        String base = "http://localhost:" + settings.httpPort();
        System.out.println();
        System.out.println("==============================================================================");
        System.out.println(" ServicePoint is running: " + base + "/");
        System.out.println("   staff sign-in (password of every demo user: " + demoPassword + "):");
        DemoLogins.read(settings.tenantsDir()).forEach((slug, users) ->
                System.out.println("     " + base + "/t/" + slug + "/   users: " + String.join(", ", users)));
        System.out.println("   readiness:  " + base + "/health/ready");
        System.out.println("   API (docs): " + base + "/openapi");
        System.out.println("   operator key (also in " + settings.stateDir().resolve("operator-key") + "):");
        System.out.println("     " + operatorKey);
        System.out.println("   try: curl -H 'X-Operator-Key: " + operatorKey + "' " + base + "/api/admin/tenants");
        System.out.println(" Data is kept in " + settings.stateDir() + " across restarts. Stop with Ctrl+C.");
        System.out.println("==============================================================================");
        System.out.println();
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void log(String message) {
        System.out.println("[servicepoint] " + message);
    }
}
