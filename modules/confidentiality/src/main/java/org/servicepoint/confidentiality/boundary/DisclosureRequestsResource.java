package org.servicepoint.confidentiality.boundary;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.confidentiality.control.DisclosureRequests;
import org.servicepoint.confidentiality.control.DisclosureView;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;

/**
 * Requests for patron information from police or administrators. Staff log them; each goes to the holders of
 * decide-disclosure-requests for the logging branch, who alone see it in full and decide. Nothing is disclosed from
 * the desk.
 */
@RequestScoped
@Path("disclosure-requests")
@Tag(name = "disclosure requests", description = "Requests for patron information, routed to the people who decide them")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "503", description = "confidentiality is not configured on this server")
public class DisclosureRequestsResource {

    @Inject
    DisclosureRequests requests;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log a request for patron information; it is routed to who decides them for your branch, who are told")
    @APIResponse(responseCode = "201", description = "logged", content = @Content(schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "400", description = "invalid request; nothing stored")
    public Response log(@Valid @NotNull DisclosureRequestForm form) {
        DisclosureView logged = requests.log(Callers.ownTenant(request, null), Callers.of(request), form.toControl());
        return Created.at(uri, logged.id(), logged);
    }

    @GET
    @Operation(summary = "Newest first: in full the requests routed to you, as summaries those you logged")
    public List<DisclosureView> list(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return requests.list(Callers.ownTenant(request, null), Callers.of(request), limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request: in full if it was routed to you, a summary if you logged it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "404", description = "no such request, or not yours to see")
    public DisclosureView read(@PathParam("id") String id) {
        return requests.read(Callers.ownTenant(request, null), Callers.of(request), Ids.inPath(id, "disclosure request"))
                .orElseThrow(() -> Refusal.notFound(Text.of("confidentiality.not-found.disclosure-request", id)));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "403", description = "not routed to you (you logged it, say)")
    @Operation(summary = "Decide a request routed to you: disclose under the stated authority, refuse, or refer to legal counsel (once)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DisclosureView.class)))
    @APIResponse(responseCode = "404", description = "no such request")
    @APIResponse(responseCode = "409", description = "already decided")
    public DisclosureView decide(@PathParam("id") String id, @Valid @NotNull DecisionForm form) {
        return requests.decide(Callers.ownTenant(request, null), Callers.of(request), Ids.inPath(id, "disclosure request"),
                form.decision(), form.reason());
    }
}
