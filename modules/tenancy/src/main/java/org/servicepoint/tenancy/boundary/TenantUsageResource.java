package org.servicepoint.tenancy.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.tenancy.control.TenantDirectory;
import org.servicepoint.tenancy.control.TenantUsage;
import org.servicepoint.tenancy.entity.Tenant;

/** Status, health and usage of every library system, for the operator's console. Counts and times only. */
@RequestScoped
@Path("admin/tenant-usage")
@Tag(name = "tenants", description = "Library systems (operator)")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "no or bad operator credential")
public class TenantUsageResource {

    @Inject
    TenantDirectory directory;

    @Inject
    TenantUsage usage;

    @GET
    @Operation(summary = "Every library system with status, realm, staff, branches, reports this month, storage, "
            + "last activity and mail backlog")
    public List<TenantUsageView> list() {
        return directory.tenants().stream().map(t -> TenantUsageView.of(t, usage.of(t))).toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One library system's status, health and usage")
    @APIResponse(responseCode = "404", description = "no such library system")
    public TenantUsageView one(@PathParam("slug") String slug) {
        Tenant tenant = directory.tenant(Ids.tenantInPath(slug));
        return TenantUsageView.of(tenant, usage.of(tenant));
    }
}
