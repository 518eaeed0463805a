package org.servicepoint.incidents.reports.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.servicepoint.incidents.reports.control.DeliveryView;
import org.servicepoint.incidents.reports.control.IncidentReports;
import org.servicepoint.incidents.reports.control.ReportCounts;
import org.servicepoint.incidents.reports.control.ReportFilter;
import org.servicepoint.incidents.reports.control.ReportSummary;
import org.servicepoint.incidents.reports.control.ReportView;
import org.servicepoint.incidents.reports.control.Verification;
import org.servicepoint.platform.boundary.BodyLimit;
import org.servicepoint.platform.boundary.Callers;
import org.servicepoint.platform.boundary.Created;
import org.servicepoint.platform.boundary.Downloads;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;

/**
 * Incident reports of the caller's library system. Staff draft and sign their own; persons in charge of the branch
 * countersign; headquarters acknowledges and closes. The reporter and the persons in charge of the branch see a
 * report, headquarters and tenant administrators see them all, and anyone else gets 404, as for another library
 * system's report.
 */
@RequestScoped
@BodyLimit(BodyLimit.MIB)
@Path("tenants/{slug}/incident-reports")
@Tag(name = "incident reports", description = "Incident reports: drafts, signatures, addenda, verification, PDF")
@RolesAllowed({Roles.STAFF, Roles.PERSON_IN_CHARGE, Roles.HEADQUARTERS, Roles.TENANT_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "404", description = "not the caller's library system, or no such report the caller may see")
public class IncidentReportsResource {

    @Inject
    IncidentReports reports;

    @Context
    HttpServletRequest http;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a report (a draft) on the current form; the built-in form is adopted as version 1 if the "
            + "library system has none")
    @APIResponse(responseCode = "201", description = "the draft; Location names it",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "unknown category or branch, a time in the future, or answers of the "
            + "wrong kind; nothing stored")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull NewReportForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        ReportView created = reports.create(tenant, Callers.of(http), form.toControl());
        return Created.at(uri, created.id(), created);
    }

    @GET
    @Operation(summary = "Reports the caller may see, newest incident first; filters combine")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportSummary.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "an unknown branch, category or status, or a malformed date")
    public List<ReportSummary> list(@PathParam("slug") String slug,
                                    @Parameter(description = "branch code") @QueryParam("branch") String branch,
                                    @Parameter(description = "category code") @QueryParam("category") String category,
                                    @Parameter(description = "draft, submitted, countersigned, distributed, acknowledged or closed")
                                    @QueryParam("status") String status,
                                    @Parameter(description = "incidents on or after this day (library system's time)", example = "2026-03-01")
                                    @QueryParam("from") String from,
                                    @Parameter(description = "incidents on or before this day", example = "2026-03-31")
                                    @QueryParam("to") String to,
                                    @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(ReportFilter.MAX_LIMIT) int limit,
                                    @Parameter(description = "true: only overdue reports; false: none of them; absent: all, overdue first")
                                    @QueryParam("overdue") String overdue,
                                    @Parameter(description = "pending: with a mail still waiting; failed: with a mail that failed for good")
                                    @QueryParam("delivery") String delivery) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.list(tenant, Callers.of(http), filter(branch, category, status, from, to, limit, overdue, delivery));
    }

    @GET
    @Path("counts")
    @Operation(summary = "How many reports match, per branch and per category, with how many are overdue or waiting for mail")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportCounts.class)))
    @APIResponse(responseCode = "400", description = "an unknown filter value")
    public ReportCounts counts(@PathParam("slug") String slug, @QueryParam("branch") String branch,
                               @QueryParam("category") String category, @QueryParam("status") String status,
                               @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("overdue") String overdue,
                               @QueryParam("delivery") String delivery) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.counts(tenant, Callers.of(http), filter(branch, category, status, from, to, ReportFilter.MAX_LIMIT, overdue,
                delivery));
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Operation(summary = "The list as CSV (same filters, up to 500 rows, overdue first); audited")
    @APIResponse(responseCode = "200", description = "UTF-8 CSV with a header row", content = @Content(mediaType = "text/csv"))
    public Response csv(@PathParam("slug") String slug, @QueryParam("branch") String branch,
                        @QueryParam("category") String category, @QueryParam("status") String status,
                        @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("overdue") String overdue,
                        @QueryParam("delivery") String delivery) {
        TenantId tenant = Callers.ownTenant(http, slug);
        String csv = reports.csv(tenant, Callers.of(http), filter(branch, category, status, from, to, ReportFilter.MAX_LIMIT, overdue,
                delivery));
        return Downloads.attachment(csv, "text/csv; charset=UTF-8", "incident-reports-" + slug + ".csv");
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The report's mail trail: per recipient, sent, waiting (with the next try) or failed (with why)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryView.class, type = SchemaType.ARRAY)))
    public List<DeliveryView> deliveries(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.deliveries(tenant, Callers.of(http), ReportIds.parse(id));
    }

    @POST
    @Path("{id}/deliveries/retry")
    @RolesAllowed(Roles.HEADQUARTERS)
    @Operation(summary = "Queue the failed mails of a report again, to the addresses the roster has now (headquarters)",
            description = "A mail meant for a position nobody held goes to whoever holds it now. Nothing that was sent is sent again.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "not headquarters")
    public List<DeliveryView> retryDeliveries(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.retryDeliveries(tenant, Callers.of(http), ReportIds.parse(id));
    }

    private ReportFilter filter(String branch, String category, String status, String from, String to, int limit, String overdue,
                                String delivery) {
        Boolean onlyOverdue = null;
        if (overdue != null && !overdue.isBlank()) {
            if (!overdue.strip().equalsIgnoreCase("true") && !overdue.strip().equalsIgnoreCase("false")) {
                throw Refusal.invalid("overdue", Text.of("incidents.true-or-false"));
            }
            onlyOverdue = Boolean.parseBoolean(overdue.strip());
        }
        ReportFilter.Delivery state = null;
        if (delivery != null && !delivery.isBlank()) {
            try {
                state = ReportFilter.Delivery.valueOf(delivery.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("delivery", Text.of("incidents.delivery.one-of"));
            }
        }
        return new ReportFilter(branch, category, status, date("from", from), date("to", to), limit, onlyOverdue, state);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One report with its questions, guidance, what is missing, addenda and signatures")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    public ReportView read(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.read(tenant, Callers.of(http), ReportIds.parse(id));
    }

    @PUT
    @Path("{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a draft's answers (autosave; repeat at will)",
            description = "Checked for unknown fields, kinds of answer, lengths and plain text; required answers may still "
                    + "be missing. Only the reporter, and only while it is a draft.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "an answer is not acceptable; nothing saved")
    @APIResponse(responseCode = "409", description = "the report is signed: add an addendum")
    public ReportView saveAnswers(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull AnswersForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.saveDraft(tenant, Callers.of(http), ReportIds.parse(id), form.toControl());
    }

    @POST
    @Path("{id}/verbal-report")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the telephone call to headquarters (before signing)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "the report is signed")
    public ReportView verbalReport(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull VerbalReportForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.recordVerbalReport(tenant, Callers.of(http), ReportIds.parse(id), form.toControl());
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign and submit: the reporter's signature; the report never changes afterwards")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "400", description = "required answers missing (each named)")
    @APIResponse(responseCode = "403", description = "not the reporter, or the position may not sign incident reports")
    @APIResponse(responseCode = "409", description = "already signed, changed since read, or the call to headquarters is not recorded")
    public ReportView submit(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull SignForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.submit(tenant, Callers.of(http), ReportIds.parse(id), form.version());
    }

    @POST
    @Path("{id}/countersign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PERSON_IN_CHARGE)
    @Operation(summary = "Countersign as a person in charge of the branch (not the reporter), where the category asks for it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "not signed yet, already countersigned, no countersignature needed, or changed since read")
    public ReportView countersign(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull SignForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.countersign(tenant, Callers.of(http), ReportIds.parse(id), form.version());
    }

    @POST
    @Path("{id}/addenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a signed addendum to a signed report (corrections and later facts)")
    @APIResponse(responseCode = "200", description = "the report with its new addendum and signature",
            content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "a draft (change it instead), closed, or changed since read")
    public ReportView addAddendum(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull AddendumForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.addAddendum(tenant, Callers.of(http), ReportIds.parse(id), form.text(), form.version());
    }

    @POST
    @Path("{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HEADQUARTERS)
    @Operation(summary = "Acknowledge receipt at headquarters (a signature)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "not complete yet, already acknowledged, or changed since read")
    public ReportView acknowledge(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull SignForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.acknowledge(tenant, Callers.of(http), ReportIds.parse(id), form.version());
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HEADQUARTERS)
    @Operation(summary = "Close an acknowledged report")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "409", description = "not acknowledged yet, already closed, or changed since read")
    public ReportView close(@PathParam("slug") String slug, @PathParam("id") String id, @Valid @NotNull CloseForm form) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.close(tenant, Callers.of(http), ReportIds.parse(id), form.version());
    }

    @GET
    @Path("{id}/verification")
    @Operation(summary = "Recompute the signature chain from what is stored and name the first signature that no longer holds")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Verification.class)))
    public Verification verify(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        return reports.verify(tenant, Callers.of(http), ReportIds.parse(id));
    }

    @GET
    @Path("{id}.pdf")
    @Produces(Downloads.PDF)
    @Operation(summary = "A signed report as PDF, with its signature trail and hashes")
    @APIResponse(responseCode = "200", description = "the PDF, as an attachment", content = @Content(mediaType = Downloads.PDF))
    @APIResponse(responseCode = "409", description = "a draft: only signed reports are printed")
    public Response pdf(@PathParam("slug") String slug, @PathParam("id") String id) {
        TenantId tenant = Callers.ownTenant(http, slug);
        UUID report = ReportIds.parse(id);
        byte[] pdf = reports.pdf(tenant, Callers.of(http), report);
        return Downloads.attachment(pdf, Downloads.PDF, "incident-report-" + report + ".pdf");
    }

    @GET
    @Path("{id}/pdf")
    @Produces(Downloads.PDF)
    @Operation(summary = "The same PDF, for clients that cannot put a suffix on an id")
    @APIResponse(responseCode = "200", description = "the PDF, as an attachment", content = @Content(mediaType = Downloads.PDF))
    public Response pdfAlias(@PathParam("slug") String slug, @PathParam("id") String id) {
        return pdf(slug, id);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(name, Text.of("incidents.date.format"));
        }
    }
}
