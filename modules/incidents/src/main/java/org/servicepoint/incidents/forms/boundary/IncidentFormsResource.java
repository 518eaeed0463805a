package org.servicepoint.incidents.forms.boundary;

import com.networknt.schema.InputFormat;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.incidents.forms.control.FormDocuments;
import org.servicepoint.incidents.forms.control.FormEditing;
import org.servicepoint.incidents.forms.control.FormPlan;
import org.servicepoint.incidents.forms.control.FormVersionSummary;
import org.servicepoint.incidents.forms.control.FormView;
import org.servicepoint.incidents.forms.control.IncidentForms;
import org.servicepoint.incidents.forms.control.Publication;
import org.servicepoint.platform.boundary.BodyLimit;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * The caller's library system's incident form: every staff member reads it (the current version, and any earlier
 * one a report was written on); tenant administrators plan and publish a new version as YAML or JSON (the editor
 * sends JSON).
 */
@RequestScoped
@Path("tenants/{slug}/incident-forms")
@Tag(name = "incident forms", description = "Per-library-system incident forms, versioned")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such version")
public class IncidentFormsResource {

    static final String YAML = "application/yaml";

    @Inject
    IncidentForms forms;

    @Context
    HttpServletRequest http;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The current form, with the recipients of each category; the built-in default (no version) "
            + "until the library system has one")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FormView.class)))
    public FormView current(@PathParam("slug") String slug) {
        return forms.current(Callers.ownTenant(http, slug), Callers.of(http));
    }

    @GET
    @Path("versions")
    @Operation(summary = "Every published version, newest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FormVersionSummary.class, type = SchemaType.ARRAY)))
    public List<FormVersionSummary> versions(@PathParam("slug") String slug) {
        return forms.versions(Callers.ownTenant(http, slug), Callers.of(http));
    }

    @GET
    @Path("versions/{version: [0-9]{1,9}}")
    @Operation(summary = "One version, as reports written on it show it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FormView.class)))
    public FormView version(@PathParam("slug") String slug, @PathParam("version") int version) {
        return forms.version(Callers.ownTenant(http, slug), Callers.of(http), version);
    }

    @GET
    @Path("editing")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Where the form editor starts: the current form and the positions a category may be sent to")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FormEditing.class)))
    @APIResponse(responseCode = "403", description = "not a tenant administrator")
    public FormEditing editing(@PathParam("slug") String slug) {
        return forms.editing(Callers.ownTenant(http, slug), Callers.of(http));
    }

    @POST
    @Path("plan")
    @Consumes({YAML, "text/yaml", "application/x-yaml", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "What publishing this form would change (the version it would make, field by field); nothing is written",
            description = "Checked exactly as publishing checks it: every problem is refused with its field.")
    @RequestBody(required = true, content = @Content(mediaType = YAML))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FormPlan.class)))
    @APIResponse(responseCode = "400", description = "the form has problems")
    @APIResponse(responseCode = "403", description = "not a tenant administrator")
    @BodyLimit(4 * FormDocuments.MAX_CHARS)
    public FormPlan plan(@PathParam("slug") String slug, String body) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return forms.plan(tenant, Callers.of(http), "body", bounded(body), format());
    }

    @POST
    @Consumes({YAML, "text/yaml", "application/x-yaml", MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Publish the form (the shape of tenants/<slug>/incident-form.yaml): a new version if it differs "
            + "from the current one, else nothing changes",
            description = "Checked against the JSON Schema and the form rules (unique keys and categories, choices, lengths, "
                    + "recipients that are positions of this library system). Every problem is reported with its line and field, "
                    + "and then nothing is published. Reports keep the version they were written on.")
    @RequestBody(required = true, content = @Content(mediaType = YAML))
    @APIResponse(responseCode = "201", description = "published as a new version; Location names it",
            content = @Content(schema = @Schema(implementation = Publication.class)))
    @APIResponse(responseCode = "200", description = "the same as the current version: nothing changed",
            content = @Content(schema = @Schema(implementation = Publication.class)))
    @APIResponse(responseCode = "400", description = "the form has problems; nothing published")
    @APIResponse(responseCode = "409", description = "basedOn is not the current version any more; nothing published")
    @BodyLimit(4 * FormDocuments.MAX_CHARS) // UTF-8 takes at most 4 bytes a character
    public Response publish(@PathParam("slug") String slug,
                            @Parameter(description = "the version the change was made from (0: the built-in form); "
                                    + "if another was published since, nothing is published")
                            @QueryParam("basedOn") @Min(0) @Max(999_999_999) Integer basedOn,
                            String body) {
        TenantId tenant = Callers.ownTenant(http, slug);
        Publication published = forms.publish(tenant, Callers.of(http), "body", bounded(body), format(), basedOn);
        if (!published.changed()) {
            return Response.ok(published).build();
        }
        return Created.at(uri, "versions/" + published.current().version(), published);
    }

    private static String bounded(String body) {
        if (body != null && body.length() > FormDocuments.MAX_CHARS) {
            throw Refusal.invalid("body", Text.of("incidents.form.too-long", FormDocuments.MAX_CHARS));
        }
        return body;
    }

    private InputFormat format() {
        MediaType type = headers.getMediaType();
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE) ? InputFormat.JSON : InputFormat.YAML;
    }
}
