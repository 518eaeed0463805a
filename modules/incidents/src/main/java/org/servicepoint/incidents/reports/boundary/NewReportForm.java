package org.servicepoint.incidents.reports.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.incidents.reports.control.NewReport;

/** A new incident report (a draft): the kind of incident, where and when; answers now or by later saves. */
@Schema(name = "IncidentReportForm")
public record NewReportForm(
        @Schema(description = "a category code of the library system's form", example = "accident-injury")
        @NotBlank @Size(max = 40) @Pattern(regexp = "^[a-z][a-z-]*$", message = "{incidents.category.code}")
        String category,
        @Schema(description = "branch code; your own branch if left out", example = "PINE-HOLLOW") @Size(max = 16) String branch,
        @Schema(description = "when it happened; now if left out", example = "2026-03-10T14:05:00-06:00") OffsetDateTime occurredAt,
        @Schema(description = "answers by field key", type = SchemaType.OBJECT) @Size(max = 100) Map<String, Object> answers,
        @Schema(description = "patron reference ids, from /api/patron-references") @Size(max = 20) List<UUID> patronReferences) {

    NewReport toControl() {
        return new NewReport(category, branch, occurredAt, answers, patronReferences);
    }
}
