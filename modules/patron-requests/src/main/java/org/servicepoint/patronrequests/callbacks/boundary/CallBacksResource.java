package org.servicepoint.patronrequests.callbacks.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.servicepoint.patronrequests.callbacks.control.CallBackViews;
import org.servicepoint.patronrequests.callbacks.control.CallBacks;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * The call-back queue (see the module README, "Call-backs"). Staff act at their own branch, headquarters and tenant
 * administrators at any; another library system's slug, and a call-back the caller may not see, answer 404.
 */
@RequestScoped
@Path("tenants/{slug}/call-backs")
@Tag(name = "call-backs", description = "Offering to call a patron back, and the queue per branch")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such call-back the caller may see")
public class CallBacksResource {

    @Inject
    CallBacks callBacks;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Offer a call-back: the due time is worked out from the branch's opening hours and the rule")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CallBackViews.Detail.class)))
    @APIResponse(responseCode = "200", description = "the same key again: the call-back already offered",
            content = @Content(schema = @Schema(implementation = CallBackViews.Detail.class)))
    @APIResponse(responseCode = "400", description = "bad or missing fields; nothing stored")
    @APIResponse(responseCode = "403", description = "a branch other than the caller's own")
    public Response offer(@PathParam("slug") String slug, @Valid @NotNull CallBackForms.Offer form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        CallBacks.Offered offered = callBacks.offer(tenant, Callers.of(http), form.toControl());
        return offered.created() ? Created.at(uri, offered.callBack().id(), offered.callBack())
                : Response.ok(offered.callBack()).header("Content-Location", Created.location(uri, offered.callBack().id())).build();
    }

    @GET
    @Operation(summary = "The queue: open call-backs by due time (state=done: those done, newest first), of the caller's "
            + "branch, or any branch for headquarters and tenant administrators")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CallBackViews.InQueue.class, type = SchemaType.ARRAY)))
    public List<CallBackViews.InQueue> queue(@PathParam("slug") String slug,
                                            @Parameter(description = "a branch code") @QueryParam("branch") String branch,
                                            @Parameter(description = "open (default) or done") @QueryParam("state") String state) {
        TenantId tenant = Callers.ownTenant(http, slug);
        if (state != null && !state.equals("open") && !state.equals("done")) {
            throw Refusal.invalid("state", Text.of("patronrequests.callbacks.state"));
        }
        return callBacks.queue(tenant, Callers.of(http), branch, "done".equals(state));
    }

    @GET
    @Path("colleagues")
    @Operation(summary = "Who a call-back at a branch may be handed to")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CallBackViews.Colleague.class, type = SchemaType.ARRAY)))
    public List<CallBackViews.Colleague> colleagues(@PathParam("slug") String slug, @QueryParam("branch") String branch) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return callBacks.colleagues(tenant, Callers.of(http), branch);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One call-back with its question (audited) and its steps")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CallBackViews.Detail.class)))
    public CallBackViews.Detail read(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return callBacks.read(tenant, Callers.of(http), Ids.inPath(id, "call-back"));
    }

    @POST
    @Path("{id}/claim")
    @Operation(summary = "Take a call-back on; claiming one already yours changes nothing")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CallBackViews.Detail.class)))
    @APIResponse(responseCode = "409", description = "someone else holds it, or it is done")
    public CallBackViews.Detail claim(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return callBacks.claim(tenant, Callers.of(http), Ids.inPath(id, "call-back"));
    }

    @POST
    @Path("{id}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an attempt to reach the patron; done closes the call-back")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CallBackViews.Detail.class)))
    @APIResponse(responseCode = "400", description = "an outcome that is not no-answer, left-message or done")
    @APIResponse(responseCode = "409", description = "someone else holds it, or it is done")
    public CallBackViews.Detail attempt(@PathParam("slug") String slug, @PathParam("id") String id,
                                        @Valid @NotNull CallBackForms.Attempt form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return callBacks.attempt(tenant, Callers.of(http), Ids.inPath(id, "call-back"), form.outcome());
    }

    @POST
    @Path("{id}/hand-over")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hand a call-back to someone on the roster at its branch; they get an in-app notice")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CallBackViews.Detail.class)))
    @APIResponse(responseCode = "400", description = "nobody, or nobody at the call-back's branch who signs in")
    @APIResponse(responseCode = "409", description = "someone else holds it, or it is done")
    public CallBackViews.Detail handOver(@PathParam("slug") String slug, @PathParam("id") String id,
                                         @Valid @NotNull CallBackForms.HandOver form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return callBacks.handOver(tenant, Callers.of(http), Ids.inPath(id, "call-back"), form.to());
    }

    @POST
    @Path("{id}/contact")
    @Operation(summary = "How to reach the patron, to make the call: for the one holding the call-back (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CallBackViews.Contact.class)))
    @APIResponse(responseCode = "409", description = "claim it first, or it is done")
    public CallBackViews.Contact contact(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return callBacks.contact(tenant, Callers.of(http), Ids.inPath(id, "call-back"));
    }
}
