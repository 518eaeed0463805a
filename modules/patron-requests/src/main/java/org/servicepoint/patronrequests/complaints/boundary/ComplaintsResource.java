package org.servicepoint.patronrequests.complaints.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.patronrequests.complaints.control.ComplaintSummary;
import org.servicepoint.patronrequests.complaints.control.ComplaintView;
import org.servicepoint.patronrequests.complaints.control.Complaints;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

/**
 * Complaints: staff record them at their own branch (headquarters and tenant administrators at any); the position that
 * handles them is told at once. Persons in charge and desk staff see their own branch's, headquarters, tenant
 * administrators and the handling position every branch's. Another library system's slug, and a complaint the caller
 * may not see, answer 404.
 */
@RequestScoped
@Path("tenants/{slug}/complaints")
@Tag(name = "complaints", description = "Complaints from patrons, the director told first")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such complaint the caller may see")
@APIResponse(responseCode = "503", description = "confidentiality is not configured on this server (texts cannot be sealed)")
public class ComplaintsResource {

    @Inject
    Complaints complaints;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a complaint; the handling position is told at once in the app and by mail. The same key again "
            + "answers the complaint already recorded")
    @APIResponse(responseCode = "201", description = "the complaint; Location names it",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "200", description = "a repeat (same key or comment card): the complaint already recorded",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", description = "bad or missing fields, markup, an unknown branch or policy; nothing stored")
    @APIResponse(responseCode = "403", description = "a branch other than the caller's own (persons in charge and desk staff)")
    public Response record(@PathParam("slug") String slug, @Valid @NotNull ComplaintForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        Complaints.Recorded recorded = complaints.record(tenant, Callers.of(http), form.toControl());
        ComplaintView made = recorded.complaint();
        return recorded.created()
                ? Created.at(uri, made.id(), made)
                : Response.ok(made).header("Content-Location", Created.location(uri, made.id())).build();
    }

    @GET
    @Operation(summary = "Complaints the caller may see, newest first (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintSummary.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "an unknown branch or state, or overdue neither true nor false")
    public List<ComplaintSummary> list(@PathParam("slug") String slug,
                                       @Parameter(description = "a branch code; persons in charge and desk staff see their own only")
                                       @QueryParam("branch") @Size(max = 16) String branch,
                                       @Parameter(description = "received, with-director, responded or closed")
                                       @QueryParam("state") @Size(max = 20) String state,
                                       @Parameter(description = "true: only overdue ones; false: none of them")
                                       @QueryParam("overdue") @Pattern(regexp = "^(true|false)$") String overdue) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return complaints.list(tenant, Callers.of(http), branch, state, overdue == null ? null : Boolean.valueOf(overdue));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One complaint (audited); the first read by the handling position marks it opened, with the director")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    public ComplaintView read(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return complaints.read(tenant, Callers.of(http), Ids.inPath(id, "complaint"));
    }

    @POST
    @Path("{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the response to the patron; by email it is mailed from the library system's template")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", description = "no text, markup, too long, or an unknown channel; nothing stored")
    @APIResponse(responseCode = "403", description = "neither the handling position, headquarters nor a tenant administrator")
    @APIResponse(responseCode = "409", description = "responded to or closed already")
    @APIResponse(responseCode = "422", description = "problem type no-patron-email: by email, but the patron left no address")
    public ComplaintView respond(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull ResponseForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return complaints.respond(tenant, Callers.of(http), Ids.inPath(id, "complaint"), form.text(), form.channel());
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a complaint, with an optional note")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", description = "a note with markup or too long; nothing stored")
    @APIResponse(responseCode = "403", description = "neither the handling position, headquarters nor a tenant administrator")
    @APIResponse(responseCode = "409", description = "closed already")
    public ComplaintView close(@PathParam("slug") String slug, @PathParam("id") String id, @Valid CloseForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return complaints.close(tenant, Callers.of(http), Ids.inPath(id, "complaint"), form == null ? null : form.note());
    }
}
