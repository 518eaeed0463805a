package org.servicepoint.staffing.control;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stretch of a desk's open hours, on one date, with nobody on duty or only volunteers or pages. Times are the
 * branch's wall-clock times; {@code to} is "24:00" when the stretch runs to midnight.
 */
@Schema(name = "CoverageIssue")
public record CoverageIssue(
        @Schema(example = "HQ") String branch,
        @Schema(example = "circulation") String servicePoint,
        @Schema(example = "2026-12-01") LocalDate date,
        @Schema(example = "17:00") String from,
        @Schema(example = "18:00") String to,
        @Schema(enumeration = {"GAP", "ONLY_VOLUNTEERS_OR_PAGES"}) String kind,
        @Schema(example = "Tue 2026-12-01 17:00-18:00, Circulation Desk: nobody scheduled") String message,
        @Schema(description = "the stop of a mobile service point (a bookmobile) the stretch falls in", example = "Oak Street School")
        String stop) {

    public static CoverageIssue of(CoverageCheck.Finding finding) {
        String from = clock(finding.date(), finding.from());
        String to = clock(finding.date(), finding.to());
        String what = finding.kind() == CoverageCheck.Kind.GAP ? "nobody scheduled" : "only volunteers or pages on duty";
        // English like the rest of the API's messages; screens build their own sentences from the fields.
        String where = finding.stop() == null ? finding.servicePointName() : finding.servicePointName() + " at " + finding.stop();
        String message = finding.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + finding.date()
                + " " + from + "-" + to + ", " + where + ": " + what;
        return new CoverageIssue(finding.branch(), finding.servicePoint(), finding.date(), from, to, finding.kind().name(), message,
                finding.stop());
    }

    private static String clock(LocalDate date, ZonedDateTime moment) {
        if (moment.toLocalDate().isAfter(date)) {
            return "24:00";
        }
        return String.format("%02d:%02d", moment.getHour(), moment.getMinute());
    }
}
