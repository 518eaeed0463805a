package org.servicepoint.web.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.servicepoint.platform.control.Settings;

/**
 * Serves the platform operators' console for every path under /operator/ (its return from Keycloak is
 * /operator/callback), under the same strict CSP and no-store as the staff app. The page holds an operator's
 * token only in memory; what it shows comes from the operator API, which answers counts, never patron data.
 */
@WebFilter(urlPatterns = {"/operator", "/operator/*"}, asyncSupported = true)
public class OperatorConsoleFilter extends HttpFilter {

    static final String PAGE = "/app/operator/index.html";

    /** The server's settings, read directly (see StaffAppFilter); tests give their own. */
    Settings config = new Settings();

    private String policy;
    private volatile byte[] page;

    @Override
    public void init() throws ServletException {
        policy = StaffAppFilter.appPolicy(config);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            StaffAppFilter.text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed");
            return;
        }
        if ("/operator".equals(path)) {
            response.setHeader("Cache-Control", "no-store");
            response.sendRedirect(request.getContextPath() + "/operator/");
            return;
        }
        byte[] body = page == null ? (page = StaffAppFilter.resource(request, PAGE)) : page;
        if (body == null) {
            StaffAppFilter.text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The operator console is not part of this build.");
            return;
        }
        StaffAppFilter.pageHeaders(response, policy);
        StaffAppFilter.send(request, response, body);
    }
}
