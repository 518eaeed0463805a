package org.servicepoint.incidents.reports.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.incidents.reports.control.VerbalReportDraft;

/** The telephone call to headquarters: who called whom, when. */
@Schema(name = "IncidentVerbalReportForm")
public record VerbalReportForm(
        @Schema(description = "who made the call; your tag name if left out") @Size(max = VerbalReportDraft.NAME_MAX) String calledBy,
        @Schema(description = "whom they reached at headquarters", example = "Branch services coordinator")
        @NotBlank @Size(max = VerbalReportDraft.NAME_MAX) String calledTo,
        @Schema(example = "2026-03-10T14:20:00-06:00") @NotNull OffsetDateTime calledAt,
        @Schema(description = "anything headquarters said to do") @Size(max = VerbalReportDraft.NOTE_MAX) String note) {

    VerbalReportDraft toControl() {
        return new VerbalReportDraft(calledBy, calledTo, calledAt, note);
    }
}
