package org.servicepoint.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.servicepoint.localservices.KeycloakServer;
import org.servicepoint.tenancy.control.TenantDocuments;

/**
 * Single sign-on in the running application: real tokens from the realms it provisioned, and what
 * happens when a realm's keys cannot be fetched.
 */
@Order(2)
class IdentityIT extends ServicePointDeployment {

    // ---- single sign-on: real tokens from the realms the application provisioned ----

    @Test
    @RunAsClient
    void a_staff_member_sees_themselves_by_tag_name_position_and_branch() throws Exception {
        HttpResponse<String> me = staff(token("riverbend", "rosa"), "me");
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"tagName\":\"Rosa\""), me.body());
        assertTrue(me.body().contains("\"positionName\":\"Branch manager\""), me.body());
        assertTrue(me.body().contains("\"branchName\":\"Pine Hollow"), me.body());
        assertTrue(me.body().contains("\"slug\":\"riverbend\""), me.body());
        assertEquals("no-store", me.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    @RunAsClient
    void every_demo_library_system_got_its_realm_and_users() throws Exception {
        for (String[] login : new String[][] {{"riverbend", "dee"}, {"lakeview-law", "morgan"}, {"hollis-college", "jody"}}) {
            HttpResponse<String> me = staff(token(login[0], login[1]), "me");
            assertEquals(200, me.statusCode(), login[0] + ": " + me.body());
        }
        assertEveryDemoUserOfEveryRealmSignsInWithTheRolesOfItsTenantFile();
    }

    @Test
    @RunAsClient
    void the_same_username_in_two_realms_is_two_people_in_two_library_systems() throws Exception {
        String riverbendSam = staff(token("riverbend", "sam"), "me").body();
        String lakeviewSam = staff(token("lakeview-law", "sam"), "me").body();
        assertTrue(riverbendSam.contains("\"tagName\":\"Sam\"") && riverbendSam.contains("\"slug\":\"riverbend\""), riverbendSam);
        assertTrue(lakeviewSam.contains("\"tagName\":\"Sam L.\"") && lakeviewSam.contains("\"slug\":\"lakeview-law\""), lakeviewSam);
    }

    @Test
    @RunAsClient
    void a_token_of_one_library_system_opens_nothing_of_another() throws Exception {
        String riverbend = token("riverbend", "sam");
        assertEquals(200, staff(riverbend, "tenants/riverbend/branches").statusCode());
        assertProblem(staff(riverbend, "tenants/lakeview-law/branches"), 404, "not-found");
        assertProblem(staff(riverbend, "tenants/lakeview-law/branches/LAW"), 404, "not-found");
        // Same answer as for a library system that does not exist: nothing is revealed.
        String unknown = staff(riverbend, "tenants/no-such-library/branches").body();
        String other = staff(riverbend, "tenants/lakeview-law/branches").body();
        assertEquals(unknown.replaceAll("\"requestId\":\"[^\"]+\"", "").replace("no-such-library", "X"),
                other.replaceAll("\"requestId\":\"[^\"]+\"", "").replace("lakeview-law", "X"));
    }

    @Test
    @RunAsClient
    void a_staff_token_is_no_operator_key() throws Exception {
        assertProblem(staff(token("lakeview-law", "morgan"), "admin/tenants"), 403, "forbidden");
    }

    @Test
    @RunAsClient
    void tampered_or_foreign_tokens_are_refused() throws Exception {
        String good = token("riverbend", "sam");
        String[] parts = good.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"preferred_username\":\"sam\"", "\"preferred_username\":\"dee\"");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertProblem(staff(tampered, "me"), 401, "unauthenticated");
        assertProblem(staff("garbage", "me"), 401, "unauthenticated");
        // A token of Keycloak's own master realm is from no library system.
        assertProblem(staff(KeycloakServer.sharedForTests().tokens().adminToken(), "me"), 401, "unauthenticated");
        assertEquals(200, staff(good, "me").statusCode());
        assertProblem(call("GET", "me", null, null, "application/json"), 401, "unauthenticated");
    }

    @Test
    @RunAsClient
    void the_web_app_learns_where_to_sign_in() throws Exception {
        HttpResponse<String> signIn = call("GET", "public/tenants/lakeview-law/sign-in", null, null, "application/json");
        assertEquals(200, signIn.statusCode(), signIn.body());
        assertTrue(signIn.body().contains("\"authority\":\"" + KeycloakServer.sharedForTests().url() + "/realms/lakeview-law\""),
                signIn.body());
        assertTrue(signIn.body().contains("\"clientId\":\"servicepoint-web\""), signIn.body());
        // The staff app's language and clock before anyone signs in: the library system's own.
        assertTrue(signIn.body().contains("\"locale\":\"en-US\""), signIn.body());
        assertTrue(signIn.body().contains("\"timeZone\":\"America/New_York\""), signIn.body());
        assertProblem(call("GET", "public/tenants/no-such-library/sign-in", null, null, "application/json"), 404, "not-found");
    }

    // ---- sign-in outages ----

    @Test
    @RunAsClient
    void a_token_whose_realm_keys_cannot_be_fetched_is_answered_503_and_not_signed_out_with_401() throws Exception {
        String slug = "it-keys-" + UUID.randomUUID().toString().substring(0, 6);
        String yaml = Files.readString(Path.of(tenantsDir(), "lakeview-law", "tenant.yaml"))
                .replaceFirst("(?m)^slug: .*$", "slug: " + slug)
                .replaceFirst("(?m)^name: .*$", "name: Keys Test Library " + slug);
        String body = "{\"files\":[{\"path\":\"tenants/" + slug + "/tenant.yaml\",\"content\":" + quote(yaml) + "}]}";
        HttpResponse<String> applied = operator("POST", "admin/onboarding/apply", body);
        assertEquals(200, applied.statusCode(), applied.body());
        // Keycloak loses the realm before the server ever fetched its keys: nothing to verify a token with.
        KeycloakServer keycloak = KeycloakServer.sharedForTests();
        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/admin/realms/" + slug))
                .header("Authorization", "Bearer " + keycloak.tokens().adminToken()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode(), deleted.body());
        com.nimbusds.jose.jwk.RSAKey key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("gone").generate();
        java.util.Date now = new java.util.Date();
        com.nimbusds.jwt.SignedJWT token = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).keyID("gone")
                        .type(com.nimbusds.jose.JOSEObjectType.JWT).build(),
                new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(keycloak.url() + "/realms/" + slug)
                        .audience("servicepoint-api").issueTime(now).expirationTime(new java.util.Date(now.getTime() + 300_000))
                        .claim("typ", "Bearer").claim("azp", "servicepoint-web").claim("preferred_username", "sam").build());
        token.sign(new com.nimbusds.jose.crypto.RSASSASigner(key));
        // The server re-reads its list of active library systems every 15 s; until then the issuer is unknown (401).
        HttpResponse<String> me = staff(token.serialize(), "me");
        for (int tries = 0; me.statusCode() == 401 && tries < 30; tries++) {
            Thread.sleep(1_000);
            me = staff(token.serialize(), "me");
        }
        assertProblem(me, 503, "sign-in-unavailable");
        assertTrue(me.headers().firstValue("Retry-After").isPresent(), me.headers().map().toString());
    }

    /** Every demo user of every tenant file signs in to its own realm and is who the file says, with those roles. */
    void assertEveryDemoUserOfEveryRealmSignsInWithTheRolesOfItsTenantFile() throws Exception {
        var specs = TenantDocuments.readAll(TenantDocuments.folder(Path.of(tenantsDir())));
        int users = 0;
        for (var spec : specs) {
            HttpResponse<String> signIn = call("GET", "public/tenants/" + spec.slug() + "/sign-in", null, null, "application/json");
            assertTrue(signIn.body().contains("/realms/" + spec.slug() + "\""), signIn.body());
            for (var user : spec.demoUsers()) {
                HttpResponse<String> me = staff(token(spec.slug(), user.username()), "me");
                String who = spec.slug() + "/" + user.username() + ": " + me.body();
                assertEquals(200, me.statusCode(), who);
                assertTrue(me.body().contains("\"username\":" + json(user.username())), who);
                assertTrue(me.body().contains("\"tagName\":" + json(user.tagName())), who);
                assertTrue(me.body().contains("\"position\":" + json(user.position())), who);
                assertTrue(me.body().contains("\"branch\":" + json(user.branch())), who);
                assertTrue(me.body().contains("\"slug\":" + json(spec.slug())), who);
                String roles = user.roles().stream().sorted().map(ServicePointDeployment::json).collect(java.util.stream.Collectors.joining(","));
                assertTrue(me.body().contains("\"roles\":[" + roles + "]"), who);
                users++;
            }
        }
        assertTrue(users >= 7, "the demo files name at least the seven users of the README, found " + users);
    }
}
