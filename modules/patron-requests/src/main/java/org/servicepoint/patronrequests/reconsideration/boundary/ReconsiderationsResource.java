package org.servicepoint.patronrequests.reconsideration.boundary;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationSummary;
import org.servicepoint.patronrequests.reconsideration.control.ReconsiderationView;
import org.servicepoint.patronrequests.reconsideration.control.Reconsiderations;
import org.servicepoint.platform.boundary.BodyLimit;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Downloads;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

/**
 * Requests to reconsider a library item, for staff: persons in charge read their own branch's; the committee's position
 * holders, headquarters and tenant administrators read every branch's, review them step by step and decide. Requests
 * arrive through the public form (publicpages). Another library system's slug, and a request the caller may not see,
 * answer 404.
 */
@RequestScoped
@Path("tenants/{slug}/reconsiderations")
@Tag(name = "reconsiderations", description = "Requests to reconsider a library item: review, decision, letter")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@BodyLimit(16 * BodyLimit.KIB)
@APIResponse(responseCode = "403", description = "neither on the committee, headquarters, a tenant administrator nor a person "
        + "in charge")
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such request the caller may see")
public class ReconsiderationsResource {

    @Inject
    Reconsiderations reconsiderations;

    @Context
    HttpServletRequest http;

    @GET
    @Operation(summary = "Requests the caller may see, newest first, with the step each waits for (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReconsiderationSummary.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "an unknown state or branch")
    public List<ReconsiderationSummary> list(@PathParam("slug") String slug,
                                             @Parameter(description = "received, in-review or decided") @QueryParam("state") String state,
                                             @Parameter(description = "a branch code; persons in charge see their own only")
                                             @QueryParam("branch") String branch) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reconsiderations.list(tenant, Callers.of(http), state, branch);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One request with what the patron wrote, its committee, steps and decision (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReconsiderationView.class)))
    public ReconsiderationView read(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reconsiderations.read(tenant, Callers.of(http), request(id));
    }

    @POST
    @Path("{id}/steps/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A step of the review done, with a note: steps in order, by the committee, headquarters or a tenant "
            + "administrator")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReconsiderationView.class)))
    @APIResponse(responseCode = "400", description = "a note that is too long or holds markup; nothing stored")
    @APIResponse(responseCode = "409", description = "no review set up, decided already, out of order, done already, or the "
            + "last step (the decision)")
    public ReconsiderationView step(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("step") String step,
                                    @Valid @NotNull StepForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reconsiderations.completeStep(tenant, Callers.of(http), request(id), step, form.note());
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The committee's decision with its reasons, after the other steps; a patron who left an email address "
            + "is told by mail")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReconsiderationView.class)))
    @APIResponse(responseCode = "400", description = "an unknown outcome, or reasons missing, too long or with markup; nothing "
            + "stored")
    @APIResponse(responseCode = "409", description = "no review set up, decided already, or steps before the decision not done")
    public ReconsiderationView decide(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull DecisionForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reconsiderations.decide(tenant, Callers.of(http), request(id), form.outcome(), form.reasons());
    }

    @GET
    @Path("{id}/letter")
    @Produces(Downloads.PDF)
    @Operation(summary = "The decision letter as PDF, in the library system's language (audited)")
    @APIResponse(responseCode = "200", description = "the PDF, as an attachment", content = @Content(mediaType = Downloads.PDF))
    @APIResponse(responseCode = "409", description = "not decided yet")
    public Response letter(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        UUID request = request(id);
        byte[] pdf = reconsiderations.letter(tenant, Callers.of(http), request);
        return Downloads.attachment(pdf, Downloads.PDF, "reconsideration-" + request + ".pdf");
    }

    private static UUID request(String id) {
        return Ids.inPath(id, "reconsideration");
    }
}
