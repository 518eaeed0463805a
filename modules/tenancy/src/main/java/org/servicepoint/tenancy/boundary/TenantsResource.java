package org.servicepoint.tenancy.boundary;

import com.networknt.schema.InputFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.BodyLimit;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.Onboarding;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.TenantDirectory;
import org.servicepoint.tenancy.control.TenantDocuments;
import org.servicepoint.tenancy.control.TenantSpec;
import org.servicepoint.tenancy.entity.Tenant;

/** The platform operator's view of library systems. */
@RequestScoped
@BodyLimit(BodyLimit.MIB)
@Path("admin/tenants")
@Tag(name = "tenants", description = "Library systems (operator)")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "no or bad operator key")
public class TenantsResource {

    @Inject
    TenantDirectory directory;

    @Inject
    Onboarding onboarding;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List library systems with their number of branches")
    public List<TenantView> list() {
        List<Tenant> tenants = directory.tenants();
        Map<String, Long> counts = directory.branchCounts(tenants);
        return tenants.stream().map(t -> TenantView.of(t, counts.getOrDefault(t.slug(), 0L))).toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A library system as a tenant document (settings and branches)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantSpec.class)))
    @APIResponse(responseCode = "404", description = "no such library system")
    public TenantSpec read(@PathParam("slug") String slug) {
        return directory.document(Ids.tenantInPath(slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a library system from a tenant document")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TenantSpec.class)))
    @APIResponse(responseCode = "201", description = "created; body is the applied plan",
            content = @Content(schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "400", description = "invalid document; nothing stored")
    @APIResponse(responseCode = "409", description = "slug taken")
    public Response create(String body) {
        TenantSpec spec = TenantDocuments.readTenant("body", body, InputFormat.JSON);
        Plan plan = onboarding.create(spec, Callers.of(request));
        return Created.at(uri, spec.slug(), plan);
    }

    @PUT
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a library system say what the document says (idempotent)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TenantSpec.class)))
    @APIResponse(responseCode = "200", description = "the applied plan",
            content = @Content(schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "400", description = "invalid document; nothing stored")
    public Plan replace(@PathParam("slug") String slug, String body) {
        TenantId id = Ids.tenantInPath(slug);
        TenantSpec spec = TenantDocuments.readTenant("body", body, InputFormat.JSON);
        if (!id.value().equals(spec.slug())) {
            throw Refusal.invalid("slug", Text.of("tenancy.slug.fixed", spec.slug(), slug));
        }
        return onboarding.apply(List.of(spec), Callers.of(request));
    }

    @POST
    @Path("{slug}/suspend")
    @Operation(summary = "Suspend a library system: its staff are refused (403 tenant-suspended), its public pages "
            + "answer not found; its data, realm and users stay. Idempotent")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "404", description = "no such library system")
    public TenantView suspend(@PathParam("slug") String slug) {
        return status(slug, Tenant.Status.SUSPENDED);
    }

    @POST
    @Path("{slug}/resume")
    @Operation(summary = "Resume a suspended library system: everything works again as before. Idempotent")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantView.class)))
    @APIResponse(responseCode = "404", description = "no such library system")
    public TenantView resume(@PathParam("slug") String slug) {
        return status(slug, Tenant.Status.ACTIVE);
    }

    private TenantView status(String slug, Tenant.Status status) {
        TenantId id = Ids.tenantInPath(slug);
        Tenant tenant = directory.changeStatus(id, status, Callers.of(request));
        return TenantView.of(tenant, directory.branchCounts(List.of(tenant)).getOrDefault(tenant.slug(), 0L));
    }
}
