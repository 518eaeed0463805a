package org.servicepoint.staffing.control;

import org.servicepoint.platform.testing.TenantTransactions;

/** The test JVM's PostgreSQL migrated with platform, tenancy, confidentiality and staffing, through the platform's kit. */
public final class ScheduleDatabase {

    public static final TenantTransactions SCHEDULE = TenantTransactions.of("staffing-test", "platform", "tenancy", "confidentiality",
            "staffing");

    private ScheduleDatabase() {
    }
}
