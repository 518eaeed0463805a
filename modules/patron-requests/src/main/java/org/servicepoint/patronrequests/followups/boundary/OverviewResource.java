package org.servicepoint.patronrequests.followups.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.patronrequests.followups.control.Overview;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Downloads;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

/** Headquarters' overview of complaints, comment cards, reconsiderations, call-backs and follow-ups per branch. */
@RequestScoped
@Path("tenants/{slug}/patron-requests")
@Tag(name = "follow-ups", description = "Follow-ups, updates to patrons and the history of a matter")
@RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
public class OverviewResource {

    static final String BRANCH = "^[A-Za-z0-9-]{1,16}$";

    @Inject
    Overview overview;

    @Context
    HttpServletRequest http;

    @GET
    @Path("overview")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Per branch: what waits and what is overdue; and every open matter, overdue first")
    public Overview.View read(@PathParam("slug") String slug,
                              @QueryParam("branch") @Pattern(regexp = BRANCH, message = "{patronrequests.followups.branch}") String branch) {
        return overview.read(Callers.ownTenant(http, slug), Callers.of(http), branch);
    }

    @GET
    @Path("overview.csv")
    @Produces("text/csv")
    @Operation(summary = "The open matters of the overview as CSV (formulas guarded); audited")
    @APIResponse(responseCode = "200", description = "UTF-8 CSV with a header row", content = @Content(mediaType = "text/csv"))
    public Response csv(@PathParam("slug") String slug,
                        @QueryParam("branch") @Pattern(regexp = BRANCH, message = "{patronrequests.followups.branch}") String branch) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return Downloads.attachment(overview.csv(tenant, Callers.of(http), branch), "text/csv; charset=UTF-8",
                Downloads.fileName("patron-requests-" + slug, branch, "csv"));
    }
}
