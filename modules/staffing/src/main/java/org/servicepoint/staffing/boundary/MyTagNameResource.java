package org.servicepoint.staffing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.StaffRecord;

/**
 * The signed-in person's own name tag: the name on it is theirs to choose (it need not be their legal name). Their
 * roster entry is the one with their username in their own library system; nobody reaches another's this way.
 */
@RequestScoped
@Path("me/tag-name")
@Tag(name = "roster")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "the caller is on no roster of their library system")
public class MyTagNameResource {

    @Inject
    Roster roster;

    @Context
    HttpServletRequest http;

    @GET
    @Operation(summary = "The caller's own roster entry, with the name on their tag")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffRecord.class)))
    public StaffRecord read() {
        Caller caller = Callers.of(http);
        return roster.own(tenant(caller), caller);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose the name on your own tag; the roster, the next sheet of tags and your sign-in follow")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffRecord.class)))
    @APIResponse(responseCode = "400", description = "not a name a tag can show; nothing stored")
    public StaffRecord choose(@Valid @NotNull TagNameForm form) {
        Caller caller = Callers.of(http);
        return roster.renameOwnTag(tenant(caller), caller, form.tagName());
    }

    private static TenantId tenant(Caller caller) {
        return caller.tenantOfStaff().orElseThrow(() -> Refusal.notFound(Text.of("staffing.not-found.own-entry")));
    }
}
