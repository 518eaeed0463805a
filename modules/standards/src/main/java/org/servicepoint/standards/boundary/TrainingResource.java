package org.servicepoint.standards.boundary;

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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.control.RequestLanguage;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.standards.control.Training;
import org.servicepoint.standards.control.TrainingViews;

/** Training with the library system's scenarios: go through them, answer, see who has. */
@RequestScoped
@Path("tenants/{slug}/training")
@Tag(name = "training", description = "Training scenarios of the service standards and who has done them")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such scenario there")
public class TrainingResource {

    @Inject
    Training training;

    @Context
    HttpServletRequest http;

    @GET
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "The library system's scenarios in the caller's language, with the caller's own answers")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrainingViews.Scenario.class, type = SchemaType.ARRAY)))
    public List<TrainingViews.Scenario> scenarios(@PathParam("slug") String slug) {
        return training.scenarios(Callers.ownTenant(http, slug), Callers.of(http), RequestLanguage.current());
    }

    @POST
    @Path("{scenarioId: [a-z0-9.-]{1,80}}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "Answer a scenario: whether it was the recommended choice, which is and why; marks it done (audited)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrainingViews.Answer.class)))
    @APIResponse(responseCode = "400", description = "not one of the scenario's choices; nothing stored")
    public TrainingViews.Answer answer(@PathParam("slug") String slug, @PathParam("scenarioId") String scenarioId,
                                       @Valid @NotNull AnswerForm form) {
        return training.answer(Callers.ownTenant(http, slug), Callers.of(http), scenarioId, form.choice(),
                RequestLanguage.current());
    }

    @GET
    @Path("completion")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
    @Operation(summary = "How many scenarios each active staff member has done: a person in charge sees their own branch")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrainingViews.Completion.class)))
    public TrainingViews.Completion completion(@PathParam("slug") String slug,
                                               @Parameter(description = "a branch code; a person in charge gets their own")
                                               @QueryParam("branch") String branch) {
        return training.completion(Callers.ownTenant(http, slug), Callers.of(http), branch);
    }
}
