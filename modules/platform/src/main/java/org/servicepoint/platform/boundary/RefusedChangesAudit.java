package org.servicepoint.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.AuditEvent.Outcome;
import org.servicepoint.platform.entity.TenantId;

/**
 * Audits the attempted changes that did not happen: a known caller's refused or failed write is recorded
 * in a transaction of its own (the change itself was rolled back). Anonymous noise is left to the log.
 */
@Provider
@ApplicationScoped
public class RefusedChangesAudit implements ContainerResponseFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger LOG = Logger.getLogger(RefusedChangesAudit.class.getName());

    @Inject
    AuditLog auditLog;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var principal = request.getSecurityContext().getUserPrincipal();
        if (response.getStatus() < 400 || READS.contains(request.getMethod()) || principal == null) {
            return;
        }
        Caller caller = Callers.of(servletRequest);
        String slug = request.getUriInfo().getPathParameters().getFirst("slug");
        // A staff member's refusals belong to their own tenant; an operator's to the tenant they named.
        TenantId tenant = caller.tenantOfStaff().orElse(TenantId.isValidSlug(slug) ? TenantId.of(slug) : TenantId.PLATFORM);
        Outcome outcome = response.getStatus() >= 500 ? Outcome.FAILED : Outcome.REFUSED;
        String detail = response.getEntity() instanceof Problem p ? p.type() + ": " + p.detail() : "HTTP " + response.getStatus();
        try {
            auditLog.unsuccessful(tenant, caller,
                    request.getMethod().toLowerCase(Locale.ROOT), "/" + request.getUriInfo().getPath(), outcome, detail);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not audit a refused change", e);
        }
    }
}
