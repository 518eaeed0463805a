package org.servicepoint.identity.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a ServicePoint realm looks like, as Keycloak admin API representations. Pure: no HTTP, so the
 * conventions are testable without a server.
 */
final class RealmBlueprint {

    static final int ACCESS_TOKEN_LIFESPAN_SECONDS = 300;
    /** Only administrators may write attributes nobody declared: tag name, position and branch feed token claims. */
    static final String UNMANAGED_ATTRIBUTE_POLICY = "ADMIN_EDIT";

    private static final Map<String, String> ROLE_DESCRIPTIONS = Map.of(
            Realms.STAFF, "Works at the library system's service points",
            Realms.PERSON_IN_CHARGE, "May act as person in charge of a branch",
            Realms.HEADQUARTERS, "Works at headquarters and sees reports from all branches",
            Realms.TENANT_ADMIN, "Administers the library system in ServicePoint");

    private final IdentitySettings settings;

    RealmBlueprint(IdentitySettings settings) {
        this.settings = settings;
    }

    JsonObject realm(String name, String displayName, int idleLockSeconds) {
        JsonObjectBuilder realm = Json.createObjectBuilder()
                .add("realm", name)
                .add("enabled", true)
                .add("displayName", displayName)
                .add("bruteForceProtected", true)
                .add("accessTokenLifespan", ACCESS_TOKEN_LIFESPAN_SECONDS)
                .add("ssoSessionIdleTimeout", ssoSessionIdleSeconds(idleLockSeconds));
        // Tokens fetched over the back channel must name the same issuer as those from the browser.
        realm.add("attributes", Json.createObjectBuilder()
                .add("frontendUrl", settings.separatePublicKeycloakUrl() ? settings.keycloakPublicUrl() : ""));
        if (settings.mail() != null) {
            realm.add("smtpServer", smtpServer(settings.mail(), displayName));
        }
        return realm.build();
    }

    /**
     * Keycloak's mail settings (all strings, as its admin API keeps them). The password is sent only when set: Keycloak
     * answers it masked, so a realm with a signed-in server is updated on each provisioning run, which is harmless.
     */
    static JsonObject smtpServer(RealmMail mail, String displayName) {
        JsonObjectBuilder smtp = Json.createObjectBuilder()
                .add("host", mail.host())
                .add("port", String.valueOf(mail.port()))
                .add("from", mail.from())
                .add("fromDisplayName", displayName)
                .add("starttls", String.valueOf(mail.starttls()))
                .add("ssl", "false")
                .add("auth", String.valueOf(mail.user() != null));
        if (mail.user() != null) {
            smtp.add("user", mail.user());
            if (mail.password() != null) {
                smtp.add("password", mail.password());
            }
        }
        return smtp.build();
    }

    /**
     * Keycloak's single sign-on session ends after the idle lock's time without a token renewal, so a desk left
     * alone (or a browser closed without the lock firing) asks the next person for a password. Never shorter than
     * an access token's life: the open app renews its token shortly before expiry, and that renewal must still
     * find the session (Keycloak adds a grace of its own on top).
     */
    static int ssoSessionIdleSeconds(int idleLockSeconds) {
        return Math.max(idleLockSeconds, ACCESS_TOKEN_LIFESPAN_SECONDS);
    }

    /** Realm roles with descriptions, in a stable order. */
    Map<String, String> roles(RealmSpec spec) {
        Map<String, String> roles = new LinkedHashMap<>();
        Realms.APP_ROLES.forEach(role -> roles.put(role, ROLE_DESCRIPTIONS.get(role)));
        spec.positionCodes().forEach(code -> roles.put(Realms.positionRole(code), "Holds position " + code
                + " in the chain of command"));
        return roles;
    }

    Map<String, String> operatorRoles() {
        return Map.of(Realms.OPERATOR, "Operates the ServicePoint platform");
    }

    /** Browser sign-in for the pages under {@code basePath} (e.g. /t/riverbend). */
    JsonObject webClient(String basePath) {
        String pages = settings.publicUrl() + basePath + "/*";
        return Json.createObjectBuilder()
                .add("clientId", Realms.WEB_CLIENT)
                .add("name", "ServicePoint")
                .add("enabled", true)
                .add("protocol", "openid-connect")
                .add("publicClient", true)
                .add("standardFlowEnabled", true)
                .add("implicitFlowEnabled", false)
                .add("directAccessGrantsEnabled", false)
                .add("serviceAccountsEnabled", false)
                .add("baseUrl", settings.publicUrl() + basePath + "/")
                .add("redirectUris", Representations.strings(List.of(pages)))
                .add("webOrigins", Representations.strings(List.of(settings.publicUrl())))
                .add("attributes", Json.createObjectBuilder()
                        .add("pkce.code.challenge.method", "S256")
                        .add("post.logout.redirect.uris", pages))
                .build();
    }

    JsonObject testClient(boolean enabled) {
        return Json.createObjectBuilder()
                .add("clientId", Realms.TEST_CLIENT)
                .add("name", "ServicePoint tests (password grant, never in production)")
                .add("enabled", enabled)
                .add("protocol", "openid-connect")
                .add("publicClient", true)
                .add("standardFlowEnabled", false)
                .add("implicitFlowEnabled", false)
                .add("directAccessGrantsEnabled", true)
                .add("serviceAccountsEnabled", false)
                .add("redirectUris", JsonValue.EMPTY_JSON_ARRAY)
                .add("webOrigins", JsonValue.EMPTY_JSON_ARRAY)
                .build();
    }

    /** Audience plus the three staff attributes as claims; realm roles stay in the default realm_access claim. */
    List<JsonObject> protocolMappers() {
        List<JsonObject> mappers = new ArrayList<>();
        mappers.add(Json.createObjectBuilder()
                .add("name", Realms.API_AUDIENCE + " audience")
                .add("protocol", "openid-connect")
                .add("protocolMapper", "oidc-audience-mapper")
                .add("config", Json.createObjectBuilder()
                        .add("included.custom.audience", Realms.API_AUDIENCE)
                        .add("access.token.claim", "true")
                        .add("id.token.claim", "false")
                        .add("introspection.token.claim", "true"))
                .build());
        for (String attribute : Realms.CLAIMS) {
            mappers.add(Json.createObjectBuilder()
                    .add("name", attribute)
                    .add("protocol", "openid-connect")
                    .add("protocolMapper", "oidc-usermodel-attribute-mapper")
                    .add("config", Json.createObjectBuilder()
                            .add("user.attribute", attribute)
                            .add("claim.name", attribute)
                            .add("jsonType.label", "String")
                            .add("multivalued", "false")
                            .add("access.token.claim", "true")
                            .add("id.token.claim", "true")
                            .add("userinfo.token.claim", "true")
                            .add("introspection.token.claim", "true"))
                    .build());
        }
        return mappers;
    }

    /**
     * The realm's user profile with our changes: attributes nobody declared are kept but only administrators
     * may set them (Keycloak 26 would otherwise silently drop them, and "enabled for everyone" would let staff
     * rewrite their own position claim in the account console); e-mail and last name are not demanded at
     * sign-in, since ServicePoint knows staff by user name and tag name.
     */
    JsonObject userProfile(JsonObject current) {
        JsonObjectBuilder profile = Json.createObjectBuilder(current)
                .add("unmanagedAttributePolicy", UNMANAGED_ATTRIBUTE_POLICY);
        if (current.containsKey("attributes")) {
            var attributes = Json.createArrayBuilder();
            for (JsonValue value : current.getJsonArray("attributes")) {
                JsonObject attribute = value.asJsonObject();
                String name = attribute.getString("name", "");
                if (("email".equals(name) || "lastName".equals(name)) && attribute.containsKey("required")) {
                    attributes.add(Json.createObjectBuilder(attribute).remove("required"));
                } else {
                    attributes.add(attribute);
                }
            }
            profile.add("attributes", attributes);
        }
        return profile.build();
    }

    JsonObject user(DemoUser user) {
        // An empty list takes away a position or branch the user no longer has.
        JsonObjectBuilder attributes = Json.createObjectBuilder()
                .add(Realms.TAG_NAME, Representations.strings(List.of(user.tagName())))
                .add(Realms.POSITION, Representations.strings(user.position() == null ? List.of() : List.of(user.position())))
                .add(Realms.BRANCH, Representations.strings(user.branch() == null ? List.of() : List.of(user.branch())));
        return Json.createObjectBuilder()
                .add("username", user.username())
                .add("enabled", true)
                .add("emailVerified", true)
                .add("firstName", user.tagName())
                .add("attributes", attributes)
                .build();
    }

    /** App roles plus the role of the user's position. */
    List<String> realmRoles(DemoUser user) {
        List<String> roles = new ArrayList<>(user.roles());
        if (user.position() != null) {
            roles.add(Realms.positionRole(user.position()));
        }
        return roles;
    }
}
