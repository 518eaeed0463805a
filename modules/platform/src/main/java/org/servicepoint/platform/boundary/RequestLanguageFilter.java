package org.servicepoint.platform.boundary;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.RequestLanguage;
import org.servicepoint.platform.control.TenantLocales;
import org.servicepoint.platform.entity.TenantId;

/**
 * Says in which language this request's problems are written: the staff member's choice ({@code Accept-Language},
 * see {@link Messages#chosen}), else their library system's, else US English. The tenant comes from the validated
 * token (authentication runs before every filter), never from the path.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLanguageFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RequestLanguageFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Locale> chosen = Messages.chosen(request.getHeader("Accept-Language"));
        Optional<TenantId> tenant = Callers.of(request).tenantOfStaff();
        RequestLanguage.set(() -> chosen.or(() -> tenant.flatMap(RequestLanguageFilter::localeOf)).orElse(Locale.US));
        try {
            chain.doFilter(request, response);
        } finally {
            RequestLanguage.clear();
        }
    }

    private static Optional<Locale> localeOf(TenantId tenant) {
        try {
            Instance<TenantLocales> locales = CDI.current().select(TenantLocales.class);
            return locales.isResolvable() ? locales.get().localeOf(tenant) : Optional.empty();
        } catch (RuntimeException e) {
            // A problem must still be answered when the language cannot be read: it is then written in English.
            LOG.log(Level.FINE, "no language for " + tenant, e);
            return Optional.empty();
        }
    }
}
