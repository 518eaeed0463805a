package org.servicepoint.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealmBlueprintTest {

    private final IdentitySettings settings = new IdentitySettings("http://keycloak:8080/", null, "admin", "secret",
            "https://servicepoint.example.org/", false, null);
    private final RealmBlueprint blueprint = new RealmBlueprint(settings);

    @Test
    void the_web_client_signs_in_by_code_with_pkce_only_for_the_tenants_pages() {
        JsonObject web = blueprint.webClient("/t/riverbend");
        assertThat(web.getBoolean("publicClient")).isTrue();
        assertThat(web.getBoolean("standardFlowEnabled")).isTrue();
        assertThat(web.getBoolean("implicitFlowEnabled")).isFalse();
        assertThat(web.getBoolean("directAccessGrantsEnabled")).isFalse();
        assertThat(web.getJsonObject("attributes").getString("pkce.code.challenge.method")).isEqualTo("S256");
        assertThat(web.getJsonArray("redirectUris").getValuesAs(JsonString::getString))
                .containsExactly("https://servicepoint.example.org/t/riverbend/*");
        assertThat(web.getJsonObject("attributes").getString("post.logout.redirect.uris"))
                .isEqualTo("https://servicepoint.example.org/t/riverbend/*");
        assertThat(web.getJsonArray("webOrigins").getValuesAs(JsonString::getString))
                .containsExactly("https://servicepoint.example.org");
    }

    @Test
    void every_client_gets_the_api_audience_and_the_three_staff_claims() {
        assertThat(blueprint.protocolMappers()).extracting(m -> m.getString("protocolMapper"))
                .containsExactly("oidc-audience-mapper", "oidc-usermodel-attribute-mapper",
                        "oidc-usermodel-attribute-mapper", "oidc-usermodel-attribute-mapper");
        assertThat(blueprint.protocolMappers().get(0).getJsonObject("config").getString("included.custom.audience"))
                .isEqualTo("servicepoint-api");
        assertThat(blueprint.protocolMappers().subList(1, 4)).extracting(m -> m.getJsonObject("config").getString("claim.name"))
                .containsExactly("tag_name", "position", "branch");
    }

    @Test
    void the_single_sign_on_session_ends_after_the_idle_lock_time_but_outlives_an_access_token() {
        assertThat(blueprint.realm("riverbend", "R", 15 * 60).getInt("ssoSessionIdleTimeout")).isEqualTo(900);
        assertThat(blueprint.realm("riverbend", "R", 300).getInt("ssoSessionIdleTimeout")).isEqualTo(300);
        // A one-minute lock: the session must still be there when the open app renews its 5-minute token.
        assertThat(blueprint.realm("riverbend", "R", 60).getInt("ssoSessionIdleTimeout"))
                .isEqualTo(RealmBlueprint.ACCESS_TOKEN_LIFESPAN_SECONDS);
    }

    @Test
    void roles_are_the_app_roles_plus_one_per_position() {
        var spec = new RealmSpec("riverbend", "Riverbend", List.of("branch-manager", "page"), List.of());
        assertThat(blueprint.roles(spec).keySet()).containsExactly("staff", "person-in-charge", "headquarters",
                "tenant-admin", "position:branch-manager", "position:page");
    }

    @Test
    void the_realm_has_short_tokens_brute_force_protection_and_no_front_end_url_of_its_own() {
        JsonObject realm = blueprint.realm("riverbend", "Riverbend Regional Library System", 300);
        assertThat(realm.getInt("accessTokenLifespan")).isEqualTo(300);
        assertThat(realm.getBoolean("bruteForceProtected")).isTrue();
        assertThat(realm.getJsonObject("attributes").getString("frontendUrl")).isEmpty();

        var split = new RealmBlueprint(new IdentitySettings("http://keycloak:8080", "https://id.example.org", "admin", "s",
                "https://servicepoint.example.org", false, null));
        assertThat(split.realm("riverbend", "R", 300).getJsonObject("attributes").getString("frontendUrl"))
                .isEqualTo("https://id.example.org");
        assertThat(settings.issuer("riverbend")).isEqualTo("http://keycloak:8080/realms/riverbend");
    }

    @Test
    void the_user_profile_keeps_undeclared_attributes_for_admins_only_and_asks_no_email_or_last_name() {
        JsonObject current = Json.createReader(new StringReader("""
                {"attributes":[{"name":"username"},{"name":"email","required":{"roles":["user"]}},
                 {"name":"firstName","required":{"roles":["user"]}},{"name":"lastName","required":{"roles":["user"]}}],
                 "groups":[{"name":"user-metadata"}]}""")).readObject();
        JsonObject profile = blueprint.userProfile(current);
        assertThat(profile.getString("unmanagedAttributePolicy")).isEqualTo("ADMIN_EDIT");
        assertThat(profile.getJsonArray("attributes").getJsonObject(1).containsKey("required")).isFalse();
        assertThat(profile.getJsonArray("attributes").getJsonObject(2).containsKey("required")).isTrue();
        assertThat(profile.getJsonArray("attributes").getJsonObject(3).containsKey("required")).isFalse();
        assertThat(profile.getJsonArray("groups")).isEqualTo(current.getJsonArray("groups"));
        assertThat(blueprint.userProfile(profile)).as("applying twice changes nothing").isEqualTo(profile);
    }

    @Test
    void demo_users_carry_tag_name_position_and_branch_and_no_legal_name() {
        var user = new DemoUser("pat", "Pat", "page", null, List.of("staff"));
        JsonObject json = blueprint.user(user);
        assertThat(json.getString("firstName")).isEqualTo("Pat");
        assertThat(json.containsKey("lastName")).isFalse();
        assertThat(json.getJsonObject("attributes").getJsonArray("position").getString(0)).isEqualTo("page");
        assertThat(json.getJsonObject("attributes").getJsonArray("branch")).isEmpty();
        assertThat(blueprint.realmRoles(user)).containsExactly("staff", "position:page");
    }
    @Test
    void a_realm_mails_through_the_applications_smtp_server_and_only_sends_a_password_it_has() {
        RealmMail signedIn = new RealmMail("smtp.example.org", 587, "servicepoint@library.example", true, "mailer", "s3cret");
        JsonObject smtp = new RealmBlueprint(new IdentitySettings("http://keycloak:8080", null, "admin", "secret",
                "https://servicepoint.example.org", false, null, signedIn)).realm("riverbend", "Riverbend Library", 300)
                .getJsonObject("smtpServer");
        assertThat(smtp.getString("host")).isEqualTo("smtp.example.org");
        assertThat(smtp.getString("port")).isEqualTo("587");
        assertThat(smtp.getString("from")).isEqualTo("servicepoint@library.example");
        assertThat(smtp.getString("fromDisplayName")).isEqualTo("Riverbend Library");
        assertThat(smtp.getString("starttls")).isEqualTo("true");
        assertThat(smtp.getString("auth")).isEqualTo("true");
        assertThat(smtp.getString("password")).isEqualTo("s3cret");
        assertThat(signedIn.toString()).doesNotContain("s3cret");

        JsonObject catcher = RealmBlueprint.smtpServer(new RealmMail("127.0.0.1", 3025, "sp@example.org", false, null, "unused"), "X");
        assertThat(catcher.getString("auth")).isEqualTo("false");
        assertThat(catcher.containsKey("user") || catcher.containsKey("password")).isFalse();
        assertThat(blueprint.realm("riverbend", "Riverbend", 300).containsKey("smtpServer"))
                .as("without mail settings the realm's own are left alone").isFalse();
    }
}
