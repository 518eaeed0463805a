package org.servicepoint.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.localservices.KeycloakServer;
import org.servicepoint.platform.control.BearerTokens.KeysUnavailable;
import org.servicepoint.platform.control.Caller;

/**
 * Keycloak stopped and started again under a running token verifier. A Keycloak of its own (not the shared one of
 * the test run, which the deployed application uses), with its data kept across the restart and the same port, so
 * its realms, keys and issuer survive as they would in production.
 */
class KeycloakOutageIT {

    static final String PASSWORD = "demo-" + UUID.randomUUID();
    static final String WARM = "it-outage";
    static final String COLD = "it-outage-cold";

    static Path data;
    static KeycloakServer.Options options;
    static KeycloakServer keycloak;
    static StaffTokens verifier;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("servicepoint-keycloak-outage-");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        options = new KeycloakServer.Options(port, "admin", "admin-" + UUID.randomUUID(), data.resolve("data"),
                data.resolve("keycloak.log"), java.util.Map.of());
        keycloak = KeycloakServer.start(options);
        IdentitySettings settings = new IdentitySettings(keycloak.url(), null, keycloak.provisioningClient().clientId(),
                keycloak.provisioningClient().secret(), "http://localhost:8080", true, PASSWORD);
        RealmProvisioning provisioning = new RealmProvisioning(new KeycloakAdmin(settings), settings);
        DemoUser clerk = new DemoUser("clerk", "Sam", null, "MAIN", List.of(Realms.STAFF));
        provisioning.provision(new RealmSpec(WARM, "Warm Library", List.of(), List.of(clerk)));
        provisioning.provision(new RealmSpec(COLD, "Cold Library", List.of(), List.of(clerk)));

        // The verifier as the server runs it: keys fetched from Keycloak over HTTP.
        verifier = new StaffTokens();
        verifier.settings = settings;
        verifier.clockSkewSeconds = 30;
        verifier.activeTenants = () -> Set.of(WARM, COLD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (keycloak != null) {
            keycloak.close();
        }
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void signed_in_staff_go_on_working_while_keycloak_is_down_and_new_sign_ins_work_once_it_is_back() throws Exception {
        String first = keycloak.tokens().accessToken(WARM, "clerk", PASSWORD);
        // A second sign-in whose token the server has not seen yet: only the kept keys can check it.
        String unseen = keycloak.tokens().accessToken(WARM, "clerk", PASSWORD);
        String coldToken = keycloak.tokens().accessToken(COLD, "clerk", PASSWORD);
        assertThat(verifier.verify(first).tenant().value()).isEqualTo(WARM);

        keycloak.close();
        assertThat(keycloak.isRunning()).isFalse();

        assertThat(verifier.verify(first).name()).isEqualTo("clerk");
        Caller stillWorking = verifier.verify(unseen);
        assertThat(stillWorking.tenant().value()).isEqualTo(WARM);
        assertThat(stillWorking.roles()).contains(Realms.STAFF);
        // A realm whose keys were never fetched cannot be checked now: the server is unavailable, the token not bad.
        assertThatThrownBy(() -> verifier.verify(coldToken)).isInstanceOf(KeysUnavailable.class)
                .hasMessageContaining(COLD);

        keycloak = KeycloakServer.start(options);

        String afterwards = keycloak.tokens().accessToken(COLD, "clerk", PASSWORD);
        assertThat(verifiedSoon(afterwards).tenant().value()).isEqualTo(COLD);
        assertThat(verifier.verify(coldToken).tenant().value()).isEqualTo(COLD);
        assertThat(verifier.verify(keycloak.tokens().accessToken(WARM, "clerk", PASSWORD)).tenant().value()).isEqualTo(WARM);
    }

    /** Failed fetches are rate-limited per realm (a few seconds), as a client retrying after a 503 would find. */
    private static Caller verifiedSoon(String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return verifier.verify(token);
            } catch (KeysUnavailable e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }
}
