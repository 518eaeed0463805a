package org.servicepoint.web.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PagePoliciesTest {

    @Test
    void the_app_may_reach_only_itself_and_keycloak() {
        assertThat(PagePolicies.staffApp("https://id.example.org")).isEqualTo(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                        + "connect-src 'self' https://id.example.org; form-action 'self' https://id.example.org; "
                        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
    }

    @Test
    void no_policy_allows_inline_code_or_framing() {
        for (String policy : new String[] {PagePolicies.staffApp("http://localhost:8180"), PagePolicies.signedOut(),
                PagePolicies.apiDocs()}) {
            assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*").contains("frame-ancestors 'none'");
        }
        assertThat(PagePolicies.signedOut()).startsWith("default-src 'none'").doesNotContain("script-src");
    }

    @Test
    void the_api_explorer_may_reach_only_servicepoint_and_submit_nothing() {
        assertThat(PagePolicies.apiDocs()).contains("script-src 'self';", "style-src 'self';", "connect-src 'self';",
                "form-action 'none'", "object-src 'none'").doesNotContain("http");
    }

    @ParameterizedTest
    @CsvSource({
        "http://localhost:8180, http://localhost:8180",
        "http://localhost:8180/, http://localhost:8180",
        "https://ID.Example.org/auth/realms/riverbend, https://id.example.org",
        "HTTPS://id.example.org:8443/, https://id.example.org:8443",
        "' http://keycloak:8080 ', http://keycloak:8080",
    })
    void keycloak_is_named_by_its_origin(String configured, String origin) {
        assertThat(PagePolicies.originOf(configured)).isEqualTo(origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "localhost:8180", "ftp://id.example.org", "javascript:alert(1)", "http://user:pw@id.example.org",
        "http://id.example.org; script-src *", "http://", "not a url", "http://id.example.org 'unsafe-inline'",
    })
    void anything_but_an_http_origin_is_refused(String configured) {
        assertThatIllegalArgumentException().isThrownBy(() -> PagePolicies.originOf(configured));
    }
}
