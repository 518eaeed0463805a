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

    /**
     * A desk of the branch; its own hours only where they differ from the branch's. A mobile one (a bookmobile)
     * keeps no weekly hours: it is open at its stops, each on one day of the week.
     */
    @Schema(name = "ServicePoint")
    public record ServicePointSpec(
            @Schema(example = "circulation") String code,
            @Schema(example = "Circulation desk") String name,
            WeekSpec openingHours,
            @Schema(description = "a bookmobile: open at its stops instead of weekly hours") Boolean mobile,
            @Schema(description = "the weekly stops of a mobile service point") List<StopSpec> stops) {

        public ServicePointSpec {
            stops = stops == null ? List.of() : List.copyOf(stops);
        }

        public ServicePointSpec(String code, String name, WeekSpec openingHours) {
            this(code, name, openingHours, null, null);
        }

        @JsonbTransient
        public boolean isMobile() {
            return Boolean.TRUE.equals(mobile);
        }
    }

    /** A weekly stop of a mobile service point: where it parks, on which day, from when to when. */
    @Schema(name = "Stop")
    public record StopSpec(
            @Schema(example = "Oak Street School") String name,
            @Schema(example = "monday", enumeration = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
            String day,
            @Schema(example = "10:00-12:00") String hours) {
    }

    /** A dated closure, or shortened hours that day. */
    @Schema(name = "Closure")
    public record ClosureSpec(
            @Schema(example = "2026-12-25") String date,
            @Schema(example = "Christmas Day") String reason,
            @Schema(description = "shortened hours instead of a full closure") List<String> hours) {
    }
}
