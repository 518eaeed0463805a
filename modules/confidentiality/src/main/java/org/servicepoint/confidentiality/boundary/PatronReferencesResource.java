package org.servicepoint.confidentiality.boundary;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.confidentiality.control.PatronReferenceStore.Referenced;
import org.servicepoint.confidentiality.control.PatronReferenceStore.Revealed;
import org.servicepoint.confidentiality.control.PatronReferences;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;

/** Patron references of the caller's library system: made and looked up by staff, revealed to persons in charge and headquarters. */
@RequestScoped
@Path("patron-references")
@Tag(name = "patron references", description = "Pointing at a patron without keeping the patron's data (staff)")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "503", description = "confidentiality is not configured on this server")
public class PatronReferencesResource {

    @Inject
    PatronReferences references;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The patron reference of a card: made on first use, the same id ever after")
    @APIResponse(responseCode = "201", description = "made", content = @Content(schema = @Schema(implementation = PatronReferenceId.class)))
    @APIResponse(responseCode = "200", description = "the card already had a reference",
            content = @Content(schema = @Schema(implementation = PatronReferenceId.class)))
    @APIResponse(responseCode = "400", description = "not a card number; nothing stored")
    public Response reference(@Valid @NotNull PatronReferenceForm form) {
        Referenced referenced = references.reference(Callers.ownTenant(request, null), Callers.of(request),
                form.cardNumber(), form.displayName());
        PatronReferenceId body = new PatronReferenceId(referenced.id());
        return referenced.created()
                ? Created.at(uri, referenced.id(), body)
                : Response.ok(body).build();
    }

    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find the patron reference of a card, without making one")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatronReferenceId.class)))
    @APIResponse(responseCode = "404", description = "no reference for this card")
    public PatronReferenceId lookup(@Valid @NotNull CardLookupForm form) {
        return references.lookup(Callers.ownTenant(request, null), Callers.of(request), form.cardNumber())
                .map(PatronReferenceId::new)
                .orElseThrow(() -> Refusal.notFound(Text.of("confidentiality.not-found.card")));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS})
    @Operation(summary = "What a patron reference holds: the card's last four characters and the display name (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Revealed.class)))
    @APIResponse(responseCode = "404", description = "no such patron reference in your library system")
    public Revealed reveal(@PathParam("id") String id) {
        return references.reveal(Callers.ownTenant(request, null), Callers.of(request), Ids.inPath(id, "patron reference"))
                .orElseThrow(() -> Refusal.notFound(Text.of("confidentiality.not-found.patron-reference", id)));
    }
}
