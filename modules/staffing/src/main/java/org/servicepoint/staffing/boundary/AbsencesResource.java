package org.servicepoint.staffing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.staffing.control.AbsenceStore;
import org.servicepoint.staffing.control.AbsenceView;
import org.servicepoint.staffing.control.Absences;

/**
 * Absences (sick, leave, other) that take a staff member off duty. Persons in charge, headquarters and tenant
 * administrators see everyone's; other staff see their own. Persons in charge and tenant administrators record them.
 */
@RequestScoped
@Path("tenants/{slug}/absences")
@Tag(name = "shifts", description = "Weekly and one-off shifts at the desks, absences, desk coverage")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such absence")
public class AbsencesResource {

    @Inject
    Absences absences;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Absences, optionally of one staff member, or touching the dates from..to")
    public List<AbsenceView> list(@PathParam("slug") String slug, @QueryParam("staffMember") String staffMember,
                                  @QueryParam("from") String from, @QueryParam("to") String to) {
        var filter = new AbsenceStore.Filter(ScheduleParams.optionalId("staffMember", staffMember),
                ScheduleParams.optionalDate("from", from), ScheduleParams.optionalDate("to", to));
        return absences.list(Callers.ownTenant(http, slug), Callers.of(http), filter);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.TENANT_ADMIN})
    @Operation(summary = "Record an absence: whole days or from-to")
    @APIResponse(responseCode = "201", description = "recorded", content = @Content(schema = @Schema(implementation = AbsenceView.class)))
    @APIResponse(responseCode = "400", description = "bad dates or unknown staff member; nothing stored")
    @APIResponse(responseCode = "409", description = "overlaps another absence of the same staff member; nothing stored")
    public Response record(@PathParam("slug") String slug, @Valid @NotNull AbsenceForm form) {
        AbsenceView absence = absences.record(Callers.ownTenant(http, slug), Callers.of(http), form.toControl());
        return Created.at(uri, absence.id(), absence);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.TENANT_ADMIN})
    @Operation(summary = "Remove an absence")
    @APIResponse(responseCode = "204", description = "removed")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id) {
        absences.delete(Callers.ownTenant(http, slug), Callers.of(http), Ids.inPath(id, "absence"));
        return Response.noContent().build();
    }
}
