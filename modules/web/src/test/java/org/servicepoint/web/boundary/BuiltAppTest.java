package org.servicepoint.web.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks what the Vite build put into this jar: the page the filter serves must work under its CSP,
 * so it may hold no inline script, style or event handler, and everything it names must be there.
 */
class BuiltAppTest {

    static final String ROOT = "META-INF/resources";

    static String resource(String path) throws IOException {
        try (InputStream in = BuiltAppTest.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            assertThat(in).as("%s in the jar (built by npm run build)", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {StaffAppFilter.APP_PAGE, ApiDocsFilter.PAGE})
    void the_app_page_and_the_api_explorer_have_no_inline_code(String pagePath) throws IOException {
        String page = resource(pagePath);

        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE).matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("every script is a file").contains("src=\"/app/");
            assertThat(scripts.group(2)).as("and has no body").isBlank();
        }
        assertThat(count).isPositive();
        assertThat(page.toLowerCase()).doesNotContain("<style", " style=", "javascript:")
                .doesNotContainPattern("\\son[a-z]+\\s*=");
    }

    @ParameterizedTest
    @ValueSource(strings = {StaffAppFilter.APP_PAGE, ApiDocsFilter.PAGE})
    void everything_the_pages_name_is_in_the_jar(String pagePath) throws IOException {
        String page = resource(pagePath);
        List<String> named = new ArrayList<>();
        Matcher links = Pattern.compile("(?:src|href)=\"(/app/[^\"]+)\"").matcher(page);
        while (links.find()) {
            named.add(links.group(1));
        }

        assertThat(named).anyMatch(path -> path.endsWith(".js")).anyMatch(path -> path.endsWith(".css"));
        for (String path : named) {
            resource(path);
        }
        resource("/app/signed-out.css");
    }
}
