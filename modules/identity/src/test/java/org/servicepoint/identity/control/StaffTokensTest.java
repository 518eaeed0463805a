package org.servicepoint.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.BearerTokens;
import org.servicepoint.platform.control.BearerTokens.InvalidToken;
import org.servicepoint.platform.control.BearerTokens.KeysUnavailable;
import org.servicepoint.platform.control.Caller;

/**
 * Token checks without a Keycloak: the realms' keys are made here. Each refused case differs from a token
 * that passes in exactly one way.
 */
class StaffTokensTest {

    static final String KEYCLOAK = "http://localhost:8180";
    static RSAKey riverbendKey;
    static RSAKey lakeviewKey;
    static RSAKey strangerKey;

    StaffTokens tokens;

    @BeforeAll
    static void keys() throws Exception {
        riverbendKey = new RSAKeyGenerator(2048).keyID("rb-1").generate();
        lakeviewKey = new RSAKeyGenerator(2048).keyID("lv-1").generate();
        // Same key id as riverbend's: a forger would reuse it.
        strangerKey = new RSAKeyGenerator(2048).keyID("rb-1").generate();
    }

    @BeforeEach
    void verifier() {
        tokens = new StaffTokens();
        tokens.settings = new IdentitySettings(KEYCLOAK, null, "admin", null, "http://localhost:8080", false, null);
        tokens.clockSkewSeconds = 30;
        tokens.activeTenants = () -> Set.of("riverbend", "lakeview-law");
        tokens.realmKeys = realm -> new ImmutableJWKSet<>(new JWKSet(switch (realm) {
            case "riverbend" -> riverbendKey.toPublicJWK();
            case "lakeview-law" -> lakeviewKey.toPublicJWK();
            default -> strangerKey.toPublicJWK();
        }));
    }

    static JWTClaimsSet.Builder claims(String realm) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(KEYCLOAK + "/realms/" + realm)
                .audience(List.of("servicepoint-api", "account"))
                .subject("user-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("typ", "Bearer")
                .claim("azp", "servicepoint-web")
                .claim("preferred_username", "sam")
                .claim("tag_name", "Sam")
                .claim("position", "library-assistant")
                .claim("branch", "PINE-HOLLOW")
                .claim("realm_access", Map.of("roles", List.of("staff", "position:library-assistant", "offline_access")));
    }

    static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String riverbend(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        return sign(riverbendKey, change.apply(claims("riverbend")).build());
    }

    @Test
    void a_valid_token_names_its_realm_as_the_tenant() throws Exception {
        Caller caller = tokens.verify(riverbend(c -> c));
        assertThat(caller.kind()).isEqualTo(Caller.Kind.STAFF);
        assertThat(caller.tenant().value()).isEqualTo("riverbend");
        assertThat(caller.name()).isEqualTo("sam");
        assertThat(caller.roles()).containsExactlyInAnyOrder("staff", "position:library-assistant");
        assertThat(caller.attribute("tag_name")).contains("Sam");
    }

    @Test
    void the_same_username_in_another_realm_is_another_person_of_another_tenant() throws Exception {
        Caller lakeview = tokens.verify(sign(lakeviewKey, claims("lakeview-law").build()));
        Caller riverbend = tokens.verify(riverbend(c -> c));
        assertThat(lakeview.name()).isEqualTo(riverbend.name());
        assertThat(lakeview.tenant()).isNotEqualTo(riverbend.tenant());
    }

    @Test
    void a_token_signed_by_one_realm_but_claiming_another_is_refused() throws Exception {
        // lakeview's key, riverbend's issuer: the issuer picks riverbend's keys, which do not verify it.
        assertRefused(sign(lakeviewKey, claims("riverbend").build()));
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        assertRefused(riverbend(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
    }

    @Test
    void a_token_expired_within_the_clock_skew_still_passes() throws Exception {
        assertThat(tokens.verify(riverbend(c -> c.expirationTime(Date.from(Instant.now().minusSeconds(5)))))).isNotNull();
    }

    @Test
    void a_token_not_yet_valid_is_refused() throws Exception {
        assertRefused(riverbend(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
    }

    @Test
    void a_token_for_another_audience_is_refused() throws Exception {
        assertRefused(riverbend(c -> c.audience("account")));
    }

    @Test
    void a_token_from_an_unknown_or_suspended_realm_is_refused() throws Exception {
        assertRefused(sign(strangerKey, claims("hollis-college").build()));
        assertRefused(sign(strangerKey, claims("master").build()));
    }

    @Test
    void a_valid_token_of_a_suspended_library_system_says_suspended_but_a_forged_one_does_not() throws Exception {
        tokens.activeTenants = () -> Set.of("riverbend");
        tokens.suspendedTenants = () -> Set.of("lakeview-law");
        String valid = sign(lakeviewKey, claims("lakeview-law").build());
        assertThatThrownBy(() -> tokens.verify(valid)).isInstanceOf(BearerTokens.TenantSuspended.class);
        // Signed with another key: only "not valid", so a suspension is told to nobody who cannot sign in.
        assertThatThrownBy(() -> tokens.verify(sign(strangerKey, claims("lakeview-law").build())))
                .isInstanceOf(BearerTokens.InvalidToken.class)
                .isNotInstanceOf(BearerTokens.TenantSuspended.class);
    }

    @Test
    void a_library_system_onboarded_a_moment_ago_signs_in_without_waiting_for_the_list_to_age() throws Exception {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Set<String> active = new java.util.concurrent.CopyOnWriteArraySet<>(Set.of("riverbend"));
        tokens.activeTenants = () -> {
            reads.incrementAndGet();
            return Set.copyOf(active);
        };
        tokens.verify(sign(riverbendKey, claims("riverbend").build()));
        // Not active yet: refused, and made-up issuers in a burst cost one registry read at most each second.
        for (int i = 0; i < 20; i++) {
            assertRefused(sign(lakeviewKey, claims("lakeview-law").build()));
        }
        assertThat(reads.get()).isLessThanOrEqualTo(2);

        active.add("lakeview-law");
        Thread.sleep(1_100);
        assertThat(tokens.verify(sign(lakeviewKey, claims("lakeview-law").build())).tenant().value()).isEqualTo("lakeview-law");
    }

    @Test
    void a_token_from_another_keycloak_is_refused() throws Exception {
        assertRefused(riverbend(c -> c.issuer("http://evil.example/realms/riverbend")));
    }

    @Test
    void an_unsigned_token_is_refused() throws Exception {
        String unsigned = new PlainJWT(claims("riverbend").build()).serialize();
        assertRefused(unsigned);
    }

    @Test
    void a_token_re_signed_with_another_key_is_refused() throws Exception {
        assertRefused(sign(strangerKey, claims("riverbend").build()));
    }

    @Test
    void a_token_tampered_after_signing_is_refused() throws Exception {
        String[] parts = riverbend(c -> c).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"sam\"", "\"dee\"");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        assertRefused(forged);
    }

    @Test
    void a_token_that_verified_once_is_taken_again_but_a_changed_copy_of_it_is_checked_in_full() throws Exception {
        String token = riverbend(c -> c);
        Caller first = tokens.verify(token);
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"sam\"", "\"dee\"");
        assertRefused(parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2]);
        assertThat(tokens.verify(token)).isSameAs(first);
    }

    @Test
    void an_hmac_token_keyed_with_the_realms_public_key_is_refused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rb-1").build(), claims("riverbend").build());
        byte[] publicKeyAsSecret = riverbendKey.toPublicJWK().toRSAPublicKey().getEncoded();
        jwt.sign(new MACSigner(publicKeyAsSecret));
        assertRefused(jwt.serialize());
    }

    @Test
    void garbage_is_refused() {
        assertRefused("not-a-token");
        assertRefused("a.b.c");
    }

    @Test
    void an_operator_realm_token_needs_the_operator_role() throws Exception {
        JWTClaimsSet operator = claims("servicepoint-operators")
                .claim("realm_access", Map.of("roles", List.of("operator"))).build();
        assertThat(tokens.verify(sign(strangerKey, operator)).kind()).isEqualTo(Caller.Kind.OPERATOR);
        JWTClaimsSet notOperator = claims("servicepoint-operators").build();
        assertRefused(sign(strangerKey, notOperator));
    }

    @Test
    void an_id_or_refresh_token_of_the_realm_is_no_access_token() throws Exception {
        assertRefused(riverbend(c -> c.claim("typ", "ID")));
        assertRefused(riverbend(c -> c.claim("typ", "Refresh")));
        assertRefused(riverbend(c -> c.claim("typ", null)));
    }

    @Test
    void a_token_issued_to_another_client_of_the_realm_is_refused() throws Exception {
        assertRefused(riverbend(c -> c.claim("azp", "account-console")));
        assertRefused(riverbend(c -> c.claim("azp", null)));
        // The password-grant client of tests and demos only where it is switched on.
        assertRefused(riverbend(c -> c.claim("azp", "servicepoint-tests")));
        tokens.settings = new IdentitySettings(KEYCLOAK, null, "admin", null, "http://localhost:8080", true, null);
        assertThat(tokens.verify(riverbend(c -> c.claim("azp", "servicepoint-tests"))).name()).isEqualTo("sam");
    }

    @Test
    void a_token_whose_realm_keys_cannot_be_fetched_is_unavailable_not_invalid() throws Exception {
        // Nothing listens on a port just closed: Keycloak is down and no keys were ever fetched.
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        StaffTokens down = new StaffTokens();
        down.settings = new IdentitySettings("http://localhost:" + closed, KEYCLOAK, "admin", null, "http://localhost:8080",
                false, null);
        down.clockSkewSeconds = 30;
        down.activeTenants = () -> Set.of("riverbend");
        assertThatThrownBy(() -> down.verify(riverbend(c -> c))).isInstanceOf(KeysUnavailable.class)
                .hasMessageContaining("riverbend");
        // Garbage is still refused as such, without asking Keycloak.
        assertThatThrownBy(() -> down.verify("a.b.c")).isInstanceOf(InvalidToken.class);
    }

    void assertRefused(String token) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(InvalidToken.class);
    }
}
