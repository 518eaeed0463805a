package org.servicepoint.localservices;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Starts the real Keycloak the build unpacked, the way every other test suite will. */
class KeycloakServerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void starts_answers_discovery_hands_out_admin_tokens_and_stops() throws Exception {
        KeycloakServer server = KeycloakServer.sharedForTests();
        System.out.println("Keycloak answered after " + server.startup().toSeconds() + " s on " + server.url());

        HttpResponse<String> discovery = get(server.url() + "/realms/master/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        String issuer = Json.createReader(new StringReader(discovery.body())).readObject().getString("issuer");
        assertThat(issuer).isEqualTo(server.url() + "/realms/master");

        assertThat(get(server.managementUrl() + "/health/ready").statusCode()).isEqualTo(200);

        String token = server.tokens().adminToken();
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        assertThat(Json.createReader(new StringReader(header)).readObject().getString("alg")).isEqualTo("RS256");

        server.close();
        server.close();
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void the_distribution_is_found_from_the_module_folder() {
        assertThat(KeycloakServer.distribution().resolve("bin/kc.sh")).isRegularFile();
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
