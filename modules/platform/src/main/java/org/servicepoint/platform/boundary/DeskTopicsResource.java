package org.servicepoint.platform.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.DeskTopic;
import org.servicepoint.platform.control.DeskTopics;
import org.servicepoint.platform.control.RequestLanguage;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.entity.TenantId;

/**
 * The desk's "How do I handle…" search: asks every {@link DeskTopics} provider (policies, service standards) and
 * answers their topics merged, best first. It needs nothing but the platform, so it lives here and no module has to
 * know the others.
 */
@RequestScoped
@Path("tenants/{slug}/desk/topics")
@Tag(name = "desk search", description = "Policies, standards, guides and scenarios found by words, best first")
@Produces(MediaType.APPLICATION_JSON)
public class DeskTopicsResource {

    /** The most topics one search answers. */
    static final int MAX_LIMIT = 50;

    @Inject
    Instance<DeskTopics> providers;

    @Context
    HttpServletRequest http;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "Topics of the library system matching the words, best first, in the caller's language")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeskTopic.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "no words, or too many")
    @APIResponse(responseCode = "404", description = "not the caller's library system")
    public List<DeskTopic> find(@PathParam("slug") String slug,
                                @QueryParam("q") @NotBlank @Size(max = 200) String q,
                                @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(MAX_LIMIT) int limit) {
        TenantId tenant = Callers.ownTenant(http, slug);
        Caller caller = Callers.of(http);
        return merged(providers, tenant, caller, q.strip(), limit);
    }

    /** Every provider's best {@code limit}, merged by rank (a stable sort keeps each provider's order among equals). */
    static List<DeskTopic> merged(Iterable<DeskTopics> providers, TenantId tenant, Caller caller, String words, int limit) {
        List<DeskTopic> all = new ArrayList<>();
        for (DeskTopics provider : providers) {
            all.addAll(provider.find(tenant, caller, words, RequestLanguage.current(), limit));
        }
        return all.stream().sorted(Comparator.comparingDouble(DeskTopic::rank).reversed()).limit(limit).toList();
    }
}
