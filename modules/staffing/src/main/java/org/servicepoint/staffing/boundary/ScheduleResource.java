package org.servicepoint.staffing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.staffing.control.Coverage;
import org.servicepoint.staffing.control.ScheduleWeekView;

/** The week schedule screen's data: a branch's desks, their hours, who is on duty and the coverage issues. */
@RequestScoped
@Path("tenants/{slug}/schedule")
@Tag(name = "shifts", description = "Weekly and one-off shifts at the desks, absences, desk coverage")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @Inject
    Coverage coverage;

    @Context
    HttpServletRequest http;

    @GET
    @Operation(summary = "One branch's week: desks, open hours, duty with tag names, gaps")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ScheduleWeekView.class)))
    @APIResponse(responseCode = "400", description = "a malformed week, or no branch named and no home branch")
    @APIResponse(responseCode = "404", description = "not the caller's library system, or no such branch")
    public ScheduleWeekView week(@PathParam("slug") String slug,
                                 @Parameter(description = "branch code; default the caller's home branch") @QueryParam("branch") String branch,
                                 @Parameter(description = "ISO week, e.g. 2026-W49; default this week") @QueryParam("week") String week) {
        return coverage.week(Callers.ownTenant(http, slug), Callers.of(http), ScheduleParams.optional(branch), ScheduleParams.optional(week));
    }
}
