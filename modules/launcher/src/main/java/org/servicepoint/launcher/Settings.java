package org.servicepoint.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * Local-run settings, each with a default and an environment override (see docs/configuration.md).
 */
record Settings(Path stateDir, int httpPort, int databasePort, int keycloakPort, Path tenantsDir, String serverUrl,
                String operatorKey, String javaOptions) {

    static Settings fromEnvironment() {
        return from(System.getenv());
    }

    static Settings from(Map<String, String> env) {
        Path state = Path.of(env.getOrDefault("SERVICEPOINT_STATE_DIR", ".servicepoint")).toAbsolutePath();
        int http = Integer.parseInt(env.getOrDefault("SERVICEPOINT_HTTP_PORT", "8080"));
        return new Settings(
                state,
                http,
                Integer.parseInt(env.getOrDefault("SERVICEPOINT_EMBEDDED_DB_PORT", "5433")),
                Integer.parseInt(env.getOrDefault("SERVICEPOINT_KEYCLOAK_PORT", "8180")),
                Path.of(env.getOrDefault("SERVICEPOINT_TENANTS_DIR", "tenants")).toAbsolutePath(),
                env.getOrDefault("SERVICEPOINT_URL", "http://localhost:" + http),
                env.get("SERVICEPOINT_OPERATOR_KEY"),
                env.getOrDefault("SERVICEPOINT_JAVA_OPTS", "-Xmx512m -XX:+UseSerialGC"));
    }
}
