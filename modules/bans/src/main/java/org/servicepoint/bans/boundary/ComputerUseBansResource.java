package org.servicepoint.bans.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.bans.control.BanFilter;
import org.servicepoint.bans.control.BanLookup;
import org.servicepoint.bans.control.BanRules;
import org.servicepoint.bans.control.BanStore.Imposed;
import org.servicepoint.bans.control.BanView;
import org.servicepoint.bans.control.ComputerUseBans;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * Computer-use bans of the caller's library system. Persons in charge impose and lift them; any staff member asks
 * at the desk whether a card is banned now; persons in charge, headquarters and tenant administrators list and
 * read them. Another library system's slug, and a ban the caller may not see, answer 404.
 */
@RequestScoped
@Path("tenants/{slug}/computer-use-bans")
@Tag(name = "computer-use bans", description = "Bans from the public computers: imposed, looked up at the desk, lifted")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such ban the caller may see")
@APIResponse(responseCode = "503", description = "confidentiality is not configured on this server (card numbers cannot be handled)")
public class ComputerUseBansResource {

    @Inject
    ComputerUseBans bans;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Roles.PERSON_IN_CHARGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ban a patron from the computers at a branch or at every branch; the same request again within a "
            + "minute returns the ban already made")
    @APIResponse(responseCode = "201", description = "the ban; Location names it",
            content = @Content(schema = @Schema(implementation = BanView.class)))
    @APIResponse(responseCode = "200", description = "a repeat of a request made within the last minute: the existing ban",
            content = @Content(schema = @Schema(implementation = BanView.class)))
    @APIResponse(responseCode = "400", description = "bad card number, times, branch, reason, review date or incident report; "
            + "nothing stored")
    @APIResponse(responseCode = "403", description = "not a person in charge, or a branch ban at another branch")
    public Response impose(@PathParam("slug") String slug, @Valid @NotNull BanForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        Imposed imposed = bans.impose(tenant, Callers.of(http), form.toControl());
        BanView ban = imposed.ban();
        return imposed.created()
                ? Created.at(uri, ban.id(), ban)
                : Response.ok(ban).header("Content-Location", Created.location(uri, ban.id())).build();
    }

    @GET
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "Bans the caller may see, latest start first; filters combine (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BanView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "an unknown status or branch")
    public List<BanView> list(@PathParam("slug") String slug,
                              @Parameter(description = "upcoming, active, ended or lifted, as of now") @QueryParam("status") String status,
                              @Parameter(description = "bans that apply at this branch: its own and those of every branch")
                              @QueryParam("branch") String branch,
                              @Parameter(description = "true: only bans in force whose review date has come; false: none of them")
                              @QueryParam("reviewDue") String reviewDue,
                              @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(BanFilter.MAX_LIMIT) int limit) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return bans.list(tenant, Callers.of(http), new BanFilter(BanRules.status(status), blankToNull(branch), yesNo(reviewDue), limit));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "One ban with its status now (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BanView.class)))
    public BanView read(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return bans.read(tenant, Callers.of(http), Ids.inPath(id, "computer-use ban"));
    }

    @POST
    @Path("{id}/lift")
    @RolesAllowed(Roles.PERSON_IN_CHARGE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "End a ban early, saying why")
    @APIResponse(responseCode = "200", description = "the lifted ban", content = @Content(schema = @Schema(implementation = BanView.class)))
    @APIResponse(responseCode = "400", description = "no reason, or not plain text")
    @APIResponse(responseCode = "403", description = "a ban of another branch that the caller did not impose")
    @APIResponse(responseCode = "409", description = "lifted or ended already, or changed since it was read")
    public BanView lift(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull LiftForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return bans.lift(tenant, Callers.of(http), Ids.inPath(id, "computer-use ban"), form.reason(), form.version());
    }

    @POST
    @Path("lookup")
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "At the desk: is this card banned from the computers here and now? Yes with the end, or no (audited, "
            + "without the card)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BanLookup.class)))
    @APIResponse(responseCode = "400", description = "not a card number, or an unknown branch")
    public BanLookup lookup(@PathParam("slug") String slug, @Valid @NotNull LookupForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return bans.lookup(tenant, Callers.of(http), form.cardNumber(), form.branch());
    }

    private static Boolean yesNo(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Refusal.invalid("reviewDue", Text.of("bans.true-or-false"));
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
