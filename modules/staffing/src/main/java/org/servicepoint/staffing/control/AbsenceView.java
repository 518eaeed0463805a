package org.servicepoint.staffing.control;

import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An absence as the API shows it. {@code from} and {@code to} are always given (wall clock, {@code to}
 * exclusive); whole-day absences also give their first and last day.
 */
@Schema(name = "Absence")
public record AbsenceView(
        UUID id,
        UUID staffMemberId,
        String tagName,
        @Schema(enumeration = {"sick", "leave", "other"}) String kind,
        boolean wholeDays,
        LocalDate firstDay,
        LocalDate lastDay,
        @Schema(example = "2026-12-01T13:00") String from,
        @Schema(example = "2026-12-01T17:00") String to) {
}
