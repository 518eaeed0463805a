package org.servicepoint.incidents.forms.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A form version with its definition, and for each category the position codes that receive its reports. */
@Schema(name = "IncidentForm")
public record FormView(
        @Schema(description = "absent for the built-in default form, which no report uses yet") Integer version,
        @Schema(description = "SHA-256 of the form's canonical JSON") String hash,
        @Schema(description = "where it came from: a file path, \"api\" or \"default\"") String source,
        OffsetDateTime publishedAt,
        String publishedBy,
        FormDefinition definition,
        @Schema(description = "position codes per category code") Map<String, List<String>> recipients) {
}
