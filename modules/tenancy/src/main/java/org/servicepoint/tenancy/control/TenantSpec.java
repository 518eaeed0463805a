package org.servicepoint.tenancy.control;

import jakarta.json.bind.annotation.JsonbTransient;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A library system as declared in a tenant file or sent to the admin API (see docs/tenant-config.md). */
@Schema(name = "Tenant", description = "A library system: settings and branches, the shape of tenants/<slug>/tenant.yaml")
public record TenantSpec(
        @Schema(example = "riverbend", pattern = "^[a-z][a-z0-9-]{1,38}[a-z0-9]$") String slug,
        @Schema(example = "Riverbend Regional Library System") String name,
        @Schema(example = "America/Chicago") String timeZone,
        @Schema(example = "en-US") String locale,
        @Schema(enumeration = {"active", "suspended"}) String status,
        List<BranchSpec> branches) {

    public TenantSpec {
        branches = branches == null ? List.of() : List.copyOf(branches);
    }

    /** Same library system without its branches: what the tenant row alone says. */
    @JsonbTransient
    public String effectiveStatus() {
        return status == null ? "active" : status;
    }
}
