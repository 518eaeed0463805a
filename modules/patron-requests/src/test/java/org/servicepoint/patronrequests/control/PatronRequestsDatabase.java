package org.servicepoint.patronrequests.control;

import org.servicepoint.platform.testing.TenantTransactions;

/** The test JVM's PostgreSQL migrated as in production up to patron requests, and EclipseLink on it. */
public final class PatronRequestsDatabase {

    public static final TenantTransactions PATRON_REQUESTS = TenantTransactions.of("patron-requests-test", "platform", "tenancy",
            "confidentiality", "patron_requests");

    private PatronRequestsDatabase() {
    }
}
