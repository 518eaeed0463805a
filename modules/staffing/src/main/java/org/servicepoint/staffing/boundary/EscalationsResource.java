package org.servicepoint.staffing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.Escalations;

/** Escalating a situation in one call; the rules say who decides and who is told, and it is recorded. */
@RequestScoped
@Path("tenants/{slug}/escalations")
@Tag(name = "chain of command", description = "Who is in charge, escalations and notices")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class EscalationsResource {

    /** Plain text: printable characters, newlines and tabs only. */
    static final String PLAIN_TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    @Inject
    Escalations escalations;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    public record EscalationForm(
            @Size(max = 16) String branch,
            @NotBlank @Size(max = 40) String situation,
            @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT, message = "{staffing.plain-text}") String note) {
    }

    public record OutcomeForm(@NotBlank @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT, message = "{staffing.plain-text}") String outcome) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Escalate a situation: the rules say who decides and who is told; the escalation is recorded")
    @APIResponse(responseCode = "201", description = "the escalation; Location names it",
            content = @Content(schema = @Schema(implementation = Escalations.EscalationView.class)))
    public Response escalate(@PathParam("slug") String slug, @Valid @NotNull EscalationForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        var view = escalations.escalate(tenant, Callers.of(http), branchOrHome(http, form.branch()), form.situation(), form.note());
        return Created.at(uri, view.id(), view);
    }

    @GET
    @Operation(summary = "Recent escalations, newest first (optionally of one branch)")
    public List<Escalations.EscalationView> list(@PathParam("slug") String slug, @QueryParam("branch") String branch) {
        return escalations.list(Callers.ownTenant(http, slug), Callers.of(http), branch);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One escalation with the notices it sent")
    public Escalations.EscalationView read(@PathParam("slug") String slug, @PathParam("id") String id) {
        return escalations.read(Callers.ownTenant(http, slug), Callers.of(http), Ids.inPath(id, "record"));
    }

    @POST
    @Path("{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record how an escalation ended (person in charge or tenant admin)")
    public Escalations.EscalationView outcome(@PathParam("slug") String slug, @PathParam("id") String id,
                                              @Valid @NotNull OutcomeForm form) {
        return escalations.recordOutcome(Callers.ownTenant(http, slug), Callers.of(http), Ids.inPath(id, "record"), form.outcome());
    }

    static String branchOrHome(HttpServletRequest http, String branch) {
        if (branch != null && !branch.isBlank()) {
            return branch;
        }
        Caller caller = Callers.of(http);
        return caller.attribute("branch").orElseThrow(() -> Refusal.invalid("branch", Text.of("staffing.branch.name-one")));
    }
}
