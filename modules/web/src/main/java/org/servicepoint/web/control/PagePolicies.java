package org.servicepoint.web.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What the browser may do on the staff app's pages. The app holds tokens that open patron and staff
 * data, so it runs only its own scripts and styles, talks only to ServicePoint and the tenant's Keycloak,
 * is never framed, and asks for no device features.
 */
public final class PagePolicies {

    /** Features a desk app never needs; denied so injected code cannot ask for them either. */
    public static final String PERMISSIONS =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";

    private PagePolicies() {
    }

    /** The Content-Security-Policy of the app's page; Keycloak is reached with fetch and by redirects. */
    public static String staffApp(String keycloakOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + keycloakOrigin + "; form-action 'self' " + keycloakOrigin + "; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    /** The API explorer: its own script and styles, and calls to ServicePoint only (its /openapi and API). */
    public static String apiDocs() {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }

    /** The signed-out page runs nothing at all: one stylesheet and a link. */
    public static String signedOut() {
        return "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'none'; "
                + "frame-ancestors 'none'; base-uri 'none'";
    }

    /**
     * The origin of a configured Keycloak URL, the form a CSP source needs: with a path the source would
     * match that one path only, and anything but a plain http(s) origin could smuggle in other directives.
     */
    public static String originOf(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null || uri.getRawUserInfo() != null
                || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            throw new IllegalArgumentException("not an http(s) URL of a host: " + url);
        }
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
