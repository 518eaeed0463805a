package org.servicepoint.policies.boundary;

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
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.control.Policies;
import org.servicepoint.policies.control.PolicyViews;

/** Who has not acknowledged the current version of each policy: a person in charge's own branch, or every branch. */
@RequestScoped
@Path("tenants/{slug}/policy-acknowledgements")
@Tag(name = "policies")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or (for a person in charge) another branch")
public class PolicyAcknowledgementsResource {

    @Inject
    Policies policies;

    @Context
    HttpServletRequest http;

    @GET
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "Per policy: how many acknowledged its current version, and who has not")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyViews.Overview.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "an unknown branch")
    public List<PolicyViews.Overview> list(@PathParam("slug") String slug,
                                           @Parameter(description = "one branch (persons in charge: their own)")
                                           @QueryParam("branch") String branch) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return policies.acknowledgements(tenant, Callers.of(http), branch == null || branch.isBlank() ? null : branch.strip());
    }
}
