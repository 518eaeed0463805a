package org.servicepoint.tenancy.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.BodyLimit;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.tenancy.control.Onboarding;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.TenantDocuments.Source;

/** Onboarding as code over HTTP: the command line's plan and apply call these. */
@RequestScoped
@BodyLimit(8 * BodyLimit.MIB)
@Path("admin/onboarding")
@Tag(name = "onboarding", description = "Plan and apply tenant files (operator)")
@RolesAllowed(Roles.OPERATOR)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Plan.class)))
@APIResponse(responseCode = "400", description = "a file is malformed (file, line and field named); nothing changed")
public class OnboardingResource {

    @Inject
    Onboarding onboarding;

    @Context
    HttpServletRequest http;

    @POST
    @Path("plan")
    @Operation(summary = "What applying these tenant files (tenant.yaml and the files beside it) would change, field by field")
    public Plan plan(@Valid @NotNull OnboardingRequest request) {
        return onboarding.planFiles(sources(request));
    }

    @POST
    @Path("apply")
    @Operation(summary = "Apply tenant files in one transaction; applying twice changes nothing the second time")
    public Plan apply(@Valid @NotNull OnboardingRequest request) {
        return onboarding.applyFiles(sources(request), Callers.of(http));
    }

    @POST
    @Path("plan")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The plan as text, for a terminal")
    public String planText(@Valid @NotNull OnboardingRequest request) {
        return plan(request).render();
    }

    @POST
    @Path("apply")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Apply, answering the applied plan as text")
    public String applyText(@Valid @NotNull OnboardingRequest request) {
        return apply(request).render();
    }

    private static java.util.List<Source> sources(OnboardingRequest request) {
        return request.files().stream().map(f -> new Source(f.path(), f.content())).toList();
    }
}
