package org.servicepoint.standards.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.BodyLimit;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.RequestLanguage;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.standards.control.ServiceStandards;
import org.servicepoint.standards.control.StandardView;
import org.servicepoint.standards.control.TrainingViews;
import org.servicepoint.tenancy.control.Plan;

/**
 * The caller's library system's service standards, in the caller's language (their chosen language, else the library
 * system's), in its order; tenant administrators review catalogue changes and plan and apply the adoption (the
 * standards.yaml as JSON). Another library system's slug answers 404.
 */
@RequestScoped
@Path("tenants/{slug}/standards")
@Tag(name = "service standards", description = "The shared service standards as the library system adopted them")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such standard there")
public class StandardsResource {

    @Inject
    ServiceStandards standards;

    @Context
    HttpServletRequest http;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "The library system's service standards in its order, in the caller's language")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StandardView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "an unknown kind")
    public List<StandardView> list(@PathParam("slug") String slug,
                                   @Parameter(description = "principle, method, response-guide, phone-and-email, checklist or scenario")
                                   @QueryParam("kind") String kind) {
        return standards.list(Callers.ownTenant(http, slug), Callers.of(http), kind, RequestLanguage.current());
    }

    @GET
    @Path("{id: [a-z0-9.-]{1,80}}")
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "One service standard, in the caller's language")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StandardView.class)))
    public StandardView one(@PathParam("slug") String slug, @PathParam("id") String id) {
        return standards.one(Callers.ownTenant(http, slug), Callers.of(http), id, RequestLanguage.current());
    }

    @GET
    @Path("changes")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "What changed in the shared catalogue since the version the library system last reviewed")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrainingViews.Changes.class)))
    public TrainingViews.Changes changes(@PathParam("slug") String slug) {
        return standards.changes(Callers.ownTenant(http, slug), Callers.of(http));
    }

    @POST
    @Path("changes/review")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Mark the current catalogue version reviewed (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrainingViews.Changes.class)))
    public TrainingViews.Changes review(@PathParam("slug") String slug) {
        return standards.review(Callers.ownTenant(http, slug), Callers.of(http));
    }

    @POST
    @Path("adoption/plan")
    @BodyLimit(512 * BodyLimit.KIB)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "What applying this adoption (standards.yaml as JSON) would change, entry by entry; nothing is stored")
    @RequestBody(required = true, description = "the standards.yaml as JSON: {adopt, standards, reword, links}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "400", description = "a problem in the adoption, named by line and field; nothing stored")
    public Plan plan(@PathParam("slug") String slug, String body) {
        return standards.plan(Callers.ownTenant(http, slug), Callers.of(http), body);
    }

    @PUT
    @Path("adoption")
    @BodyLimit(512 * BodyLimit.KIB)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Apply this adoption (standards.yaml as JSON); the same again changes nothing (audited). A "
            + "start-up apply of the tenants folder keeps it (decision 0014); the operator's explicit apply replaces it.")
    @RequestBody(required = true, description = "the standards.yaml as JSON: {adopt, standards, reword, links}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "400", description = "a problem in the adoption, named by line and field; nothing stored")
    public Plan apply(@PathParam("slug") String slug, String body) {
        return standards.apply(Callers.ownTenant(http, slug), Callers.of(http), body);
    }
}
