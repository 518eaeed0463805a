package org.servicepoint.staffing.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.control.Ids;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.staffing.control.ShiftRules;
import org.servicepoint.staffing.control.ShiftStore;
import org.servicepoint.staffing.control.ShiftView;
import org.servicepoint.staffing.control.Shifts;

/**
 * Shifts of the caller's library system. Any staff member may read them; persons in charge and tenant
 * administrators plan them. Another library system's slug is "not found".
 */
@RequestScoped
@Path("tenants/{slug}/shifts")
@Tag(name = "shifts", description = "Weekly and one-off shifts at the desks, absences, desk coverage")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such shift")
public class ShiftsResource {

    @Inject
    Shifts shifts;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "Shifts, optionally of one branch, desk or staff member, or valid on some day from..to")
    @APIResponse(responseCode = "400", description = "a malformed filter")
    public List<ShiftView> list(@PathParam("slug") String slug, @QueryParam("branch") String branch,
                                @QueryParam("servicePoint") String servicePoint, @QueryParam("staffMember") String staffMember,
                                @QueryParam("from") String from, @QueryParam("to") String to) {
        var filter = new ShiftStore.Filter(ScheduleParams.optional(branch), ScheduleParams.optional(servicePoint),
                ScheduleParams.optionalId("staffMember", staffMember), ScheduleParams.optionalDate("from", from),
                ScheduleParams.optionalDate("to", to));
        return shifts.list(Callers.ownTenant(http, slug), Callers.of(http), filter);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One shift with its cancelled dates")
    public ShiftView read(@PathParam("slug") String slug, @PathParam("id") String id) {
        return shifts.read(Callers.ownTenant(http, slug), Callers.of(http), Ids.inPath(id, "shift"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.TENANT_ADMIN})
    @Operation(summary = "Plan a weekly or one-off shift")
    @APIResponse(responseCode = "201", description = "planned", content = @Content(schema = @Schema(implementation = ShiftView.class)))
    @APIResponse(responseCode = "400", description = "bad times, unknown staff member, branch or desk, or not on the roster then; nothing stored")
    @APIResponse(responseCode = "409", description = "overlaps another shift of the same staff member; nothing stored")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull ShiftForm form) {
        ShiftView shift = shifts.create(Callers.ownTenant(http, slug), Callers.of(http), form.toControl());
        return Created.at(uri, shift.id(), shift);
    }

    @POST
    @Path("week-copies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.TENANT_ADMIN})
    @Operation(summary = "Copy a week's one-off shifts of a branch into following weeks, all or nothing",
            description = "Copy last week, or repeat this week for N weeks. A copy already there (same person, desk, date and "
                    + "times) is counted as unchanged, so a retry makes nothing twice. Weekly shifts repeat by themselves.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ShiftStore.WeekCopy.class)))
    @APIResponse(responseCode = "400", description = "not Mondays, toWeek not later, weeks out of range, or unknown branch")
    @APIResponse(responseCode = "403", description = "a person in charge copying at another branch")
    @APIResponse(responseCode = "409", description = "copies that would overlap another shift or fall outside the roster, "
            + "each named as a violation; nothing stored")
    public ShiftStore.WeekCopy copyWeek(@PathParam("slug") String slug, @Valid @NotNull WeekCopyForm form) {
        LocalDate from = monday("fromWeek", form.fromWeek());
        LocalDate to = monday("toWeek", form.toWeek());
        if (!to.isAfter(from)) {
            throw Refusal.invalid("toWeek", Text.of("staffing.week.later"));
        }
        return shifts.copyWeek(Callers.ownTenant(http, slug), Callers.of(http), form.branch(), from, to,
                form.weeks() == null ? 1 : form.weeks());
    }

    private static LocalDate monday(String field, String text) {
        LocalDate day = ShiftRules.date(field, text);
        if (day.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw Refusal.invalid(field, Text.of("staffing.week.monday"));
        }
        return day;
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.TENANT_ADMIN})
    @Operation(summary = "Remove a shift, all its occurrences and cancellations")
    @APIResponse(responseCode = "204", description = "removed")
    public Response delete(@PathParam("slug") String slug, @PathParam("id") String id) {
        shifts.delete(Callers.ownTenant(http, slug), Callers.of(http), Ids.inPath(id, "shift"));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/cancellations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PERSON_IN_CHARGE, Roles.TENANT_ADMIN})
    @Operation(summary = "Cancel one occurrence of a shift, named by the date it starts")
    @APIResponse(responseCode = "200", description = "the shift with its cancelled dates",
            content = @Content(schema = @Schema(implementation = ShiftView.class)))
    @APIResponse(responseCode = "400", description = "the shift has no occurrence that day")
    @APIResponse(responseCode = "409", description = "that occurrence is already cancelled")
    public ShiftView cancel(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull ShiftCancellationForm form) {
        return shifts.cancelOccurrence(Callers.ownTenant(http, slug), Callers.of(http), Ids.inPath(id, "shift"),
                ShiftRules.date("date", form.date()));
    }
}
