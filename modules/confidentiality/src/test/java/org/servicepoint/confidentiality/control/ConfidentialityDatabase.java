package org.servicepoint.confidentiality.control;

import org.servicepoint.platform.testing.TenantTransactions;

/** The test JVM's PostgreSQL with the platform's and confidentiality's migrations, through the platform's kit. */
public final class ConfidentialityDatabase {

    public static final TenantTransactions CONFIDENTIALITY = TenantTransactions.of("confidentiality-test", "platform", "confidentiality");

    private ConfidentialityDatabase() {
    }
}
