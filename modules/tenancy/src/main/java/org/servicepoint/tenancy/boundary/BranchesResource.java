package org.servicepoint.tenancy.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.BodyLimit;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.BranchSpec;
import org.servicepoint.tenancy.control.TenantDirectory;
import org.servicepoint.tenancy.control.TenantDocuments;

/** Branches of one library system, for the platform operator. */
@RequestScoped
@BodyLimit(BodyLimit.MIB)
@Path("admin/tenants/{slug}/branches")
@Tag(name = "branches", description = "Branches, desks, opening hours and closures (operator)")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "no such library system or branch")
public class BranchesResource {

    @Inject
    TenantDirectory directory;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List the branches of a library system")
    public List<BranchSpec> list(@PathParam("slug") String slug) {
        return directory.branches(Ids.tenantInPath(slug));
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One branch with its desks, weekly hours and closures")
    public BranchSpec read(@PathParam("slug") String slug, @PathParam("code") String code) {
        return directory.branch(Ids.tenantInPath(slug), code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a branch")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BranchSpec.class)))
    @APIResponse(responseCode = "201", description = "created; body is the branch, Location names it",
            content = @Content(schema = @Schema(implementation = BranchSpec.class)))
    @APIResponse(responseCode = "400", description = "invalid branch; nothing stored")
    @APIResponse(responseCode = "409", description = "code taken, or a second headquarters")
    public Response create(@PathParam("slug") String slug, String body) {
        TenantId tenant = Ids.tenantInPath(slug);
        BranchSpec spec = TenantDocuments.readBranch("body", body);
        BranchSpec created = directory.createBranch(tenant, spec, Callers.of(request));
        return Created.at(uri, created.code(), created);
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a branch's description (idempotent)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = BranchSpec.class)))
    @APIResponse(responseCode = "400", description = "invalid branch; nothing stored")
    public BranchSpec replace(@PathParam("slug") String slug, @PathParam("code") String code, String body) {
        TenantId tenant = Ids.tenantInPath(slug);
        BranchSpec spec = TenantDocuments.readBranch("body", body);
        return directory.replaceBranch(tenant, code, spec, Callers.of(request));
    }
}
