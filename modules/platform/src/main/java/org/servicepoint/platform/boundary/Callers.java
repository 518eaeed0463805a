package org.servicepoint.platform.boundary;

import jakarta.ws.rs.core.SecurityContext;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;

/** Maps the authenticated principal of a request to the {@link Caller} that controls audit. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            return Caller.ANONYMOUS;
        }
        Caller.Kind kind = security.isUserInRole(Roles.OPERATOR) ? Caller.Kind.OPERATOR : Caller.Kind.STAFF;
        return new Caller(security.getUserPrincipal().getName(), kind);
    }
}
