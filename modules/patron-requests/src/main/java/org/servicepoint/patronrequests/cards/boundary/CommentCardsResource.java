package org.servicepoint.patronrequests.cards.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.patronrequests.cards.control.CardViews;
import org.servicepoint.patronrequests.cards.control.CommentCards;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Downloads;
import org.servicepoint.platform.control.FreeText;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * Comment cards of the caller's library system, for the staff who triage them: persons in charge at their own
 * branch, headquarters and tenant administrators at every branch. Another library system's slug, and a card the
 * caller may not see, answer 404.
 */
@RequestScoped
@Path("tenants/{slug}/comment-cards")
@Tag(name = "comment cards", description = "Cards patrons leave on a branch's public page: triage, counts, the QR poster")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "not a person in charge, headquarters or a tenant administrator")
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such card the caller may see")
public class CommentCardsResource {

    @Inject
    CommentCards cards;

    @Context
    HttpServletRequest http;

    @GET
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "Cards the caller may see, newest first; filters combine (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CardViews.Listing.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "an unknown branch, kind or state")
    public List<CardViews.Listing> list(@PathParam("slug") String slug, @QueryParam("branch") String branch,
                                        @Parameter(description = "praise, suggestion or complaint") @QueryParam("kind") String kind,
                                        @Parameter(description = "new, thanked, replied, complaint, forwarded or closed")
                                        @QueryParam("state") String state) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return cards.list(tenant, Callers.of(http), blankToNull(branch, 40), blankToNull(kind, 20), blankToNull(state, 20));
    }

    @GET
    @Path("counts")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "How many cards each branch received of each kind between two instants (default: the last 30 days)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CardViews.Count.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "from or to not an ISO instant, or from after to")
    public List<CardViews.Count> counts(@PathParam("slug") String slug,
                                        @Parameter(description = "ISO instant, inclusive") @QueryParam("from") String from,
                                        @Parameter(description = "ISO instant, exclusive") @QueryParam("to") String to) {
        TenantId tenant = Callers.ownTenant(http, slug);
        Instant end = instant("to", to, Instant.now());
        Instant start = instant("from", from, end.minus(java.time.Duration.ofDays(30)));
        if (start.isAfter(end)) {
            throw Refusal.invalid("from", Text.of("patronrequests.cards.from-after-to"));
        }
        return cards.counts(tenant, Callers.of(http), start, end);
    }

    @GET
    @Path("poster")
    @Produces(Downloads.PDF)
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "The QR poster of a branch's comment-card page, to print and put up (PDF)")
    @APIResponse(responseCode = "200", description = "the poster", content = @Content(mediaType = Downloads.PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "400", description = "no such branch, or a language other than en or es")
    public Response poster(@PathParam("slug") String slug, @QueryParam("branch") String branch,
                           @Parameter(description = "en or es; default the library system's") @QueryParam("language") String language) {
        TenantId tenant = Callers.ownTenant(http, slug);
        String code = blankToNull(branch, 40);
        if (code == null) {
            throw Refusal.invalid("branch", Text.of("patronrequests.cards.no-branch", ""));
        }
        byte[] pdf = cards.poster(tenant, Callers.of(http), code, blankToNull(language, 5));
        return Downloads.attachment(pdf, Downloads.PDF, Downloads.fileName("comment-card-poster-" + tenant.value(), code, "pdf"));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "One card with the patron's words and its steps (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CardViews.Detail.class)))
    public CardViews.Detail read(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return cards.read(tenant, Callers.of(http), Ids.inPath(id, "comment card"));
    }

    @POST
    @Path("{id}/thank")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark the card as thanked")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CardViews.Detail.class)))
    @APIResponse(responseCode = "409", description = "the card is closed")
    public CardViews.Detail thank(@PathParam("slug") String slug, @PathParam("id") String id, CardForms.Nothing form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return cards.thank(tenant, Callers.of(http), Ids.inPath(id, "comment card"));
    }

    @POST
    @Path("{id}/reply")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the patron by email (they asked for a reply and left an address)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CardViews.Detail.class)))
    @APIResponse(responseCode = "400", description = "no text, too long, or markup")
    @APIResponse(responseCode = "409", description = "the card is closed")
    @APIResponse(responseCode = "422", description = "the patron did not ask for a reply or left no email address")
    public CardViews.Detail reply(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull CardForms.Reply form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        String text = FreeText.check("text", form.text(), CommentCards.REPLY_MAX, true, true);
        return cards.reply(tenant, Callers.of(http), Ids.inPath(id, "comment card"), text);
    }

    @POST
    @Path("{id}/complaint")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Turn the card into a complaint (channel comment-card), citing a policy if given; the complaint's "
            + "handling position is told at once. Asking again answers the same complaint")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CardViews.Turned.class)))
    @APIResponse(responseCode = "400", description = "no such policy, or asks too long or with markup")
    @APIResponse(responseCode = "409", description = "the card is closed")
    public CardViews.Turned complaint(@PathParam("slug") String slug, @PathParam("id") String id,
                                      @Valid @NotNull CardForms.ToComplaint form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        String asks = FreeText.check("asks", form.asks(), 1000, false, true);
        return cards.toComplaint(tenant, Callers.of(http), Ids.inPath(id, "comment card"), form.policy(), asks);
    }

    @POST
    @Path("{id}/forward")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Forward the card to the owner of a policy: the holders of the owner position get an in-app notice")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CardViews.Detail.class)))
    @APIResponse(responseCode = "400", description = "no such policy")
    @APIResponse(responseCode = "409", description = "the card is closed, or the policy names no owner")
    public CardViews.Detail forward(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull CardForms.Forward form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return cards.forward(tenant, Callers.of(http), Ids.inPath(id, "comment card"), form.policy());
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close the card (closing a closed card changes nothing)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CardViews.Detail.class)))
    public CardViews.Detail close(@PathParam("slug") String slug, @PathParam("id") String id, CardForms.Nothing form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return cards.close(tenant, Callers.of(http), Ids.inPath(id, "comment card"));
    }

    private static Instant instant(String field, String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, Text.of("patronrequests.cards.instant"));
        }
    }

    private static String blankToNull(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > max) {
            throw Refusal.invalid("query", Text.of("patronrequests.cards.too-long", max));
        }
        return text.strip();
    }
}
