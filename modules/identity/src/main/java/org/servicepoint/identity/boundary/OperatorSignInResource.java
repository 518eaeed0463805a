package org.servicepoint.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.identity.control.IdentitySettings;
import org.servicepoint.identity.control.RealmSpec;
import org.servicepoint.identity.control.Realms;

/** What the operator console needs before anyone signs in: where the operators' realm is. Public. */
@RequestScoped
@Path("public/operator/sign-in")
@Tag(name = "operator console", description = "Sign-in of the platform operators' console")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class OperatorSignInResource {

    @Inject
    IdentitySettings settings;

    public record OperatorSignIn(String authority, String clientId, int idleLockSeconds) {
    }

    @GET
    @Operation(summary = "Sign-in settings of the operators' realm for the operator console")
    public OperatorSignIn signIn() {
        return new OperatorSignIn(settings.issuer(Realms.OPERATOR_REALM), Realms.WEB_CLIENT, RealmSpec.DEFAULT_IDLE_LOCK_SECONDS);
    }
}
