package org.servicepoint.web.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicepoint.platform.control.Settings;

class StaffAppFilterTest {

    static final String APP_PAGE = "<!doctype html><title>ServicePoint</title><div id=\"root\"></div>";
    static final FilterChain NOT_REACHED = (request, response) -> {
        throw new AssertionError("the filter answers /t/* itself");
    };

    StaffAppFilter filter(Optional<String> publicUrl, Optional<String> url) throws ServletException {
        StaffAppFilter filter = new StaffAppFilter();
        Map<String, String> settings = new HashMap<>();
        publicUrl.ifPresent(value -> settings.put("servicepoint.keycloak.public-url", value));
        url.ifPresent(value -> settings.put("servicepoint.keycloak.url", value));
        filter.config = Settings.of(settings);
        filter.init();
        return filter;
    }

    FakeHttp.Recorded get(StaffAppFilter filter, String path) throws Exception {
        return call(filter, "GET", "", path, APP_PAGE);
    }

    FakeHttp.Recorded call(StaffAppFilter filter, String method, String contextPath, String path, String appPage) throws Exception {
        FakeHttp.Recorded recorded = new FakeHttp.Recorded();
        filter.doFilter(FakeHttp.request(method, contextPath, path, appPage), recorded.response(), NOT_REACHED);
        return recorded;
    }

    StaffAppFilter filter() throws ServletException {
        return filter(Optional.of("https://id.example.org/"), Optional.of("http://keycloak:8080"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/t/riverbend/", "/t/riverbend/callback", "/t/riverbend/incidents/42", "/t/lakeview-law/"})
    void every_path_of_a_library_system_opens_the_app(String path) throws Exception {
        FakeHttp.Recorded answer = get(filter(), path);

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.contentType).isEqualTo("text/html;charset=UTF-8");
        assertThat(answer.body()).isEqualTo(APP_PAGE);
        assertThat(answer.contentLength).isEqualTo(APP_PAGE.length());
    }

    @Test
    void the_app_page_carries_the_browser_rules() throws Exception {
        FakeHttp.Recorded answer = get(filter(), "/t/riverbend/");

        assertThat(answer.headers).containsEntry("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                                + "connect-src 'self' https://id.example.org; form-action 'self' https://id.example.org; "
                                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsKey("Permissions-Policy")
                .doesNotContainKey("Clear-Site-Data");
    }

    @Test
    void keycloak_falls_back_to_its_server_address_then_to_the_local_default() throws Exception {
        assertThat(get(filter(Optional.empty(), Optional.of("http://keycloak:8080")), "/t/riverbend/")
                .headers.get("Content-Security-Policy")).contains("connect-src 'self' http://keycloak:8080;");
        assertThat(get(filter(Optional.of("  "), Optional.empty()), "/t/riverbend/")
                .headers.get("Content-Security-Policy")).contains("connect-src 'self' http://localhost:8180;");
    }

    @Test
    void a_keycloak_address_that_is_not_an_origin_stops_the_start() {
        assertThatThrownBy(() -> filter(Optional.of("http://id.example.org; script-src *"), Optional.empty()))
                .isInstanceOf(ServletException.class)
                .hasMessageContaining("servicepoint.keycloak.public-url");
    }

    @Test
    void signed_out_clears_the_site_data_and_runs_nothing() throws Exception {
        FakeHttp.Recorded answer = get(filter(), "/t/riverbend/signed-out");

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.headers)
                .containsEntry("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"")
                .containsEntry("Cache-Control", "no-store")
                .containsEntry("Referrer-Policy", "no-referrer");
        assertThat(answer.headers.get("Content-Security-Policy")).startsWith("default-src 'none'");
        assertThat(answer.body()).contains("You are signed out")
                .contains("<a href=\"/t/riverbend/\">Sign in again</a>")
                .doesNotContain("<script");
    }

    @Test
    void the_bare_tenant_path_moves_under_the_slash() throws Exception {
        FakeHttp.Recorded answer = call(filter(), "GET", "/ctx", "/t/riverbend", APP_PAGE);

        assertThat(answer.status).isEqualTo(302);
        assertThat(answer.redirect).isEqualTo("/ctx/t/riverbend/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/t/", "/t//", "/t/Riverbend/", "/t/%3Cscript%3E/", "/t/_platform/", "/t/ab/"})
    void what_is_not_a_library_system_is_not_found(String path) throws Exception {
        FakeHttp.Recorded answer = get(filter(), path);

        assertThat(answer.status).isEqualTo(404);
        assertThat(answer.body()).doesNotContain(APP_PAGE);
    }

    @Test
    void only_reading_is_allowed() throws Exception {
        FakeHttp.Recorded answer = call(filter(), "POST", "", "/t/riverbend/", APP_PAGE);

        assertThat(answer.status).isEqualTo(405);
        assertThat(answer.headers).containsEntry("Allow", "GET, HEAD");
    }

    @Test
    void head_sends_the_headers_only() throws Exception {
        FakeHttp.Recorded answer = call(filter(), "HEAD", "", "/t/riverbend/", APP_PAGE);

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.headers).containsKey("Content-Security-Policy");
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void without_the_built_app_it_says_so() throws Exception {
        FakeHttp.Recorded answer = call(filter(), "GET", "", "/t/riverbend/", null);

        assertThat(answer.status).isEqualTo(503);
    }
}
