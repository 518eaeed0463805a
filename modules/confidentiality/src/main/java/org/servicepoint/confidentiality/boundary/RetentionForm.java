package org.servicepoint.confidentiality.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A library system's retention periods; a record type left out goes back to its default. */
@Schema(name = "RetentionForm")
public record RetentionForm(@NotNull @Size(max = 10) List<@Valid @NotNull Item> periods) {

    @Schema(name = "RetentionPeriodForm")
    public record Item(
            @Schema(enumeration = {"disclosure-request", "patron-reference", "incident-report", "escalation",
                "computer-use-ban"}) @NotBlank @Size(max = 40) String recordType,
            @NotNull @Min(1) @Max(36_500) Integer days) {
    }
}
