package org.servicepoint.tenancy.boundary;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.TenantDirectory;

/**
 * The branches of the staff member's own library system. The path names the library system so links can be
 * shared, but only the token decides which one a caller belongs to: any other slug is "not found".
 */
@RequestScoped
@Path("tenants/{slug}/branches")
@Tag(name = "staff", description = "The signed-in staff member")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such branch")
public class StaffBranchesResource {

    @Inject
    TenantDirectory directory;

    @Context
    HttpServletRequest http;

    @GET
    @Operation(summary = "Branches of the caller's library system, with desks, hours and closures")
    public List<BranchSpec> list(@PathParam("slug") String slug) {
        return directory.branches(Callers.ownTenant(http, slug));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One branch of the caller's library system")
    public BranchSpec read(@PathParam("slug") String slug, @PathParam("code") String code) {
        return directory.branch(Callers.ownTenant(http, slug), code);
    }
}
