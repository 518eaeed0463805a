package org.servicepoint.tenancy.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.BodyLimit;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.TenantConfigurations;
import org.servicepoint.tenancy.control.TenantSpec;

/**
 * A tenant administrator's configuration of their own library system: read it, plan a change as onboarding plans a
 * file, apply it on the revision read, export it as a tenant.yaml. Another library system's slug is "not found".
 */
@RequestScoped
@BodyLimit(BodyLimit.MIB)
@Path("tenants/{slug}/configuration")
@Tag(name = "configuration", description = "Branches, hours, closures, positions and settings (tenant administrators)")
@RolesAllowed(Roles.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "not a tenant administrator")
@APIResponse(responseCode = "404", description = "not the caller's library system")
public class ConfigurationResource {

    /** The configuration as read: a tenant document without status and demonstration logins, with its revision. */
    @Schema(name = "TenantConfiguration", allOf = TenantSpec.class, description = "tenant.yaml's shape without status and "
            + "demoUsers (they are refused here), with the revision it was read at",
            properties = @SchemaProperty(name = "revision", type = SchemaType.STRING, description = "opaque; changes "
                    + "whenever the stored configuration changes"))
    public static final class TenantConfiguration {
        private TenantConfiguration() {
        }
    }

    /** A change: the whole configuration as it should be, and the revision it was made on. */
    @Schema(name = "ConfigurationChange", requiredProperties = {"revision", "configuration"}, properties = {
            @SchemaProperty(name = "revision", type = SchemaType.STRING, description = "the revision read"),
            @SchemaProperty(name = "configuration", implementation = TenantConfiguration.class)})
    public static final class ConfigurationChange {
        private ConfigurationChange() {
        }
    }

    @Inject
    TenantConfigurations configurations;

    @Context
    HttpServletRequest http;

    @GET
    @Operation(summary = "The caller's library system's configuration, with its revision")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantConfiguration.class)))
    public Response read(@PathParam("slug") String slug) {
        return Response.ok(configurations.read(Callers.ownTenant(http, slug), Callers.of(http)), MediaType.APPLICATION_JSON)
                .build();
    }

    @POST
    @Path("plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What applying this configuration would change, field by field, as the operator's plan shows; "
            + "nothing is stored")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConfigurationChange.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "422", description = "the configuration breaks a rule (each field named); nothing stored")
    public Plan plan(@PathParam("slug") String slug, String body) {
        return configurations.plan(Callers.ownTenant(http, slug), Callers.of(http), body);
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply this configuration (audited per change); the same again changes nothing. Branches it "
            + "leaves out are kept.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ConfigurationChange.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "409", description = "the configuration changed since the revision sent; nothing stored")
    @APIResponse(responseCode = "422", description = "the configuration breaks a rule (each field named); nothing stored")
    public Plan apply(@PathParam("slug") String slug, String body) {
        return configurations.apply(Callers.ownTenant(http, slug), Callers.of(http), body);
    }

    @GET
    @Path("tenant.yaml")
    @Produces("text/yaml")
    @Operation(summary = "The live configuration as tenants/<slug>/tenant.yaml, to hand back to the files")
    @APIResponse(responseCode = "200", description = "the file, as an attachment",
            content = @Content(mediaType = "text/yaml", schema = @Schema(type = SchemaType.STRING)))
    public Response export(@PathParam("slug") String slug) {
        var tenant = Callers.ownTenant(http, slug);
        return Response.ok(configurations.export(tenant, Callers.of(http)), "text/yaml; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"tenant.yaml\"").build();
    }
}
