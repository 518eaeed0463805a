package org.servicepoint.policies.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.BodyLimit;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.policies.control.Policies;
import org.servicepoint.policies.control.PolicySearch;
import org.servicepoint.policies.control.PolicySpec;
import org.servicepoint.policies.control.PolicyViews;
import org.servicepoint.tenancy.control.Plan;

/**
 * The caller's library system's policies: staff list, search and read them, compare versions and acknowledge the
 * current one; tenant administrators plan and put a policy. Another library system's slug answers 404.
 */
@RequestScoped
@Path("tenants/{slug}/policies")
@Tag(name = "policies", description = "The library system's policies: strict or flexible, versions, search, acknowledgements")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such policy or version")
public class PoliciesResource {

    /** A policy as JSON is at most this many characters (its text is at most 20,000). */
    static final int MAX_BODY_CHARS = 40_000;

    @Inject
    Policies policies;

    @Context
    HttpServletRequest http;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "Every policy, or those matching q (full-text search in the library system's language) best first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyViews.Listing.class,
            type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "an unknown category, or q too long")
    public List<PolicyViews.Listing> list(@PathParam("slug") String slug,
                                          @Parameter(description = "words, \"a phrase\", -not, or") @QueryParam("q") String q,
                                          @Parameter(description = "circulation, computer-use, meeting-rooms, conduct, privacy, "
                                                  + "complaints, children, safety or other") @QueryParam("category") String category) {
        TenantId tenant = Callers.ownTenant(http, slug);
        if (q != null && q.length() > PolicySearch.MAX_WORDS) {
            throw Refusal.invalid("q", Text.of("policies.search.too-long", PolicySearch.MAX_WORDS));
        }
        return policies.list(tenant, Callers.of(http), q, category);
    }

    @GET
    @Path("{key}")
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "One policy: strict (and why) or flexible (limits, who may approve), its current words and history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyViews.Detail.class)))
    public PolicyViews.Detail read(@PathParam("slug") String slug, @PathParam("key") String key) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return policies.read(tenant, Callers.of(http), key(key));
    }

    @GET
    @Path("{key}/versions/{n}")
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "One version of a policy's words, in full")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyViews.Version.class)))
    @APIResponse(responseCode = "400", description = "not a version number")
    public PolicyViews.Version version(@PathParam("slug") String slug, @PathParam("key") String key, @PathParam("n") String n) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return policies.version(tenant, Callers.of(http), key(key), version("n", n));
    }

    @GET
    @Path("{key}/difference")
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "What changed from one version to another, word by word, in the fields that changed")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyViews.Difference.class)))
    @APIResponse(responseCode = "400", description = "from or to missing or not a version number")
    public PolicyViews.Difference difference(@PathParam("slug") String slug, @PathParam("key") String key,
                                             @QueryParam("from") String from, @QueryParam("to") String to) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return policies.difference(tenant, Callers.of(http), key(key), version("from", from), version("to", to));
    }

    @POST
    @Path("{key}/acknowledgement")
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "The caller read and acknowledges the current version; again is the same acknowledgement")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyViews.Acknowledged.class)))
    public PolicyViews.Acknowledged acknowledge(@PathParam("slug") String slug, @PathParam("key") String key) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return policies.acknowledge(tenant, Callers.of(http), key(key));
    }

    @POST
    @Path("{key}/plan")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(4 * MAX_BODY_CHARS)
    @Operation(summary = "What putting this policy (as written in policies.yaml, as JSON) would change, field by field")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PolicySpec.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Plan.class)))
    @APIResponse(responseCode = "400", description = "the policy breaks a rule (each problem with its field); nothing stored")
    public Plan plan(@PathParam("slug") String slug, @PathParam("key") String key, String body) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return policies.plan(tenant, Callers.of(http), key(key), body(body));
    }

    @PUT
    @Path("{key}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(4 * MAX_BODY_CHARS)
    @Operation(summary = "Put this policy: settings change in place, new words or approval make a new version")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PolicySpec.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PolicyViews.Detail.class)))
    @APIResponse(responseCode = "400", description = "the policy breaks a rule (each problem with its field); nothing stored")
    public PolicyViews.Detail put(@PathParam("slug") String slug, @PathParam("key") String key, String body) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return policies.put(tenant, Callers.of(http), key(key), body(body));
    }

    static String key(String key) {
        if (key == null || !key.matches("[a-z][a-z0-9-]{0,59}")) {
            throw Refusal.invalid("key", Text.of("policies.key.pattern"));
        }
        return key;
    }

    static int version(String field, String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,5}")) {
            throw Refusal.invalid(field, Text.of("policies.version.positive"));
        }
        return Integer.parseInt(text);
    }

    private static String body(String body) {
        if (body != null && body.length() > MAX_BODY_CHARS) {
            throw Refusal.invalid("body", Text.of("policies.body.too-large", MAX_BODY_CHARS));
        }
        return body;
    }
}
