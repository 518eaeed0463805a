package org.servicepoint.incidents.reports.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.incidents.reports.control.DraftChange;

/** An autosave of a draft: all its answers (what is left out is cleared), and optionally a corrected time and patrons. */
@Schema(name = "IncidentAnswersForm")
public record AnswersForm(
        @Schema(description = "answers by field key; null or absent clears an answer", type = SchemaType.OBJECT,
                example = "{\"location\": \"Children's room\", \"emergencyServicesCalled\": false}")
        @NotNull @Size(max = 100) Map<String, Object> answers,
        @Schema(description = "a corrected time of the incident") OffsetDateTime occurredAt,
        @Schema(description = "patron reference ids; left as they were if absent") @Size(max = 20) List<UUID> patronReferences) {

    DraftChange toControl() {
        return new DraftChange(answers, occurredAt, patronReferences);
    }
}
