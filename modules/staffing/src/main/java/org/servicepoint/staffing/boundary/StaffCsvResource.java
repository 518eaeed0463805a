package org.servicepoint.staffing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Downloads;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.RosterCsv;

/** The roster as a spreadsheet file, to edit and import again ({@code POST .../staff/import}). */
@RequestScoped
@Path("tenants/{slug}/staff.csv")
@Tag(name = "roster")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.PERSON_IN_CHARGE})
@APIResponse(responseCode = "404", description = "not the caller's library system")
public class StaffCsvResource {

    static final String CSV_UTF8 = RosterCsv.MEDIA_TYPE + "; charset=UTF-8";

    @Inject
    Roster roster;

    @Context
    HttpServletRequest http;

    @GET
    @Produces(CSV_UTF8)
    @Operation(summary = "The roster as CSV (UTF-8 with a byte-order mark, CRLF): "
            + "tag_name,username,position,branch,employment_type,starts_on,ends_on",
            description = "Cells that a spreadsheet would run as a formula (starting with = + - @) get a leading "
                    + "apostrophe; the import takes it off again.")
    @APIResponse(responseCode = "200", description = "the file, as an attachment", content = @Content(mediaType = CSV_UTF8))
    @APIResponse(responseCode = "400", description = "not a branch of this library system")
    public Response export(@PathParam("slug") String slug,
                           @Parameter(description = "only this branch (code)") @QueryParam("branch") String branch,
                           @Parameter(description = "also people whose last day has passed")
                           @QueryParam("includeEnded") @DefaultValue("false") boolean includeEnded) {
        TenantId tenant = Callers.ownTenant(http, slug);
        String csv = roster.exportCsv(tenant, Callers.of(http), branch, includeEnded);
        return Downloads.attachment(csv.getBytes(StandardCharsets.UTF_8), CSV_UTF8,
                Downloads.fileName("staff-" + tenant, branch, "csv"));
    }
}
