package org.servicepoint.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicepoint.platform.control.BearerTokens;
import org.servicepoint.platform.control.BearerTokens.TenantSuspended;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantDirectory;

/**
 * Verifies access tokens of the library systems' realms (and of the operator realm). The issuer decides
 * everything: it must be the realm of a known, active library system, its keys (fetched from that realm and
 * cached per realm) must verify an RS256 signature, and the token must be meant for this API and current.
 * The tenant of the caller is the issuer's realm; nothing else in the request can change it.
 *
 * <p>A Keycloak outage signs nobody out: a realm's keys are kept for {@link #KEYS_OUTAGE_TOLERANCE_MILLIS} after the
 * last successful fetch, and a token that cannot be checked because no keys were ever fetched is a
 * {@link KeysUnavailable} (503), not an invalid token (401). Only access tokens ({@code typ} Bearer) issued to the
 * staff app (or, where enabled, the test client) are taken.
 */
@ApplicationScoped
public class StaffTokens implements BearerTokens {

    public static final String AUDIENCE = Realms.API_AUDIENCE;
    public static final String OPERATOR_REALM = Realms.OPERATOR_REALM;
    private static final long ACTIVE_TENANTS_TTL_NANOS = 15_000_000_000L;
    private static final long MISS_REFRESH_NANOS = 1_000_000_000L;
    /** Keycloak's claim for what a token is: access tokens say Bearer, ID tokens ID, refresh tokens Refresh. */
    static final String ACCESS_TOKEN_TYPE = "Bearer";
    /** Keys are fetched again after this (in the background shortly before), and when an unknown key id appears. */
    static final long KEYS_TTL_MILLIS = 5 * 60_000L;
    /** How long the last keys fetched are still used while Keycloak cannot be reached. */
    static final long KEYS_OUTAGE_TOLERANCE_MILLIS = 60 * 60_000L;
    /** Keycloak under load (or starting) answers slowly; nimbus' default of half a second gave up too early. */
    static final int KEYS_CONNECT_TIMEOUT_MILLIS = 3_000;
    static final int KEYS_READ_TIMEOUT_MILLIS = 5_000;
    static final int KEYS_SIZE_LIMIT_BYTES = 256 * 1024;
    /** At most one fetch per realm in this time for unknown key ids, so forged key ids cannot flood Keycloak. */
    static final long KEYS_MIN_REFETCH_MILLIS = 10_000L;

    @Inject
    IdentitySettings settings;

    @Inject
    TenantDirectory directory;

    @Inject
    @ConfigProperty(name = "servicepoint.auth.clock-skew-seconds", defaultValue = "30")
    int clockSkewSeconds;

    /** The keys of a realm; tests give their own. */
    Function<String, JWKSource<SecurityContext>> realmKeys = this::remoteKeys;

    /** The library systems that may sign in; tests give their own. */
    Supplier<Set<String>> activeTenants = () -> directory.activeSlugs();

    /** The library systems the operator has suspended (their realms stay); tests give their own. */
    Supplier<Set<String>> suspendedTenants = () -> directory == null ? Set.of() : directory.suspendedSlugs();

    /**
     * Tokens that passed every check, until they expire. A client sends the same token with each request for its whole
     * life (5 minutes), and checking the RSA signature and the claims again every time took about a tenth of the CPU
     * of filing an incident report. Keyed by the whole compact token, so any changed byte is a different key that is
     * checked in full; the issuer's library system is still checked to be active on every request, so suspending it
     * refuses cached tokens as before. A key withdrawn from the realm is not noticed before the token expires, as with
     * the realm keys cached by the JWK source.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    static final int VERIFIED_MAX = 10_000;

    private record Verified(Caller caller, String realm, long expiresAtMillis) {
    }

    private final Map<String, DefaultJWTProcessor<SecurityContext>> processors = new ConcurrentHashMap<>();
    private volatile Set<String> knownTenants = Set.of();
    private volatile Set<String> suspended = Set.of();
    private volatile long knownTenantsAt;
    private final java.util.concurrent.atomic.AtomicBoolean refreshingTenants = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public Caller verify(String compactToken) throws InvalidToken, KeysUnavailable {
        Verified known = verified.get(compactToken);
        if (known != null) {
            if (System.currentTimeMillis() < known.expiresAtMillis()
                    && (OPERATOR_REALM.equals(known.realm()) || activeTenantsCached().contains(known.realm()))) {
                return known.caller();
            }
            // Expired or suspended since: the full check below gives the reason.
            verified.remove(compactToken);
        }
        return verifyFully(compactToken);
    }

    private Caller verifyFully(String compactToken) throws InvalidToken, KeysUnavailable {
        SignedJWT jwt;
        String issuer;
        try {
            jwt = SignedJWT.parse(compactToken);
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new InvalidToken("the token is not a signed JWT");
        }
        // Pinned before any key is looked at: no "none", no HMAC keyed with a public key.
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidToken("the token's signing algorithm is not accepted");
        }
        String realm = realmOf(issuer);
        JWTClaimsSet claims;
        try {
            claims = processor(realm).process(jwt, null);
        } catch (KeySourceException e) {
            throw new KeysUnavailable("the keys of realm " + realm + " cannot be fetched from Keycloak and none are kept: "
                    + e.getMessage(), e);
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidToken("the token is not valid: " + e.getMessage());
        }
        if (!ACCESS_TOKEN_TYPE.equals(stringClaim(claims, "typ"))) {
            // An ID or refresh token of the same realm is signed with the same key; it is not meant for an API.
            throw new InvalidToken("the token is not an access token");
        }
        String client = stringClaim(claims, "azp");
        if (client == null || !knownClients().contains(client)) {
            throw new InvalidToken("the token was issued to a client that is not ServicePoint's");
        }
        Set<String> realmRoles = realmRoles(claims);
        String username = stringClaim(claims, "preferred_username");
        if (OPERATOR_REALM.equals(realm)) {
            if (!realmRoles.contains(Roles.OPERATOR)) {
                throw new InvalidToken("the token grants no operator role");
            }
            return remember(compactToken, realm, claims, Caller.operator(username));
        }
        if (!activeTenantsCached().contains(realm) && suspended.contains(realm)) {
            // Checked only after the signature: nobody learns that a library system is suspended with a made-up token.
            throw new TenantSuspended("your library system's use of ServicePoint is suspended; ask its administrator");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : realmRoles) {
            if (Roles.STAFF_ROLES.contains(role) || role.startsWith(Roles.POSITION_PREFIX)) {
                roles.add(role);
            }
        }
        Map<String, String> attributes = new HashMap<>();
        for (String claim : List.of("tag_name", "position", "branch")) {
            String value = stringClaim(claims, claim);
            if (value != null) {
                attributes.put(claim, value);
            }
        }
        return remember(compactToken, realm, claims, Caller.staff(username, TenantId.of(realm), roles, attributes));
    }

    /** Until the token's expiry (not its clock-skew grace, which the full check still grants). */
    private Caller remember(String compactToken, String realm, JWTClaimsSet claims, Caller caller) {
        java.util.Date expiry = claims.getExpirationTime();
        if (expiry != null && expiry.getTime() > System.currentTimeMillis()) {
            if (verified.size() >= VERIFIED_MAX) {
                long now = System.currentTimeMillis();
                verified.values().removeIf(v -> v.expiresAtMillis() <= now);
                if (verified.size() >= VERIFIED_MAX) {
                    verified.clear();
                }
            }
            verified.put(compactToken, new Verified(caller, realm, expiry.getTime()));
        }
        return caller;
    }

    private String realmOf(String issuer) throws InvalidToken {
        String prefix = settings.issuer("");
        if (issuer == null || !issuer.startsWith(prefix)) {
            throw new InvalidToken("the token's issuer is not known here");
        }
        String realm = issuer.substring(prefix.length());
        if (OPERATOR_REALM.equals(realm)) {
            return realm;
        }
        if (!TenantId.isValidSlug(realm) || !(knownNow(realm) || suspended.contains(realm))) {
            throw new InvalidToken("the token's issuer is not known here");
        }
        return realm;
    }

    /**
     * Whether the library system is active. A library system onboarded a moment ago is not in the list of up to 15
     * seconds ago, so a miss reads the registry again, at most once a second (the issuer is not verified yet, and
     * made-up ones must not cost a database read each).
     */
    private boolean knownNow(String realm) {
        if (activeTenantsCached().contains(realm)) {
            return true;
        }
        if (System.nanoTime() - knownTenantsAt > MISS_REFRESH_NANOS && refreshingTenants.compareAndSet(false, true)) {
            try {
                readRegistry();
            } finally {
                refreshingTenants.set(false);
            }
        }
        return knownTenants.contains(realm);
    }

    /** Active and suspended library systems, read together so they always agree. */
    private void readRegistry() {
        knownTenants = Set.copyOf(activeTenants.get());
        suspended = Set.copyOf(suspendedTenants.get());
        knownTenantsAt = System.nanoTime();
    }

    private Set<String> activeTenantsCached() {
        long now = System.nanoTime();
        if (knownTenantsAt == 0) {
            synchronized (this) {
                if (knownTenantsAt == 0) {
                    readRegistry();
                }
            }
        } else if (now - knownTenantsAt > ACTIVE_TENANTS_TTL_NANOS && refreshingTenants.compareAndSet(false, true)) {
            // One request reads the registry again; the others go on with the list of a moment ago instead of
            // all taking a database connection at the same instant, every 15 seconds.
            try {
                readRegistry();
            } finally {
                refreshingTenants.set(false);
            }
        }
        return knownTenants;
    }

    /** The clients whose tokens this API takes: the staff web app, and the password-grant client where it is enabled. */
    private Set<String> knownClients() {
        return settings.testClient() ? Set.of(Realms.WEB_CLIENT, Realms.TEST_CLIENT) : Set.of(Realms.WEB_CLIENT);
    }

    private DefaultJWTProcessor<SecurityContext> processor(String realm) {
        return processors.computeIfAbsent(realm, r -> {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, realmKeys.apply(r)));
            DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(AUDIENCE,
                    new JWTClaimsSet.Builder().issuer(settings.issuer(r)).build(),
                    Set.of("exp", "iat", "preferred_username"));
            claims.setMaxClockSkew(clockSkewSeconds);
            processor.setJWTClaimsSetVerifier(claims);
            return processor;
        });
    }

    private JWKSource<SecurityContext> remoteKeys(String realm) {
        try {
            // Fetched from where the server reaches Keycloak; cached, refreshed ahead of expiry in the background and
            // when an unknown key id appears; the last keys fetched still serve while Keycloak is down.
            return JWKSourceBuilder.<SecurityContext>create(
                    URI.create(settings.keycloakUrl() + "/realms/" + realm + "/protocol/openid-connect/certs").toURL(),
                    new DefaultResourceRetriever(KEYS_CONNECT_TIMEOUT_MILLIS, KEYS_READ_TIMEOUT_MILLIS, KEYS_SIZE_LIMIT_BYTES))
                    .cache(KEYS_TTL_MILLIS, KEYS_READ_TIMEOUT_MILLIS + KEYS_CONNECT_TIMEOUT_MILLIS)
                    .refreshAheadCache(true)
                    .rateLimited(KEYS_MIN_REFETCH_MILLIS)
                    .retrying(true)
                    .outageTolerant(KEYS_OUTAGE_TOLERANCE_MILLIS)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("bad Keycloak URL " + settings.keycloakUrl(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> realmRoles(JWTClaimsSet claims) {
        Object access = claims.getClaim("realm_access");
        if (access instanceof Map<?, ?> map && map.get("roles") instanceof List<?> roles) {
            Set<String> names = new LinkedHashSet<>();
            roles.forEach(role -> names.add(String.valueOf(role)));
            return names;
        }
        return Set.of();
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
