package org.servicepoint.localservices;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The confidential client ServicePoint provisions realms with (client-credentials grant), made in Keycloak's
 * {@code master} realm by its bootstrap administrator, for the local run and the tests. Its service account holds
 * {@code create-realm} (Keycloak then lets it manage each realm it creates) and, for realms that exist already, only
 * the management roles provisioning uses. Idempotent: a second call finds the client and returns its secret.
 * docs/operations.md describes the same steps for production.
 */
public final class ProvisioningClient {

    public static final String CLIENT_ID = "servicepoint-provisioning";

    /** Roles of a realm's management client ({@code <realm>-realm} in master) that provisioning needs. */
    static final Set<String> REALM_ROLES = Set.of("view-realm", "manage-realm", "view-clients", "manage-clients",
            "query-clients", "view-users", "manage-users", "query-users", "query-groups");

    /** The client id and its secret, for {@code servicepoint.keycloak.admin.client-id / client-secret}. */
    public record Credentials(String clientId, String secret) {
        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + ", secret=set]";
        }
    }

    private final String adminRoot;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ProvisioningClient(KeycloakServer keycloak) {
        this.adminRoot = keycloak.url() + "/admin/realms";
        this.adminToken = keycloak.tokens().adminToken();
    }

    /** Makes (or finds) the client on this server, with the bootstrap administrator's password. */
    public static Credentials ensure(KeycloakServer keycloak) {
        return new ProvisioningClient(keycloak).ensure();
    }

    private Credentials ensure() {
        String id = client(CLIENT_ID).orElseGet(() -> {
            call("POST", "/clients", Json.createObjectBuilder()
                    .add("clientId", CLIENT_ID)
                    .add("name", "ServicePoint realm provisioning")
                    .add("enabled", true)
                    .add("protocol", "openid-connect")
                    .add("publicClient", false)
                    .add("clientAuthenticatorType", "client-secret")
                    .add("serviceAccountsEnabled", true)
                    .add("standardFlowEnabled", false)
                    .add("implicitFlowEnabled", false)
                    .add("directAccessGrantsEnabled", false)
                    .build(), 201);
            return client(CLIENT_ID).orElseThrow(() -> new IllegalStateException("Keycloak made no client " + CLIENT_ID));
        });
        String account = call("GET", "/clients/" + id + "/service-account-user", null, 200).asJsonObject().getString("id");
        JsonObject createRealm = call("GET", "/roles/create-realm", null, 200).asJsonObject();
        call("POST", "/users/" + account + "/role-mappings/realm", Json.createArrayBuilder().add(createRealm).build(), 204);
        // Realms made before (by the administrator): Keycloak gives the service account nothing there by itself.
        for (JsonValue realm : call("GET", "", null, 200).asJsonArray()) {
            String name = realm.asJsonObject().getString("realm");
            if (!"master".equals(name)) {
                grantRealmManagement(account, name);
            }
        }
        String secret = call("GET", "/clients/" + id + "/client-secret", null, 200).asJsonObject().getString("value");
        return new Credentials(CLIENT_ID, secret);
    }

    private void grantRealmManagement(String account, String realm) {
        Optional<String> management = client(realm + "-realm");
        if (management.isEmpty()) {
            return;
        }
        var roles = Json.createArrayBuilder();
        int count = 0;
        for (JsonValue role : call("GET", "/clients/" + management.get() + "/roles", null, 200).asJsonArray()) {
            if (REALM_ROLES.contains(role.asJsonObject().getString("name"))) {
                roles.add(role);
                count++;
            }
        }
        if (count > 0) {
            call("POST", "/users/" + account + "/role-mappings/clients/" + management.get(), roles.build(), 204);
        }
    }

    private Optional<String> client(String clientId) {
        JsonArray found = call("GET", "/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), null, 200)
                .asJsonArray();
        return found.stream().map(JsonValue::asJsonObject)
                .filter(client -> clientId.equals(client.getString("clientId", null)))
                .map(client -> client.getString("id")).findFirst();
    }

    private JsonValue call(String method, String path, JsonStructure body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminRoot + (path.isEmpty() ? "" : "/master" + path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable while making " + CLIENT_ID + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making " + CLIENT_ID, e);
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Keycloak refused " + method + " " + path + " while making " + CLIENT_ID
                    + ": HTTP " + response.statusCode() + " " + response.body());
        }
        String text = response.body();
        if (text == null || text.isBlank()) {
            return JsonValue.NULL;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
