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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Downloads;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.NameTagSheet;
import org.servicepoint.staffing.control.Roster;

/** Printable name tags for the people on the roster today or starting later. */
@RequestScoped
@Path("tenants/{slug}/staff/name-tags.pdf")
@Tag(name = "roster")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.PERSON_IN_CHARGE})
@APIResponse(responseCode = "404", description = "not the caller's library system")
public class NameTagsResource {

    @Inject
    Roster roster;

    @Context
    HttpServletRequest http;

    @GET
    @Produces(Downloads.PDF)
    @Operation(summary = "Name-tag sheets as PDF: ten badges a page (A4: 86 × 54 mm; US Letter: 3.5 × 2 in), "
            + "grouped by branch, fonts embedded",
            description = "Paper follows the library system's locale (US, Canada and some others: Letter; else A4) "
                    + "unless paper is given.")
    @APIResponse(responseCode = "200", description = "the sheets, as an attachment", content = @Content(mediaType = Downloads.PDF))
    @APIResponse(responseCode = "400", description = "not a branch of this library system, or an unknown paper")
    public Response sheet(@PathParam("slug") String slug,
                          @Parameter(description = "only this branch (code)") @QueryParam("branch") String branch,
                          @Parameter(description = "a4 or letter") @QueryParam("paper") String paper) {
        TenantId tenant = Callers.ownTenant(http, slug);
        NameTagSheet.Paper chosen = paper == null || paper.isBlank() ? null : NameTagSheet.Paper.parse(paper)
                .orElseThrow(() -> Refusal.invalid("paper", Text.of("staffing.paper.one-of")));
        byte[] pdf = roster.nameTags(tenant, Callers.of(http), branch, chosen);
        return Downloads.attachment(pdf, Downloads.PDF, Downloads.fileName("name-tags-" + tenant, branch, "pdf"));
    }
}
