package org.servicepoint.patronrequests.followups.boundary;

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
import org.servicepoint.patronrequests.followups.control.FollowUpViews.FollowUpView;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.HistoryEntry;
import org.servicepoint.patronrequests.followups.control.FollowUpViews.UpdateView;
import org.servicepoint.patronrequests.followups.control.FollowUps;
import org.servicepoint.patronrequests.followups.control.PatronUpdates;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Roles;

/**
 * Follow-ups, updates to the patron and the history of any matter ({@code kind}: complaint, comment-card,
 * reconsideration, call-back, escalation). Whoever sees the matter and covers its branch may.
 */
@RequestScoped
@Path("tenants/{slug}/matters/{kind}/{id}")
@Tag(name = "follow-ups", description = "Follow-ups, updates to patrons and the history of a matter")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class MatterFollowUpsResource {

    /** Printable characters, newlines and tabs; markup is refused by the control with what was found. */
    static final String PLAIN_TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";

    @Inject
    FollowUps followUps;

    @Inject
    PatronUpdates updates;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    public record FollowUpForm(
            @NotBlank @Size(max = FollowUps.WHAT_MAX) @Pattern(regexp = PLAIN_TEXT, message = "{patronrequests.followups.plain-text}")
            String what,
            @NotBlank @Size(max = 10) @Schema(description = "the day it is due, e.g. 2026-12-04", example = "2026-12-04") String dueOn,
            @NotNull UUID owner) {
    }

    public record UpdateForm(
            @NotBlank @Size(max = 10) @Schema(enumeration = {"email", "phone", "in-person"}) String channel,
            @NotBlank @Size(max = PatronUpdates.TEXT_MAX)
            @Pattern(regexp = PLAIN_TEXT, message = "{patronrequests.followups.plain-text}") String text,
            @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._:-]*$", message = "{patronrequests.followups.key}")
            @Schema(description = "idempotency key: the same key again records nothing new") String key) {
    }

    @GET
    @Path("follow-ups")
    @Operation(summary = "The follow-ups of a matter, oldest first")
    public List<FollowUpView> list(@PathParam("slug") String slug, @PathParam("kind") String kind, @PathParam("id") String id) {
        return followUps.list(Callers.ownTenant(http, slug), Callers.of(http), kind, Ids.inPath(id, "record"));
    }

    @POST
    @Path("follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a follow-up: what, by which day, by whom")
    @APIResponse(responseCode = "201", description = "the follow-up", content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    public Response add(@PathParam("slug") String slug, @PathParam("kind") String kind, @PathParam("id") String id,
                        @Valid @NotNull FollowUpForm form) {
        FollowUpView view = followUps.add(Callers.ownTenant(http, slug), Callers.of(http), kind, Ids.inPath(id, "record"), form.what(),
                form.dueOn(), form.owner());
        return Created.at(uri, view.id(), view);
    }

    @POST
    @Path("follow-ups/{followUp}/done")
    @Operation(summary = "Mark a follow-up done (doing it twice changes nothing)")
    public FollowUpView done(@PathParam("slug") String slug, @PathParam("kind") String kind, @PathParam("id") String id,
                             @PathParam("followUp") String followUp) {
        return followUps.done(Callers.ownTenant(http, slug), Callers.of(http), kind, Ids.inPath(id, "record"),
                Ids.inPath(followUp, "record"));
    }

    @POST
    @Path("updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a contact with the patron; by email it is sent from the library's template, once")
    @APIResponse(responseCode = "201", description = "the update, with its mail", content = @Content(schema = @Schema(implementation = UpdateView.class)))
    @APIResponse(responseCode = "422", description = "email, but the matter has no address to write to")
    public Response update(@PathParam("slug") String slug, @PathParam("kind") String kind, @PathParam("id") String id,
                           @Valid @NotNull UpdateForm form) {
        UpdateView view = updates.post(Callers.ownTenant(http, slug), Callers.of(http), kind, Ids.inPath(id, "record"), form.channel(),
                form.text(), form.key() == null || form.key().isBlank() ? null : form.key());
        return Created.at(uri, view.id(), view);
    }

    @GET
    @Path("history")
    @Operation(summary = "Every contact with the patron and every follow-up of a matter, oldest first")
    public List<HistoryEntry> history(@PathParam("slug") String slug, @PathParam("kind") String kind, @PathParam("id") String id) {
        return followUps.history(Callers.ownTenant(http, slug), Callers.of(http), kind, Ids.inPath(id, "record"));
    }
}
