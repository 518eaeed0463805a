package org.servicepoint.tenancy.control;

import java.util.List;

/**
 * A library system without its hours, desks and closures: what callers need who only name branches and check
 * positions (incident reports read it on every request). See {@link TenantDirectory#outline}.
 */
public record TenantOutline(String slug, String name, String timeZone, String locale, String status, List<BranchName> branches,
                            List<TenantSpec.PositionSpec> positions) {

    public TenantOutline {
        branches = List.copyOf(branches);
        positions = List.copyOf(positions);
    }

    /** A branch by code, with its display name; ordered by code. */
    public record BranchName(String code, String name, boolean headquarters) {
    }
}
