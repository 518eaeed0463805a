package org.servicepoint.staffing.control;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a roster import did. */
@Schema(name = "RosterImportSummary")
public record ImportSummary(
        @Schema(description = "rows that became new roster entries") int added,
        @Schema(description = "rows that changed an existing entry (matched by username)") int changed,
        @Schema(description = "rows identical to an existing entry") int unchanged) {

    @Override
    public String toString() {
        return "added " + added + ", changed " + changed + ", unchanged " + unchanged;
    }
}
