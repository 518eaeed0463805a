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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.staffing.control.Coverage;
import org.servicepoint.staffing.control.CoverageIssue;

/** Desk coverage: open hours with nobody on duty, or only volunteers or pages, before they happen. */
@RequestScoped
@Path("tenants/{slug}/coverage")
@Tag(name = "shifts", description = "Weekly and one-off shifts at the desks, absences, desk coverage")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    @Inject
    Coverage coverage;

    @Context
    HttpServletRequest http;

    @GET
    @Operation(summary = "Coverage gaps and volunteers-or-pages-only stretches, soonest first",
            description = "With branch: that branch (any staff member). Without: all branches for headquarters and tenant "
                    + "administrators, else the caller's home branch. Dates and times are the branch's local ones.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CoverageIssue.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "bad from or days, or no branch named and no home branch")
    @APIResponse(responseCode = "404", description = "not the caller's library system, or no such branch")
    public List<CoverageIssue> issues(@PathParam("slug") String slug,
                                      @Parameter(description = "branch code") @QueryParam("branch") String branch,
                                      @Parameter(description = "first date; default today in the branch's time zone") @QueryParam("from") String from,
                                      @Parameter(description = "number of days, 1 to 31; default 15 (today and the next 14)") @QueryParam("days") String days) {
        return coverage.issues(Callers.ownTenant(http, slug), Callers.of(http), ScheduleParams.optional(branch),
                ScheduleParams.optionalDate("from", from), ScheduleParams.days(days));
    }
}
