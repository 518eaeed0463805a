package org.servicepoint.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.servicepoint.platform.control.Roles;

/**
 * Payara serves MicroProfile Metrics inside the application at the root context, so this filter sees it.
 * Metrics tell an outsider how busy the server is and what runs in it: they need the operator key unless
 * {@code servicepoint.metrics.public=true} (for a scraper inside a closed network).
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*"}, asyncSupported = true)
public class MetricsAccess extends HttpFilter {

    @Inject
    @ConfigProperty(name = "servicepoint.metrics.public", defaultValue = "false")
    boolean open;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (open || Callers.of(request).roles().contains(Roles.OPERATOR)) {
            chain.doFilter(request, response);
            return;
        }
        ServicePointAuthentication.answer(request, response, 401, "unauthenticated", "Unauthenticated",
                "metrics need the operator key (X-Operator-Key)", java.util.Map.of("WWW-Authenticate", "X-Operator-Key"));
    }
}
