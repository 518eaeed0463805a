package org.servicepoint.web.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicepoint.platform.control.Settings;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.web.control.PagePolicies;
import org.servicepoint.web.control.SignedOutPage;

/**
 * Serves the staff app for every path of a library system, /t/{slug}/…, so that bookmarks, the
 * return from Keycloak (/t/{slug}/callback) and reloads all open the app, which then routes itself.
 * /t/{slug}/signed-out is the exception: Keycloak's return after sign-out, a plain page that tells the
 * browser to forget the site's data.
 *
 * Every page goes out with a strict CSP and no-store: a desk computer is shared, and the app page must
 * never come back from a cache or the history after its user has gone.
 */
@WebFilter(urlPatterns = "/t/*", asyncSupported = true)
public class StaffAppFilter extends HttpFilter {

    static final String APP_PAGE = "/app/index.html";
    static final String DEFAULT_KEYCLOAK_URL = "http://localhost:8180";
    private static final Pattern TENANT_PATH = Pattern.compile("^/t/([^/]*)(/.*)?$");

    /** The server's settings; read directly, as a servlet container need not inject into a filter. Tests give their own. */
    Settings config = new Settings();

    private String appPolicy;
    private volatile byte[] appPage;

    @Override
    public void init() throws ServletException {
        appPolicy = appPolicy(config);
    }

    /** The CSP of a page that signs in with Keycloak (the staff app, the operator console). */
    static String appPolicy(Settings config) throws ServletException {
        // Browsers reach Keycloak at its public address, which may differ from the one the server uses.
        String keycloak = config.text("servicepoint.keycloak.public-url")
                .or(() -> config.text("servicepoint.keycloak.url"))
                .map(String::strip)
                .orElse(DEFAULT_KEYCLOAK_URL);
        try {
            return PagePolicies.staffApp(PagePolicies.originOf(keycloak));
        } catch (IllegalArgumentException e) {
            throw new ServletException("servicepoint.keycloak.public-url / servicepoint.keycloak.url: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher matcher = TENANT_PATH.matcher(path);
        if (!matcher.matches() || !TenantId.isValidSlug(matcher.group(1))) {
            text(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
            return;
        }
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed");
            return;
        }
        String slug = matcher.group(1);
        String rest = matcher.group(2);
        if (rest == null) {
            // The app's return addresses all sit below /t/{slug}/.
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(request.getContextPath() + "/t/" + slug + "/");
        } else if ("/signed-out".equals(rest)) {
            signedOut(request, response, slug);
        } else {
            app(request, response);
        }
    }

    private void app(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] page = appPage(request);
        if (page == null) {
            text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The staff web app is not part of this build.");
            return;
        }
        pageHeaders(response, appPolicy);
        send(request, response, page);
    }

    private void signedOut(HttpServletRequest request, HttpServletResponse response, String slug) throws IOException {
        pageHeaders(response, PagePolicies.signedOut());
        // Whatever the app or Keycloak's redirect left in this browser for the site goes now.
        response.setHeader("Clear-Site-Data", "\"cache\", \"cookies\", \"storage\"");
        send(request, response, SignedOutPage.html(request.getContextPath(), slug).getBytes(StandardCharsets.UTF_8));
    }

    static void pageHeaders(HttpServletResponse response, String policy) {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Permissions-Policy", PagePolicies.PERMISSIONS);
    }

    static void send(HttpServletRequest request, HttpServletResponse response, byte[] body) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    static void text(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The built app page, read once; Vite puts it into this module's jar under META-INF/resources. */
    private byte[] appPage(HttpServletRequest request) throws IOException {
        byte[] page = appPage;
        if (page == null) {
            page = resource(request, APP_PAGE);
            appPage = page;
        }
        return page;
    }

    /** A file of the web build inside the WAR, or null when this build has none. */
    static byte[] resource(HttpServletRequest request, String path) throws IOException {
        try (InputStream in = request.getServletContext().getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
