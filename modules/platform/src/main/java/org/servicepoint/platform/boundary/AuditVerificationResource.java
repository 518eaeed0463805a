package org.servicepoint.platform.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.control.AuditChain;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Roles;

/**
 * Checks a library system's audit chain line by line and names the first broken link: for its own tenant
 * administrators, and for the platform operator.
 */
@RequestScoped
@Path("")
@Tag(name = "audit", description = "The tamper-evident audit log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditVerificationResource {

    @Inject
    AuditChain chain;

    @Context
    HttpServletRequest http;

    @GET
    @Path("tenants/{slug}/audit/verification")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Verify the caller's library system's audit chain")
    public AuditChain.Verification ownChain(@PathParam("slug") String slug) {
        return chain.verify(Callers.ownTenant(http, slug));
    }

    @GET
    @Path("admin/audit/tenants/{slug}/verification")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Verify a library system's audit chain (operator)")
    public AuditChain.Verification anyChain(@PathParam("slug") String slug) {
        return chain.verify(Ids.tenantInPath(slug));
    }
}
