package org.servicepoint.tenancy.control;

import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A branch with its desks, weekly hours and dated closures. */
@Schema(name = "Branch")
public record BranchSpec(
        @Schema(example = "HQ", pattern = "^[A-Z0-9][A-Z0-9-]{0,15}$") String code,
        String name,
        Boolean headquarters,
        String address,
        String phone,
        List<ServicePointSpec> servicePoints,
        WeekSpec openingHours,
        List<ClosureSpec> closures) {

    public BranchSpec {
        servicePoints = servicePoints == null ? List.of() : List.copyOf(servicePoints);
        closures = closures == null ? List.of() : List.copyOf(closures);
        openingHours = openingHours == null ? WeekSpec.CLOSED : openingHours;
    }

    @JsonbTransient
    public boolean isHeadquarters() {
        return Boolean.TRUE.equals(headquarters);
    }

    /** A desk of the branch; its own hours only where they differ from the branch's. */
    @Schema(name = "ServicePoint")
    public record ServicePointSpec(
            @Schema(example = "circulation") String code,
            @Schema(example = "Circulation desk") String name,
            WeekSpec openingHours) {
    }

    /** A dated closure, or shortened hours that day. */
    @Schema(name = "Closure")
    public record ClosureSpec(
            @Schema(example = "2026-12-25") String date,
            @Schema(example = "Christmas Day") String reason,
            @Schema(description = "shortened hours instead of a full closure") List<String> hours) {
    }
}
