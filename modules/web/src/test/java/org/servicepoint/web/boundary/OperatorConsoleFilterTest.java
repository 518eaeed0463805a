package org.servicepoint.web.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.control.Settings;

class OperatorConsoleFilterTest {

    static final String PAGE = "<!doctype html><title>ServicePoint operator console</title><div id=\"root\"></div>";
    static final FilterChain NOT_REACHED = (request, response) -> {
        throw new AssertionError("the filter answers /operator/* itself");
    };

    FakeHttp.Recorded call(String method, String path, String page) throws Exception {
        OperatorConsoleFilter filter = new OperatorConsoleFilter();
        filter.config = Settings.of(Map.of("servicepoint.keycloak.public-url", "https://id.example.org/"));
        filter.init();
        FakeHttp.Recorded recorded = new FakeHttp.Recorded();
        filter.doFilter(FakeHttp.request(method, "", path, page), recorded.response(), NOT_REACHED);
        return recorded;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/operator/", "/operator/callback", "/operator/tenants/riverbend"})
    void every_path_of_the_console_opens_it_under_the_apps_browser_rules(String path) throws Exception {
        FakeHttp.Recorded answer = call("GET", path, PAGE);

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(PAGE);
        assertThat(answer.headers.get("Content-Security-Policy"))
                .contains("script-src 'self';", "connect-src 'self' https://id.example.org;", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(answer.headers).containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer");
    }

    @Test
    void the_bare_address_goes_to_the_console_and_nothing_but_reading_is_allowed() throws Exception {
        assertThat(call("GET", "/operator", PAGE).redirect).isEqualTo("/operator/");
        FakeHttp.Recorded post = call("POST", "/operator/", PAGE);
        assertThat(post.status).isEqualTo(405);
        assertThat(post.headers).containsEntry("Allow", "GET, HEAD");
    }

    @Test
    void a_build_without_the_console_says_so() throws Exception {
        assertThat(call("GET", "/operator/", null).status).isEqualTo(503);
    }
}
