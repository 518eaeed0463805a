package org.servicepoint.identity.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.tenancy.control.TenantDirectory;

/** The signed-in staff member, as the top of every screen shows them. */
@RequestScoped
@Path("me")
@Tag(name = "staff", description = "The signed-in staff member")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    TenantDirectory directory;

    @Context
    HttpServletRequest http;

    /** Tag name, never a legal name: it is what patrons see and what staff chose. */
    public record Me(String username, String tagName, String position, String positionName, String branch,
                     String branchName, List<String> roles, TenantRef tenant) {
    }

    public record TenantRef(String slug, String name) {
    }

    @GET
    @Operation(summary = "Who is signed in: tag name, position, branch, roles, library system")
    public Me me() {
        Caller caller = Callers.of(http);
        var tenant = caller.tenantOfStaff().orElseThrow();
        String position = caller.attribute("position").orElse(null);
        String branch = caller.attribute("branch").orElse(null);
        var workplace = directory.workplace(tenant, position, branch);
        return new Me(caller.name(), caller.attribute("tag_name").orElse(caller.name()), position, workplace.positionName(),
                branch, workplace.branchName(), caller.roles().stream().filter(Roles.STAFF_ROLES::contains).sorted().toList(),
                new TenantRef(workplace.tenantSlug(), workplace.tenantName()));
    }
}
