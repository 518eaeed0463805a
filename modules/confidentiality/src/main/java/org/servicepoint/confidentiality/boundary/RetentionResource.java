package org.servicepoint.confidentiality.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.confidentiality.control.Retention;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;

/** The library system's retention periods for confidential records (tenant administrators). */
@RequestScoped
@Path("retention")
@Tag(name = "retention", description = "How long confidential records are kept before the nightly purge")
@RolesAllowed(Roles.TENANT_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Retention.Settings.class)))
public class RetentionResource {

    @Inject
    Retention retention;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Retention periods in days, with their defaults and what they count from")
    public Retention.Settings read() {
        return retention.periods(Callers.ownTenant(request, null), Callers.of(request));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the retention periods; a record type left out goes back to its default")
    @APIResponse(responseCode = "400", description = "unknown record type or days out of range; nothing changed")
    public Retention.Settings replace(@Valid @NotNull RetentionForm form) {
        Map<String, Integer> days = new LinkedHashMap<>();
        for (RetentionForm.Item item : form.periods()) {
            if (days.put(item.recordType(), item.days()) != null) {
                throw Refusal.invalid("periods", Text.of("confidentiality.retention.twice", item.recordType()));
            }
        }
        return retention.change(Callers.ownTenant(request, null), Callers.of(request), days);
    }
}
