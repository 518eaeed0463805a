package org.servicepoint.localservices;

import jakarta.json.Json;
import jakarta.json.JsonException;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens by the resource-owner password grant, for tests and local demos only: tenant realms allow it
 * solely on the {@code servicepoint-tests} client, which exists only when the test client is switched on.
 */
public final class TokenClient {

    public static final String TEST_CLIENT = "servicepoint-tests";

    private final String baseUrl;
    private final String adminUser;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TokenClient(String baseUrl, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** The raw access token (a JWT) of {@code username} in {@code realm}, through {@value #TEST_CLIENT}. */
    public String accessToken(String realm, String username, String password) {
        return passwordGrant(realm, TEST_CLIENT, username, password);
    }

    /** A token of the master realm's administrator, for Keycloak's admin REST API. */
    public String adminToken() {
        return passwordGrant("master", "admin-cli", adminUser, adminPassword);
    }

    private String passwordGrant(String realm, String clientId, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", password);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(baseUrl + "/realms/" + URLEncoder.encode(realm, StandardCharsets.UTF_8)
                + "/protocol/openid-connect/token");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("No token for " + username + " in realm " + realm + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking realm " + realm + " for a token", e);
        }
        if (response.statusCode() != 200) {
            // Keycloak's error body names the reason (invalid_grant, unauthorized_client) and never the password.
            throw new IllegalStateException("No token for " + username + " in realm " + realm + " via " + clientId
                    + ": HTTP " + response.statusCode() + " " + response.body());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject json = reader.readObject();
            return json.getString("access_token");
        } catch (JsonException | NullPointerException | ClassCastException e) {
            throw new IllegalStateException("Realm " + realm + " answered without an access token", e);
        }
    }
}
