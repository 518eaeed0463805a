package org.servicepoint.confidentiality.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.confidentiality.control.ConfidentialityKeys;
import org.servicepoint.confidentiality.control.ConfidentialityKeys.KeyInfo;
import org.servicepoint.confidentiality.control.ConfidentialityKeys.Rotation;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Roles;

/** A tenant's confidentiality keys for the platform operator: what exists, and rotation. Never key material. */
@RequestScoped
@Path("admin/tenants/{slug}/confidentiality")
@Tag(name = "confidentiality keys", description = "Tenant key versions and rotation (operator)")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class TenantKeysResource {

    @Inject
    ConfidentialityKeys keys;

    @Context
    HttpServletRequest request;

    @GET
    @Path("keys")
    @Operation(summary = "The tenant's key versions: purpose, version, wrapping master key id, created, retired")
    public List<KeyInfo> list(@PathParam("slug") String slug) {
        return keys.list(Ids.tenantInPath(slug), Callers.of(request));
    }

    @POST
    @Path("rotation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new key version; for data keys every encrypted field is encrypted again and older versions retired")
    public Rotation rotate(@PathParam("slug") String slug, @Valid @NotNull KeyRotationForm form) {
        return keys.rotate(Ids.tenantInPath(slug), Callers.of(request), form.purpose());
    }
}
