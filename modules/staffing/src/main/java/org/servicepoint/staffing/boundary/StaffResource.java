package org.servicepoint.staffing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
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
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.control.ImportPreview;
import org.servicepoint.staffing.control.ImportSummary;
import org.servicepoint.staffing.control.Roster;
import org.servicepoint.staffing.control.RosterCsv;
import org.servicepoint.staffing.control.StaffRecord;

/**
 * The name-tag roster of the caller's own library system. Every staff member reads it; tenant administrators and
 * persons in charge keep it. Another library system's slug answers 404, as if it did not exist.
 */
@RequestScoped
@Path("tenants/{slug}/staff")
@Tag(name = "roster", description = "Name-tag roster: who works where, under which tag name")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such staff member")
public class StaffResource {

    @Inject
    Roster roster;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "The roster in alphabetical order of tag names; people who have left only when asked")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffRecord.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "not a branch of this library system")
    public List<StaffRecord> list(@PathParam("slug") String slug,
                                  @Parameter(description = "only this branch (code)") @QueryParam("branch") String branch,
                                  @Parameter(description = "also people whose last day has passed")
                                  @QueryParam("includeEnded") @DefaultValue("false") boolean includeEnded) {
        return roster.list(Callers.ownTenant(http, slug), Callers.of(http), branch, includeEnded);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One person on the roster")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffRecord.class)))
    public StaffRecord read(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return roster.read(tenant, Callers.of(http), Ids.inPath(id, "staff member"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PERSON_IN_CHARGE})
    @Operation(summary = "Add someone to the roster")
    @APIResponse(responseCode = "201", description = "added; Location names the new entry",
            content = @Content(schema = @Schema(implementation = StaffRecord.class)))
    @APIResponse(responseCode = "400", description = "invalid entry; nothing stored")
    @APIResponse(responseCode = "409", description = "the username is already on the roster, or its account is another entry's")
    @APIResponse(responseCode = "503", description = "someone who may sign in, and Keycloak cannot be reached; nothing stored")
    public Response add(@PathParam("slug") String slug, @Valid @NotNull StaffForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        StaffRecord added = roster.add(tenant, Callers.of(http), form.toControl(), Boolean.TRUE.equals(form.maySignIn()));
        return Created.at(uri, added.id(), added);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PERSON_IN_CHARGE})
    @Operation(summary = "Replace an entry (idempotent); send the version you read")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffRecord.class)))
    @APIResponse(responseCode = "400", description = "invalid entry, or no version; nothing stored")
    @APIResponse(responseCode = "409", description = "changed by someone else since you read it, or the username is taken")
    public StaffRecord replace(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull StaffForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        if (form.version() == null) {
            throw Refusal.invalid("version", Text.of("staffing.version.required"));
        }
        return roster.replace(tenant, Callers.of(http), Ids.inPath(id, "staff member"), form.toControl(), form.version(),
                form.maySignIn());
    }

    @POST
    @Path("{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PERSON_IN_CHARGE})
    @Operation(summary = "Set someone's last day on the roster")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = StaffRecord.class)))
    @APIResponse(responseCode = "400", description = "no date, or a date before the start; nothing stored")
    public StaffRecord end(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull EndForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return roster.end(tenant, Callers.of(http), Ids.inPath(id, "staff member"), form.endsOn());
    }

    @POST
    @Path("import")
    @Consumes({RosterCsv.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PERSON_IN_CHARGE})
    @Operation(summary = "Import a roster CSV (columns as in staff.csv): all rows or none",
            description = "Rows with a username change the entry with that username or add one; rows without add an "
                    + "entry unless an entry without a username is exactly the same. Every bad row is reported, as "
                    + "\"row N: column\" (the header is row 1), and then nothing is imported.")
    @RequestBody(required = true, content = @Content(mediaType = RosterCsv.MEDIA_TYPE))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportSummary.class)))
    @APIResponse(responseCode = "400", description = "malformed CSV, missing header, or bad rows; nothing imported")
    @BodyLimit(RosterCsv.MAX_BYTES)
    public ImportSummary importCsv(@PathParam("slug") String slug, byte[] body) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return roster.importCsv(tenant, Callers.of(http), csv(body));
    }

    @POST
    @Path("import/preview")
    @Consumes({RosterCsv.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.PERSON_IN_CHARGE})
    @Operation(summary = "What importing this roster CSV would do, row by row; nothing is written",
            description = "The same rules as the import: each row comes back ADD, CHANGE (with the fields), UNCHANGED or "
                    + "REFUSED (with its problems). acceptable is true when the import would succeed.")
    @RequestBody(required = true, content = @Content(mediaType = RosterCsv.MEDIA_TYPE))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportPreview.class)))
    @APIResponse(responseCode = "400", description = "malformed CSV or missing header")
    @BodyLimit(RosterCsv.MAX_BYTES)
    public ImportPreview previewImport(@PathParam("slug") String slug, byte[] body) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return roster.previewCsv(tenant, Callers.of(http), csv(body));
    }

    /** The body as text, refused when empty or too large. */
    private String csv(byte[] body) {
        if (body == null || body.length == 0) {
            throw Refusal.invalid("body", Text.of("staffing.csv.empty-body"));
        }
        if (body.length > RosterCsv.MAX_BYTES) {
            throw Refusal.invalid("body", Text.of("staffing.csv.too-large", RosterCsv.MAX_BYTES / 1024 / 1024));
        }
        return RosterCsv.decode(body, charset());
    }

    /** UTF-8 unless the request says otherwise. */
    private Charset charset() {
        MediaType type = headers.getMediaType();
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw Refusal.invalid("Content-Type", Text.of("staffing.csv.unknown-charset", name));
        }
    }
}
