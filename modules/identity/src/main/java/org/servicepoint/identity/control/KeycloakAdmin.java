package org.servicepoint.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Keycloak's admin REST API, as much of it as provisioning needs, with plain HTTP and JSON-P. Signs in to the
 * master realm as the provisioning service account (client-credentials grant of a confidential client, never an
 * administrator's password) and keeps the token until shortly before it expires. Every refusal
 * becomes an {@link IllegalStateException} naming the realm, the HTTP status and Keycloak's answer (which
 * never echoes a password).
 */
@ApplicationScoped
public class KeycloakAdmin {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY_IN_MESSAGE = 400;

    /** What an upsert did. */
    public enum Change { CREATED, UPDATED, UNCHANGED }

    /** Keycloak's id of what was upserted, and what was done. */
    public record Upserted(String id, Change change) {
    }

    /** Keycloak answered with a status the call did not expect (409: a username or e-mail address is taken). */
    public static class Refused extends IllegalStateException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private IdentitySettings settings;
    private HttpClient http;
    private String token;
    private long tokenRenewAt;

    /** For CDI's proxy only. */
    protected KeycloakAdmin() {
    }

    @Inject
    public KeycloakAdmin(IdentitySettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    }

    KeycloakAdmin(IdentitySettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    // ---- realms

    public Optional<JsonObject> realm(String realm) {
        return find(realm, "read the realm", "/" + segment(realm)).map(JsonValue::asJsonObject);
    }

    public boolean realmExists(String realm) {
        return realm(realm).isPresent();
    }

    public void createRealm(JsonObject representation) {
        String realm = representation.getString("realm");
        expect(call(realm, "POST", "", representation), realm, "create the realm", 201);
    }

    public void updateRealm(String realm, JsonObject representation) {
        expect(call(realm, "PUT", "/" + segment(realm), representation), realm, "update the realm", 204);
    }

    /** Creates the realm, or updates the fields of {@code desired} that differ. */
    public Change upsertRealm(JsonObject desired) {
        String realm = desired.getString("realm");
        Optional<JsonObject> current = realm(realm);
        if (current.isEmpty()) {
            createRealm(desired);
            return Change.CREATED;
        }
        if (Representations.covers(current.get(), desired)) {
            return Change.UNCHANGED;
        }
        // Only the fields we own: a full realm representation would also rewrite keys and flows.
        updateRealm(realm, desired);
        return Change.UPDATED;
    }

    // ---- user profile

    public JsonObject userProfile(String realm) {
        return expect(call(realm, "GET", "/" + segment(realm) + "/users/profile", null), realm, "read the user profile", 200)
                .asJsonObject();
    }

    public Change updateUserProfile(String realm, JsonObject profile) {
        if (userProfile(realm).equals(profile)) {
            return Change.UNCHANGED;
        }
        expect(call(realm, "PUT", "/" + segment(realm) + "/users/profile", profile), realm, "update the user profile", 200);
        return Change.UPDATED;
    }

    // ---- clients and their protocol mappers

    public Optional<JsonObject> client(String realm, String clientId) {
        JsonArray found = expect(call(realm, "GET", "/" + segment(realm) + "/clients?clientId=" + query(clientId), null),
                realm, "look up client " + clientId, 200).asJsonArray();
        return found.stream().map(JsonValue::asJsonObject)
                .filter(client -> clientId.equals(client.getString("clientId", null)))
                .findFirst();
    }

    public Upserted upsertClient(String realm, JsonObject desired) {
        String clientId = desired.getString("clientId");
        return upsert(realm, "client", clientId, client(realm, clientId), desired);
    }

    public List<JsonObject> protocolMappers(String realm, String clientUuid) {
        return expect(call(realm, "GET", "/" + segment(realm) + "/clients/" + segment(clientUuid) + "/protocol-mappers/models", null),
                realm, "read protocol mappers", 200).asJsonArray().stream().map(JsonValue::asJsonObject).toList();
    }

    /** Matched by name: updating a client does not touch its mappers, so they are kept in step one by one. */
    public Change upsertProtocolMapper(String realm, String clientUuid, JsonObject desired) {
        String name = desired.getString("name");
        String base = "/" + segment(realm) + "/clients/" + segment(clientUuid) + "/protocol-mappers/models";
        Optional<JsonObject> current = protocolMappers(realm, clientUuid).stream()
                .filter(mapper -> name.equals(mapper.getString("name", null))).findFirst();
        if (current.isEmpty()) {
            expect(call(realm, "POST", base, desired), realm, "add protocol mapper " + name, 201);
            return Change.CREATED;
        }
        if (Representations.covers(current.get(), desired)) {
            return Change.UNCHANGED;
        }
        String id = current.get().getString("id");
        expect(call(realm, "PUT", base + "/" + segment(id), Representations.merge(current.get(), desired)),
                realm, "update protocol mapper " + name, 204);
        return Change.UPDATED;
    }

    // ---- realm roles

    public Optional<JsonObject> role(String realm, String name) {
        return find(realm, "read role " + name, "/" + segment(realm) + "/roles/" + segment(name)).map(JsonValue::asJsonObject);
    }

    public Change upsertRole(String realm, String name, String description) {
        JsonObject desired = Json.createObjectBuilder().add("name", name).add("description", description).build();
        Optional<JsonObject> current = role(realm, name);
        if (current.isEmpty()) {
            expect(call(realm, "POST", "/" + segment(realm) + "/roles", desired), realm, "create role " + name, 201);
            return Change.CREATED;
        }
        if (Representations.covers(current.get(), desired)) {
            return Change.UNCHANGED;
        }
        expect(call(realm, "PUT", "/" + segment(realm) + "/roles/" + segment(name), Representations.merge(current.get(), desired)),
                realm, "update role " + name, 204);
        return Change.UPDATED;
    }

    // ---- users

    public Optional<JsonObject> user(String realm, String username) {
        JsonArray found = expect(call(realm, "GET", "/" + segment(realm) + "/users?exact=true&briefRepresentation=false&username="
                + query(username), null), realm, "look up user " + username, 200).asJsonArray();
        return found.stream().map(JsonValue::asJsonObject)
                .filter(user -> username.equalsIgnoreCase(user.getString("username", "")))
                .findFirst();
    }

    public Upserted upsertUser(String realm, JsonObject desired) {
        String username = desired.getString("username");
        return upsert(realm, "user", username, user(realm, username), desired);
    }

    /**
     * A client or user ({@code kind}, whose collection is {@code kind + "s"}) named {@code name}: created when there is
     * none, left alone when {@code current} already says all that {@code desired} says, else updated. Merged, so
     * attributes we do not own survive the update.
     */
    private Upserted upsert(String realm, String kind, String name, Optional<JsonObject> current, JsonObject desired) {
        String collection = "/" + segment(realm) + "/" + kind + "s";
        if (current.isEmpty()) {
            HttpResponse<String> created = call(realm, "POST", collection, desired);
            expect(created, realm, "create " + kind + " " + name, 201);
            return new Upserted(createdId(created, realm, name), Change.CREATED);
        }
        String id = current.get().getString("id");
        if (Representations.covers(current.get(), desired)) {
            return new Upserted(id, Change.UNCHANGED);
        }
        expect(call(realm, "PUT", collection + "/" + segment(id), Representations.merge(current.get(), desired)),
                realm, "update " + kind + " " + name, 204);
        return new Upserted(id, Change.UPDATED);
    }

    /** Users whose e-mail address is exactly {@code email} (Keycloak compares addresses without case). */
    public List<JsonObject> usersByEmail(String realm, String email) {
        return expect(call(realm, "GET", "/" + segment(realm) + "/users?exact=true&briefRepresentation=false&email="
                + query(email), null), realm, "look up users by e-mail address", 200).asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(user -> email.equalsIgnoreCase(user.getString("email", "")))
                .toList();
    }

    public Optional<JsonObject> userById(String realm, String userId) {
        return find(realm, "read a user", "/" + segment(realm) + "/users/" + segment(userId)).map(JsonValue::asJsonObject);
    }

    /** Creates a user; answers Keycloak's id. A clash of username or e-mail address is HTTP 409 in the exception. */
    public String createUser(String realm, JsonObject representation) {
        HttpResponse<String> created = call(realm, "POST", "/" + segment(realm) + "/users", representation);
        expect(created, realm, "create a user", 201);
        return createdId(created, realm, "a user");
    }

    /** Lays {@code changes} over the user as Keycloak holds it (attributes merge), so fields we do not own survive. */
    public void updateUser(String realm, JsonObject current, JsonObject changes) {
        expect(call(realm, "PUT", "/" + segment(realm) + "/users/" + segment(current.getString("id")),
                Representations.merge(current, changes)), realm, "update a user", 204);
    }

    public void deleteUser(String realm, String userId) {
        expect(call(realm, "DELETE", "/" + segment(realm) + "/users/" + segment(userId), null), realm, "delete a user", 204, 404);
    }

    /** Ends every session of the user: their refresh tokens are refused from now on. */
    public void logout(String realm, String userId) {
        expect(call(realm, "POST", "/" + segment(realm) + "/users/" + segment(userId) + "/logout", null), realm,
                "end a user's sessions", 204);
    }

    /**
     * Keycloak mails the user a link to its own pages for {@code actions} (e.g. UPDATE_PASSWORD), valid for
     * {@code lifespanSeconds}; after them the browser is sent to {@code redirectUri} of {@code clientId}.
     */
    public void executeActionsEmail(String realm, String userId, List<String> actions, String clientId, String redirectUri,
                                    int lifespanSeconds) {
        expect(call(realm, "PUT", "/" + segment(realm) + "/users/" + segment(userId) + "/execute-actions-email?client_id="
                + query(clientId) + "&redirect_uri=" + query(redirectUri) + "&lifespan=" + lifespanSeconds,
                Representations.strings(actions)), realm, "mail an invitation", 204);
    }

    public boolean hasPassword(String realm, String userId) {
        return expect(call(realm, "GET", "/" + segment(realm) + "/users/" + segment(userId) + "/credentials", null),
                realm, "read credentials of a user", 200).asJsonArray().stream()
                .anyMatch(credential -> "password".equals(credential.asJsonObject().getString("type", null)));
    }

    /** A permanent password (not one the user must change at first sign-in). */
    public void setPassword(String realm, String userId, String password) {
        JsonObject credential = Json.createObjectBuilder()
                .add("type", "password").add("value", password).add("temporary", false).build();
        expect(call(realm, "PUT", "/" + segment(realm) + "/users/" + segment(userId) + "/reset-password", credential),
                realm, "set a user's password", 204);
    }

    public List<String> realmRoles(String realm, String userId) {
        return expect(call(realm, "GET", "/" + segment(realm) + "/users/" + segment(userId) + "/role-mappings/realm", null),
                realm, "read a user's realm roles", 200).asJsonArray().stream()
                .map(role -> role.asJsonObject().getString("name")).toList();
    }

    public void assignRealmRoles(String realm, String userId, Collection<String> roles) {
        if (!roles.isEmpty()) {
            expect(call(realm, "POST", "/" + segment(realm) + "/users/" + segment(userId) + "/role-mappings/realm",
                    roleReferences(realm, roles)), realm, "assign realm roles " + roles, 204);
        }
    }

    public void removeRealmRoles(String realm, String userId, Collection<String> roles) {
        if (!roles.isEmpty()) {
            expect(call(realm, "DELETE", "/" + segment(realm) + "/users/" + segment(userId) + "/role-mappings/realm",
                    roleReferences(realm, roles)), realm, "remove realm roles " + roles, 204);
        }
    }

    // ---- plumbing

    private JsonArray roleReferences(String realm, Collection<String> roles) {
        var references = Json.createArrayBuilder();
        for (String name : roles) {
            JsonObject role = role(realm, name).orElseThrow(() -> new IllegalStateException(
                    "Realm " + realm + " has no role " + name + " to assign"));
            references.add(Json.createObjectBuilder().add("id", role.getString("id")).add("name", name));
        }
        return references.build();
    }

    private Optional<JsonValue> find(String realm, String action, String path) {
        HttpResponse<String> response = call(realm, "GET", path, null);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(expect(response, realm, action, 200));
    }

    private HttpResponse<String> call(String realm, String method, String path, JsonStructure body) {
        URI uri = URI.create(settings.keycloakUrl() + "/admin/realms" + path);
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token(realm))
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            }
            HttpResponse<String> response = send(request.build(), realm, method + " " + uri.getPath());
            if (response.statusCode() == 401 && attempt == 1) {
                // Revoked or expired early (e.g. Keycloak restarted): sign in again, once.
                forgetToken();
                continue;
            }
            return response;
        }
    }

    private synchronized String token(String realm) {
        if (token != null && System.nanoTime() < tokenRenewAt) {
            return token;
        }
        if (!settings.provisioningEnabled()) {
            throw new IllegalStateException("Realm " + realm + ": no Keycloak provisioning client secret configured "
                    + "(servicepoint.keycloak.admin.client-secret)");
        }
        String form = "grant_type=client_credentials"
                + "&client_id=" + URLEncoder.encode(settings.adminClientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(settings.adminClientSecret(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request, realm, "admin sign-in");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Realm " + realm + ": Keycloak sign-in of provisioning client " + settings.adminClientId()
                    + " at " + settings.keycloakUrl() + " failed: HTTP " + response.statusCode() + " " + shortened(response.body()));
        }
        JsonObject answer = parse(response.body(), realm, "admin sign-in").asJsonObject();
        long lifetime = answer.getJsonNumber("expires_in").longValue();
        // Renew a little early so a token never expires between here and Keycloak.
        long margin = Math.min(15, lifetime / 4);
        token = answer.getString("access_token");
        tokenRenewAt = System.nanoTime() + Duration.ofSeconds(lifetime - margin).toNanos();
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private HttpResponse<String> send(HttpRequest request, String realm, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Realm " + realm + ": Keycloak at " + settings.keycloakUrl()
                    + " unreachable (" + what + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Realm " + realm + ": interrupted while talking to Keycloak (" + what + ")", e);
        }
    }

    private JsonValue expect(HttpResponse<String> response, String realm, String action, int... expected) {
        int status = response.statusCode();
        if (IntStream.of(expected).noneMatch(code -> code == status)) {
            throw new Refused(status, "Realm " + realm + ": Keycloak refused to " + action + " ("
                    + response.request().method() + " " + response.request().uri().getPath() + "): HTTP " + status
                    + " " + shortened(response.body()));
        }
        String body = response.body();
        return body == null || body.isBlank() ? JsonValue.NULL : parse(body, realm, action);
    }

    private static JsonValue parse(String body, String realm, String action) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw new IllegalStateException("Realm " + realm + ": Keycloak answered " + action + " with something other than JSON: "
                    + shortened(body), e);
        }
    }

    private static String createdId(HttpResponse<String> created, String realm, String what) {
        String location = created.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "Realm " + realm + ": Keycloak created " + what + " but did not say where (no Location header)"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String shortened(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_BODY_IN_MESSAGE ? flat : flat.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
