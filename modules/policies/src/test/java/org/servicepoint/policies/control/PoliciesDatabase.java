package org.servicepoint.policies.control;

import org.servicepoint.platform.testing.TenantTransactions;

/** The test JVM's PostgreSQL migrated as in production up to policies, and EclipseLink on it. */
public final class PoliciesDatabase {

    public static final TenantTransactions POLICIES = TenantTransactions.of("policies-test", "platform", "tenancy",
            "confidentiality", "staffing", "policies");

    private PoliciesDatabase() {
    }
}
