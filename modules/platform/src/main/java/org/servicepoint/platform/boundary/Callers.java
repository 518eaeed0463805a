package org.servicepoint.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/** The authenticated {@link Caller} of a request, as the authentication mechanism recorded it. */
public final class Callers {

    /** Request attribute set only by {@link ServicePointAuthentication}. */
    public static final String ATTRIBUTE = Callers.class.getName() + ".caller";

    private Callers() {
    }

    public static Caller of(HttpServletRequest request) {
        Object caller = request == null ? null : request.getAttribute(ATTRIBUTE);
        return caller instanceof Caller c ? c : Caller.ANONYMOUS;
    }

    /**
     * The staff member's own tenant. A path that names another tenant gets "not found", exactly as if the
     * resource did not exist, so nothing reveals what another library system has.
     */
    public static TenantId ownTenant(HttpServletRequest request, String slugInPath) {
        Caller caller = of(request);
        TenantId own = caller.tenantOfStaff().orElseThrow(() -> Refusal.notFound(Text.of("platform.not-found.library-system", slugInPath)));
        if (slugInPath != null && !own.value().equals(slugInPath)) {
            throw Refusal.notFound(Text.of("platform.not-found.library-system", slugInPath));
        }
        return own;
    }
}
