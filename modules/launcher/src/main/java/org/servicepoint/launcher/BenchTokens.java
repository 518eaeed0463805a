package org.servicepoint.launcher;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.servicepoint.localservices.TokenClient;

/**
 * One real access token per benchmark tenant, from the tenant's own realm (password grant on the test client, as a
 * script would sign in). Renewed with the refresh token between phases, never during one: a password grant costs
 * Keycloak a password hash, and that CPU would be taken from the measurement.
 */
final class BenchTokens {

    private final String keycloakUrl;
    private final String username;
    private final String password;
    private final List<String> realms;
    private final String[] access;
    private final String[] refresh;
    private final long[] expiresAt;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    BenchTokens(String keycloakUrl, List<String> realms, String username, String password) {
        this.keycloakUrl = keycloakUrl;
        this.realms = List.copyOf(realms);
        this.username = username;
        this.password = password;
        this.access = new String[realms.size()];
        this.refresh = new String[realms.size()];
        this.expiresAt = new long[realms.size()];
    }

    /** The current token of tenant {@code i} (index into the realms given). */
    String token(int i) {
        return access[i];
    }

    /** Fetches (or renews) every token that would expire within {@code needed}; a few at a time. */
    void ensureValidFor(Duration needed) throws Exception {
        long deadline = System.nanoTime() + needed.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> pending = new java.util.ArrayList<>();
            for (int i = 0; i < realms.size(); i++) {
                if (access[i] == null || expiresAt[i] - deadline < 0) {
                    int index = i;
                    pending.add(pool.submit(() -> {
                        fetch(index);
                        return null;
                    }));
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void fetch(int i) throws IOException, InterruptedException {
        String realm = realms.get(i);
        long asked = System.nanoTime();
        String form = refresh[i] != null
                ? "grant_type=refresh_token&client_id=" + TokenClient.TEST_CLIENT + "&refresh_token=" + enc(refresh[i])
                : "grant_type=password&client_id=" + TokenClient.TEST_CLIENT + "&username=" + enc(username) + "&password=" + enc(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + enc(realm) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && refresh[i] != null) {
            // The refresh token ran out (idle session): sign in again.
            refresh[i] = null;
            fetch(i);
            return;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + " in realm " + realm + ": HTTP " + response.statusCode()
                    + " " + response.body());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject json = reader.readObject();
            access[i] = json.getString("access_token");
            refresh[i] = json.getString("refresh_token", null);
            expiresAt[i] = asked + Duration.ofSeconds(json.getJsonNumber("expires_in").longValue()).toNanos();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
