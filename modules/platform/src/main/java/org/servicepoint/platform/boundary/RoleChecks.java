package org.servicepoint.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed} on every resource method: anonymous → 401, wrong role → 403. A method
 * that declares neither roles nor {@code @PermitAll} is closed to everyone: forgetting is never open.
 */
@Provider
public class RoleChecks implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        List<String> roles = rolesFor(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        if (roles != null) {
            context.register(new Check(roles));
        }
    }

    /**
     * The roles a resource method admits: {@code null} when it is open to anyone ({@code @PermitAll}), an empty
     * list when it is closed to everyone. The API description reads the same rule, so it cannot tell otherwise.
     */
    public static List<String> rolesFor(Method method, Class<?> type) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        if (method.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !type.isAnnotationPresent(PermitAll.class)) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        if (roles == null && type.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        return roles == null ? List.of() : Arrays.asList(roles.value());
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final List<String> roles;

        Check(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(Response.status(401)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .type(Problem.TYPE)
                        .entity(Problem.of("unauthenticated", 401, "Unauthenticated", ProblemText.detail("needs-credentials"), null))
                        .build());
                return;
            }
            if (roles.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(Problem.of("forbidden", 403, "Forbidden",
                        ProblemText.detail("role-does-not-allow"), null).toResponse());
            }
        }
    }
}
