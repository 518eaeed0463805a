package org.servicepoint.identity.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.identity.control.IdentitySettings;
import org.servicepoint.identity.control.Realms;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantDirectory;

/** What the staff web app needs before anyone signs in: where the library system's realm is. Public. */
@RequestScoped
@Path("public/tenants/{slug}/sign-in")
@Tag(name = "staff", description = "The signed-in staff member")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SignInResource {


    @Inject
    TenantDirectory directory;

    @Inject
    IdentitySettings settings;

    /** For tests and demonstrations of the idle lock; in production the tenant's setting rules. */
    @Inject
    @ConfigProperty(name = "servicepoint.idle-lock.override-seconds")
    Optional<Integer> idleLockOverrideSeconds;

    /**
     * {@code locale} and {@code timeZone} are the library system's: the app's language and clock before anyone chooses;
     * {@code fallbackLanguage} is the language of its texts when the app has none in the locale's language.
     */
    public record SignIn(TenantRef tenant, String authority, String clientId, int idleLockSeconds, String locale, String timeZone,
                         String fallbackLanguage) {
    }

    public record TenantRef(String slug, String name) {
    }

    @GET
    @Operation(summary = "Sign-in settings of a library system for the staff web app")
    public SignIn signIn(@PathParam("slug") String slug) {
        if (!TenantId.isValidSlug(slug) || !directory.activeSlugs().contains(slug)) {
            throw Refusal.notFound(Text.of("platform.not-found.library-system", slug));
        }
        var tenant = directory.workplace(TenantId.of(slug), null, null);
        int idle = idleLockOverrideSeconds.filter(s -> s > 0).orElse(tenant.idleLockMinutes() * 60);
        return new SignIn(new TenantRef(tenant.tenantSlug(), tenant.tenantName()), settings.issuer(slug), Realms.WEB_CLIENT, idle,
                tenant.locale(), tenant.timeZone(), tenant.fallbackLanguage());
    }
}
