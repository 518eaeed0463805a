package org.servicepoint.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.servicepoint.platform.control.Roles;

/** The JAX-RS API under /api. Resources and providers are found in the modules' jars. */
@ApplicationPath("api")
@DeclareRoles({Roles.OPERATOR, Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@OpenAPIDefinition(
        info = @Info(title = "ServicePoint API", version = "1",
                description = "Customer-service operations for library systems. Errors are application/problem+json. "
                        + "Each operation names the roles it needs (x-roles); ApiDescriptionFilter derives them."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "Access token from the library system's own realm (single sign-on)")
@SecurityScheme(securitySchemeName = "operatorKey", type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER, apiKeyName = "X-Operator-Key",
        description = "Platform operator key (its SHA-256 is configured as servicepoint.operator.key-sha256)")
public class ServicePointApplication extends Application {
}
