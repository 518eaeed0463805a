package org.servicepoint.incidents.reports.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.incidents.reports.control.IncidentReportStore;

/** A correction or later fact for a signed report, signed by whoever adds it. */
@Schema(name = "IncidentAddendumForm")
public record AddendumForm(
        @Schema(description = "plain text; line breaks kept") @NotBlank @Size(max = IncidentReportStore.ADDENDUM_MAX) String text,
        @Schema(description = "the report's version as you read it") @NotNull Long version) {
}
