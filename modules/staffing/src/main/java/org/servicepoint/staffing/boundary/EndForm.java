package org.servicepoint.staffing.boundary;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When someone leaves the roster. */
@Schema(name = "StaffMemberEnd")
public record EndForm(
        @Schema(description = "last day on the roster; may lie in the future", example = "2026-06-30") @NotNull LocalDate endsOn) {
}
