package org.servicepoint.staffing.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A roster file checked but not imported: each row's outcome and what importing it would do. */
@Schema(name = "RosterImportPreview")
@JsonbPropertyOrder({"acceptable", "summary", "rows"})
public record ImportPreview(
        @Schema(description = "true when no row is refused, so importing the file would succeed") boolean acceptable,
        @Schema(description = "the counts importing would give (refused rows left out)") ImportSummary summary,
        List<ImportRow> rows) {

    public ImportPreview {
        rows = List.copyOf(rows);
    }
}
