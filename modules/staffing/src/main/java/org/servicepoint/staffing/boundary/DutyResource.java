package org.servicepoint.staffing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Escalations;

/** The desk's view of the chain of command: who is in charge now, what can be escalated, my notices. */
@RequestScoped
@Path("tenants/{slug}/duty")
@Tag(name = "chain of command", description = "Who is in charge, escalations and notices")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class DutyResource {

    @Inject
    Escalations escalations;

    @Context
    HttpServletRequest http;

    @GET
    @Path("situations")
    @Operation(summary = "The situations that can be escalated")
    public List<Escalations.SituationView> situations(@PathParam("slug") String slug) {
        Callers.ownTenant(http, slug);
        return escalations.situations();
    }

    @GET
    @Path("in-charge")
    @Operation(summary = "Who is in charge at a branch now (default: the caller's branch)")
    public Escalations.InCharge inCharge(@PathParam("slug") String slug, @QueryParam("branch") String branch) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return escalations.inCharge(tenant, Callers.of(http), EscalationsResource.branchOrHome(http, branch));
    }

    @GET
    @Path("notices")
    @Operation(summary = "The caller's own notices, newest first")
    public List<Escalations.NoticeView> notices(@PathParam("slug") String slug) {
        return escalations.notices(Callers.ownTenant(http, slug), Callers.of(http));
    }

    @POST
    @Path("notices/{id}/read")
    @Operation(summary = "Mark one of the caller's notices read")
    @APIResponse(responseCode = "204", description = "marked read")
    public Response read(@PathParam("slug") String slug, @PathParam("id") String id) {
        escalations.markRead(Callers.ownTenant(http, slug), Callers.of(http), Ids.inPath(id, "record"));
        return Response.noContent().build();
    }

}
