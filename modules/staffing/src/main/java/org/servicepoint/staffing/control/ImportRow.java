package org.servicepoint.staffing.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.servicepoint.platform.control.Refusal.Violation;

/** What one row of a roster file would do if imported (the header is row 1). */
@Schema(name = "RosterImportRow")
@JsonbPropertyOrder({"row", "result", "tagName", "username", "branch", "fields", "problems"})
public record ImportRow(
        int row,
        Result result,
        @Schema(description = "the tag name the row gives, as far as it could be read") String tagName,
        String username,
        String branch,
        @Schema(description = "CHANGE: the fields that would change") List<String> fields,
        @Schema(description = "REFUSED: every reason, as row N: column and a message") List<Violation> problems) {

    public enum Result { ADD, CHANGE, UNCHANGED, REFUSED }

    public ImportRow {
        fields = List.copyOf(fields);
        problems = List.copyOf(problems);
    }
}
