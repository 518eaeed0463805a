package org.servicepoint.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.localservices.KeycloakServer;
import org.servicepoint.localservices.TokenClient;

/**
 * Provisioning against the real Keycloak of {@link KeycloakServer#sharedForTests()}; no application server. It runs in
 * the application's integration-test JVM so the whole test run shares one Keycloak; its realms are named it-* so they
 * never meet the demo realms the deployed application provisions there.
 */
class RealmProvisioningIT {

    static final String DEMO_PASSWORD = "demo-" + UUID.randomUUID();

    static KeycloakServer keycloak;
    static IdentitySettings settings;
    static KeycloakAdmin admin;
    static RealmProvisioning provisioning;

    final HttpClient http = HttpClient.newHttpClient();

    static final DemoUser MANAGER = new DemoUser("rb.manager", "Morgan", "branch-manager", "HQ",
            List.of(Realms.STAFF, Realms.PERSON_IN_CHARGE, Realms.HEADQUARTERS));
    static final DemoUser PAGE = new DemoUser("rb.page", "Robin", "page", "EAST", List.of(Realms.STAFF));
    static final RealmSpec RIVERBEND = new RealmSpec("it-riverbend", "Riverbend Regional Library System",
            List.of("branch-manager", "page"), List.of(MANAGER, PAGE));

    @BeforeAll
    static void keycloak() {
        keycloak = KeycloakServer.sharedForTests();
        settings = new IdentitySettings(keycloak.url(), null, keycloak.provisioningClient().clientId(),
                keycloak.provisioningClient().secret(), "http://localhost:8080", true, DEMO_PASSWORD);
        admin = new KeycloakAdmin(settings);
        provisioning = new RealmProvisioning(admin, settings);
    }

    @Test
    void provisioning_twice_changes_nothing_and_repairs_drift() {
        provisioning.provision(RIVERBEND);
        Map<String, JsonValue> first = snapshot(RIVERBEND);
        // Provisioned as the spec says, not merely present: each demo user with the spec's roles and names.
        assertThat(first.get("roles rb.manager").asJsonArray().getValuesAs(JsonString::getString))
                .contains(Realms.STAFF, Realms.PERSON_IN_CHARGE, Realms.HEADQUARTERS).doesNotContain(Realms.TENANT_ADMIN);
        assertThat(first.get("roles rb.page").asJsonArray().getValuesAs(JsonString::getString))
                .contains(Realms.STAFF).doesNotContain(Realms.PERSON_IN_CHARGE, Realms.HEADQUARTERS);
        assertThat(first.get("user rb.page").asJsonObject().getJsonObject("attributes").getJsonArray("position")
                .getValuesAs(JsonString::getString)).containsExactly("page");
        assertThat(first.get("realm").asJsonObject().getString("displayName")).isEqualTo("Riverbend Regional Library System");
        provisioning.provision(RIVERBEND);
        assertThat(snapshot(RIVERBEND)).isEqualTo(first);

        // Someone edits by hand: direct grants on the web client, another position for a user.
        JsonObject web = admin.client("it-riverbend", Realms.WEB_CLIENT).orElseThrow();
        admin.upsertClient("it-riverbend", Json.createObjectBuilder(web).add("directAccessGrantsEnabled", true).build());
        admin.upsertUser("it-riverbend", Json.createObjectBuilder(new RealmBlueprint(settings).user(PAGE))
                .add("attributes", Json.createObjectBuilder().add("position", Json.createArrayBuilder().add("branch-manager")))
                .build());
        assertThat(snapshot(RIVERBEND)).isNotEqualTo(first);

        provisioning.provision(RIVERBEND);
        assertThat(snapshot(RIVERBEND)).isEqualTo(first);
    }

    @Test
    void a_demo_users_token_carries_issuer_audience_staff_claims_and_roles() {
        provisioning.provision(RIVERBEND);
        String token = keycloak.tokens().accessToken("it-riverbend", MANAGER.username(), DEMO_PASSWORD);

        String[] parts = token.split("\\.");
        JsonObject header = decode(parts[0]);
        JsonObject claims = decode(parts[1]);
        assertThat(header.getString("alg")).isEqualTo("RS256");
        assertThat(claims.getString("iss")).endsWith("/realms/it-riverbend");
        JsonValue aud = claims.get("aud");
        List<String> audiences = aud.getValueType() == JsonValue.ValueType.ARRAY
                ? aud.asJsonArray().getValuesAs(JsonString::getString) : List.of(((JsonString) aud).getString());
        assertThat(audiences).contains("servicepoint-api");
        assertThat(claims.getString("tag_name")).isEqualTo("Morgan");
        assertThat(claims.getString("position")).isEqualTo("branch-manager");
        assertThat(claims.getString("branch")).isEqualTo("HQ");
        assertThat(claims.getJsonObject("realm_access").getJsonArray("roles").getValuesAs(JsonString::getString))
                .contains("staff", "person-in-charge", "headquarters", "position:branch-manager")
                .doesNotContain("tenant-admin", "position:page");
        assertThat(claims.getInt("exp") - claims.getInt("iat")).isEqualTo(300);
    }

    @Test
    void the_web_client_requires_pkce_and_refuses_the_password_grant() throws Exception {
        provisioning.provision(RIVERBEND);
        JsonObject web = admin.client("it-riverbend", Realms.WEB_CLIENT).orElseThrow();
        assertThat(web.getJsonObject("attributes").getString("pkce.code.challenge.method")).isEqualTo("S256");
        assertThat(web.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(web.getBoolean("implicitFlowEnabled")).isFalse();
        assertThat(web.getBoolean("standardFlowEnabled")).isTrue();
        assertThat(web.getBoolean("publicClient")).isTrue();

        HttpResponse<String> refused = passwordGrant("it-riverbend", Realms.WEB_CLIENT, MANAGER.username(), DEMO_PASSWORD);
        assertThat(refused.statusCode()).isBetween(400, 401);
        assertThat(refused.body()).contains("unauthorized_client");
    }

    @Test
    void staff_cannot_rewrite_their_own_position_claim() throws Exception {
        provisioning.provision(RIVERBEND);
        String token = keycloak.tokens().accessToken("it-riverbend", PAGE.username(), DEMO_PASSWORD);
        String update = Json.createObjectBuilder()
                .add("username", PAGE.username())
                .add("firstName", "Robin")
                .add("attributes", Json.createObjectBuilder().add("position", Json.createArrayBuilder().add("branch-manager")))
                .build().toString();
        http.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/realms/it-riverbend/account/"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(update))
                .build(), HttpResponse.BodyHandlers.ofString());
        // Keycloak accepts the request (204) and ignores attributes the user may not edit: the stored position counts.
        JsonObject stored = admin.user("it-riverbend", PAGE.username()).orElseThrow();
        assertThat(stored.getJsonObject("attributes").getJsonArray("position").getValuesAs(JsonString::getString))
                .containsExactly("page");
    }

    @Test
    void the_realms_single_sign_on_session_idles_out_with_the_library_systems_idle_lock() {
        var spec = new RealmSpec("it-idle", "Idle Library", List.of(), List.of(), 15 * 60);
        provisioning.provision(spec);
        assertThat(admin.realm("it-idle").orElseThrow().getInt("ssoSessionIdleTimeout")).isEqualTo(900);

        // The library system shortens its lock: the next apply shortens Keycloak's session with it.
        provisioning.provision(new RealmSpec("it-idle", "Idle Library", List.of(), List.of(), 10 * 60));
        assertThat(admin.realm("it-idle").orElseThrow().getInt("ssoSessionIdleTimeout")).isEqualTo(600);
    }

    @Test
    void switching_the_test_client_off_disables_it() {
        var spec = new RealmSpec("it-lakeview", "Lakeview Law Library", List.of("circulation-lead"),
                List.of(new DemoUser("ll.lead", "Jo", "circulation-lead", "MAIN", List.of(Realms.STAFF))));
        provisioning.provision(spec);
        assertThat(keycloak.tokens().accessToken("it-lakeview", "ll.lead", DEMO_PASSWORD)).isNotBlank();

        var production = new IdentitySettings(keycloak.url(), null, keycloak.provisioningClient().clientId(),
                keycloak.provisioningClient().secret(), "http://localhost:8080", false, DEMO_PASSWORD);
        new RealmProvisioning(new KeycloakAdmin(production), production).provision(spec);
        assertThat(admin.client("it-lakeview", Realms.TEST_CLIENT).orElseThrow().getBoolean("enabled")).isFalse();
        assertThatThrownBy(() -> keycloak.tokens().accessToken("it-lakeview", "ll.lead", DEMO_PASSWORD))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_operator_realm_has_the_operator_role_and_its_own_pages() {
        provisioning.provisionOperatorRealm();
        provisioning.provisionOperatorRealm();
        assertThat(admin.role(Realms.OPERATOR_REALM, "operator")).isPresent();
        assertThat(admin.client(Realms.OPERATOR_REALM, Realms.WEB_CLIENT).orElseThrow()
                .getJsonArray("redirectUris").getValuesAs(JsonString::getString))
                .containsExactly("http://localhost:8080/operator/*");
    }

    @Test
    void refusals_name_the_realm_and_the_status_but_no_secret() {
        var wrong = new IdentitySettings(keycloak.url(), null, keycloak.provisioningClient().clientId(), "not-the-secret",
                "http://localhost:8080", true, null);
        assertThatThrownBy(() -> new RealmProvisioning(new KeycloakAdmin(wrong), wrong).provision(RIVERBEND))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it-riverbend").hasMessageContaining("HTTP 401").hasMessageContaining("unauthorized_client")
                .hasMessageNotContaining("not-the-secret");
    }

    @Test
    void provisioning_signs_in_as_a_service_account_that_may_create_realms_but_is_no_administrator() throws Exception {
        String token = clientCredentialsToken(keycloak.provisioningClient().clientId(), keycloak.provisioningClient().secret());
        JsonObject claims = decode(token.split("\\.")[1]);
        assertThat(claims.getString("azp")).isEqualTo(keycloak.provisioningClient().clientId());
        assertThat(claims.getJsonObject("realm_access").getJsonArray("roles").getValuesAs(JsonString::getString))
                .contains("create-realm").doesNotContain("admin");
        // Keycloak's own realm is not its to change: no user, role or client of master.
        HttpResponse<String> masterUsers = http.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms/master/users"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(masterUsers.statusCode()).isEqualTo(403);
        // The admin password grant is not how the server signs in any more: no password is configured at all.
        assertThat(settings.toString()).doesNotContain(keycloak.adminPassword());
    }

    @Test
    void a_realm_an_administrator_made_before_is_handed_to_the_service_account_when_the_client_is_made_again() throws Exception {
        // As an installation that provisioned with the administrator's password has them.
        String adminToken = keycloak.tokens().adminToken();
        HttpResponse<String> made = http.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"realm\":\"it-legacy\",\"enabled\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).as(made.body()).isIn(201, 409);

        var credentials = org.servicepoint.localservices.ProvisioningClient.ensure(keycloak);
        assertThat(credentials).isEqualTo(keycloak.provisioningClient());
        var asServiceAccount = new IdentitySettings(keycloak.url(), null, credentials.clientId(), credentials.secret(),
                "http://localhost:8080", true, DEMO_PASSWORD);
        new RealmProvisioning(new KeycloakAdmin(asServiceAccount), asServiceAccount)
                .provision(new RealmSpec("it-legacy", "Legacy Library", List.of(), List.of()));
        assertThat(admin.client("it-legacy", Realms.WEB_CLIENT)).isPresent();
    }

    private HttpResponse<String> clientCredentialsResponse(String clientId, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String clientCredentialsToken(String clientId, String secret) throws Exception {
        HttpResponse<String> response = clientCredentialsResponse(clientId, secret);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getString("access_token");
        }
    }

    /** Everything provisioning owns in a realm, as Keycloak reports it. */
    private Map<String, JsonValue> snapshot(RealmSpec spec) {
        String realm = spec.realm();
        Map<String, JsonValue> all = new LinkedHashMap<>();
        all.put("realm", admin.realm(realm).orElseThrow());
        all.put("profile", admin.userProfile(realm));
        for (String clientId : List.of(Realms.WEB_CLIENT, Realms.TEST_CLIENT)) {
            JsonObject client = admin.client(realm, clientId).orElseThrow();
            all.put("client " + clientId, client);
            var mappers = Json.createArrayBuilder();
            admin.protocolMappers(realm, client.getString("id")).stream()
                    .sorted(Comparator.comparing(m -> m.getString("name"))).forEach(mappers::add);
            all.put("mappers " + clientId, mappers.build());
        }
        new RealmBlueprint(settings).roles(spec).keySet()
                .forEach(role -> all.put("role " + role, admin.role(realm, role).orElseThrow()));
        for (DemoUser user : spec.demoUsers()) {
            JsonObject account = admin.user(realm, user.username()).orElseThrow();
            all.put("user " + user.username(), account);
            var roles = Json.createArrayBuilder();
            admin.realmRoles(realm, account.getString("id")).stream().sorted().forEach(roles::add);
            all.put("roles " + user.username(), roles.build());
        }
        return all;
    }

    private HttpResponse<String> passwordGrant(String realm, String client, String username, String password) throws Exception {
        String form = "grant_type=password&client_id=" + client + "&username=" + username
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject decode(String part) {
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))
                .readObject();
    }
}
