package org.servicepoint.confidentiality.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.confidentiality.control.MasterKeyRotation;
import org.servicepoint.confidentiality.control.MasterKeyRotation.Rewrapped;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Roles;

/** Master key rotation for the platform operator. */
@RequestScoped
@Path("admin/confidentiality")
@Tag(name = "confidentiality keys", description = "Tenant key versions and rotation (operator)")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class MasterKeyResource {

    @Inject
    MasterKeyRotation rotation;

    @Context
    HttpServletRequest request;

    @POST
    @Path("rewrap")
    @Operation(summary = "Wrap every tenant key not wrapped by the current master key again (after a master key rotation)")
    public Rewrapped rewrap() {
        return rotation.rewrapAll(Callers.of(request));
    }
}
