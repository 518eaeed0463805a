package org.servicepoint.web.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.servicepoint.web.control.PagePolicies;

/**
 * Serves the API explorer at /api-docs: the web build's page that shows the server's own /openapi. It runs
 * under a CSP as strict as the staff app's; a token to try calls with is typed in by whoever uses it.
 */
// With and without the trailing slash people type: the page loads its assets by absolute paths, so both work.
@WebFilter(urlPatterns = {"/api-docs", "/api-docs/"}, asyncSupported = true)
public class ApiDocsFilter extends HttpFilter {

    static final String PAGE = "/app/api-docs/index.html";

    private volatile byte[] page;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            StaffAppFilter.text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed");
            return;
        }
        byte[] body = page;
        if (body == null) {
            try (InputStream in = request.getServletContext().getResourceAsStream(PAGE)) {
                if (in == null) {
                    StaffAppFilter.text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                            "The API explorer is not part of this build; the description is at /openapi.");
                    return;
                }
                body = in.readAllBytes();
            }
            page = body;
        }
        StaffAppFilter.pageHeaders(response, PagePolicies.apiDocs());
        StaffAppFilter.send(request, response, body);
    }
}
