package org.servicepoint.policies.exceptions.boundary;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.exceptions.control.ApproverChoice;
import org.servicepoint.policies.exceptions.control.ConsistencyReport;
import org.servicepoint.policies.exceptions.control.ExceptionStore;
import org.servicepoint.policies.exceptions.control.ExceptionStore.Recorded;
import org.servicepoint.policies.exceptions.control.ExceptionView;
import org.servicepoint.policies.exceptions.control.PolicyExceptions;

/**
 * Exceptions to flexible policies, on record: staff record them at their own branch (headquarters and tenant
 * administrators at any), list them the same way, and headquarters reads the consistency report. Another library
 * system's slug, and an exception the caller may not see, answer 404.
 */
@RequestScoped
@Path("tenants/{slug}/policy-exceptions")
@Tag(name = "policy exceptions", description = "Exceptions to flexible policies, on record, and the consistency report")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such exception the caller may see")
@APIResponse(responseCode = "503", description = "confidentiality is not configured on this server (texts cannot be sealed)")
public class PolicyExceptionsResource {

    @Inject
    PolicyExceptions exceptions;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an exception to a flexible policy; the same request again within a minute returns the "
            + "exception already recorded")
    @APIResponse(responseCode = "201", description = "the exception; Location names it",
            content = @Content(schema = @Schema(implementation = ExceptionView.class)))
    @APIResponse(responseCode = "200", description = "a repeat of a request made within the last minute: the existing exception",
            content = @Content(schema = @Schema(implementation = ExceptionView.class)))
    @APIResponse(responseCode = "400", description = "bad or missing fields, toldOneTime not true, an unknown policy, branch, "
            + "approver or patron reference; nothing stored")
    @APIResponse(responseCode = "403", description = "a branch other than the caller's own (persons in charge and desk staff)")
    @APIResponse(responseCode = "409", description = "problem type policy-strict: the policy allows no exceptions; the detail "
            + "says why")
    @APIResponse(responseCode = "422", description = "problem type approver-may-not-grant: the approver's position may not "
            + "grant this exception; the detail names the positions that may")
    public Response record(@PathParam("slug") String slug, @Valid @NotNull PolicyExceptionForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        Recorded recorded = exceptions.record(tenant, Callers.of(http), form.toControl());
        ExceptionView made = recorded.exception();
        return recorded.created()
                ? Created.at(uri, made.id(), made)
                : Response.ok(made).header("Content-Location", Created.location(uri, made.id())).build();
    }

    @GET
    @Operation(summary = "Exceptions the caller may see, newest first: their own branch's, or any branch's for headquarters "
            + "and tenant administrators (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExceptionView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "an unknown branch, or dates that are not yyyy-MM-dd or out of order")
    public List<ExceptionView> list(@PathParam("slug") String slug,
                                    @Parameter(description = "a policy's key") @QueryParam("policy") String policy,
                                    @Parameter(description = "a branch code; persons in charge and desk staff see their own only")
                                    @QueryParam("branch") String branch,
                                    @Parameter(description = "first day, yyyy-MM-dd, library system's time") @QueryParam("from") String from,
                                    @Parameter(description = "last day, included") @QueryParam("to") String to,
                                    @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(ExceptionStore.MAX_LIMIT) int limit) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return exceptions.list(tenant, Callers.of(http), policy, branch, from, to, limit);
    }

    @GET
    @Path("consistency")
    @RolesAllowed({Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "The consistency report: exceptions per policy (per month), per branch and per approving staff member, "
            + "those far from the median flagged, candidates for change marked (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConsistencyReport.class)))
    @APIResponse(responseCode = "400", description = "dates that are not yyyy-MM-dd, out of order, or more than three years apart")
    @APIResponse(responseCode = "403", description = "neither headquarters nor a tenant administrator")
    public ConsistencyReport consistency(@PathParam("slug") String slug,
                                         @Parameter(description = "first day, yyyy-MM-dd; the first of the month eleven months "
                                                 + "before the last day if left out") @QueryParam("from") String from,
                                         @Parameter(description = "last day, included; today if left out") @QueryParam("to") String to) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return exceptions.consistency(tenant, Callers.of(http), from, to);
    }

    @GET
    @Path("approvers")
    @Operation(summary = "Who may approve an exception to a flexible policy today (the choices for approvedBy), the caller's "
            + "branch first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApproverChoice.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "no policy, or not a policy of this library system")
    @APIResponse(responseCode = "409", description = "problem type policy-strict: the policy allows no exceptions; the detail says why")
    public List<ApproverChoice> approvers(@PathParam("slug") String slug,
                                          @Parameter(description = "the policy's key", required = true) @QueryParam("policy") String policy) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return exceptions.approvers(tenant, Callers.of(http), policy);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One exception, of a branch the caller covers (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExceptionView.class)))
    public ExceptionView read(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return exceptions.read(tenant, Callers.of(http), Ids.inPath(id, "policy exception"));
    }
}
