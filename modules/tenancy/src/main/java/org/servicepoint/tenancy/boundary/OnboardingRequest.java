package org.servicepoint.tenancy.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Tenant files to plan or apply, each with the path it is named by in errors. */
@Schema(name = "OnboardingRequest")
public record OnboardingRequest(@NotNull @NotEmpty @Size(max = 1000) List<@Valid @NotNull File> files) {

    /** One tenant file. */
    @Schema(name = "TenantFile")
    public record File(
            @Schema(example = "tenants/riverbend/tenant.yaml") @NotBlank @Size(max = 500) String path,
            @Schema(description = "the YAML text of the file") @NotBlank @Size(max = 2_000_000) String content) {
    }
}
