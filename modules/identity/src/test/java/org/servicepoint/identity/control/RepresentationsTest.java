package org.servicepoint.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class RepresentationsTest {

    @Test
    void current_covers_desired_when_every_wanted_field_matches_whatever_else_it_has() {
        JsonObject current = json("""
                {"id":"1","clientId":"web","publicClient":true,"redirectUris":["b","a"],
                 "attributes":{"pkce.code.challenge.method":"S256","other":"x","lifespan":"300"}}""");
        assertThat(Representations.covers(current, json("""
                {"publicClient":true,"redirectUris":["a","b"],"attributes":{"pkce.code.challenge.method":"S256"}}"""))).isTrue();
        assertThat(Representations.covers(current, json("{\"attributes\":{\"lifespan\":300}}")))
                .as("Keycloak answers attributes as strings").isTrue();
        assertThat(Representations.covers(current, json("{\"publicClient\":false}"))).isFalse();
        assertThat(Representations.covers(current, json("{\"redirectUris\":[\"a\"]}"))).isFalse();
        assertThat(Representations.covers(current, json("{\"attributes\":{\"pkce.code.challenge.method\":\"plain\"}}"))).isFalse();
        assertThat(Representations.covers(current, json("{\"attributes\":{\"frontendUrl\":\"\",\"branch\":[]}}")))
                .as("empty means absent").isTrue();
        assertThat(Representations.covers(current, json("{\"attributes\":{\"branch\":[\"HQ\"]}}"))).isFalse();
    }

    @Test
    void merging_keeps_what_we_do_not_own() {
        JsonObject merged = Representations.merge(
                json("{\"id\":\"1\",\"attributes\":{\"tag_name\":[\"Sam\"],\"shoe_size\":[\"9\"]},\"enabled\":false}"),
                json("{\"attributes\":{\"tag_name\":[\"Sammy\"]},\"enabled\":true}"));
        assertThat(merged).isEqualTo(json(
                "{\"id\":\"1\",\"attributes\":{\"tag_name\":[\"Sammy\"],\"shoe_size\":[\"9\"]},\"enabled\":true}"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
