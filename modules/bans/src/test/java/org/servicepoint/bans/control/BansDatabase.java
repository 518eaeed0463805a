package org.servicepoint.bans.control;

import java.util.UUID;
import org.servicepoint.platform.testing.TenantTransactions;

/**
 * The test JVM's PostgreSQL migrated as in production up to bans (platform, tenancy, confidentiality, incidents,
 * bans), and EclipseLink on it, through the platform's {@link TenantTransactions}.
 */
public final class BansDatabase {

    public static final TenantTransactions BANS = TenantTransactions.of("bans-test", "platform", "tenancy", "confidentiality",
            "incidents", "bans");

    private BansDatabase() {
    }

    /** A signed incident report of the library system, written as the owner (the incidents module's own tests cover how). */
    public static UUID incidentReport(String tenant) {
        UUID form = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        String hash = "d".repeat(64);
        BANS.asOwnerSql("insert into incident_form_version (id, tenant_id, version, content_hash, document, source, published_at, published_by) "
                        + "values ('" + form + "', '" + tenant + "', (select coalesce(max(version), 0) + 1 from incident_form_version "
                        + "where tenant_id = '" + tenant + "'), '" + hash + "', '{}', 'test', now(), 'test')",
                "insert into incident_report (id, tenant_id, form_version_id, form_version, form_hash, category, branch_code, occurred_at, "
                        + "reporter_username, answers, staff_names, patron_references, status, needs_verbal_report, needs_countersign, "
                        + "created_at, updated_at, submitted_at) values ('" + report + "', '" + tenant + "', '" + form + "', 1, '" + hash
                        + "', 'computer-use-ban', 'NORTH', now(), 'sam', '{}', '{}', '[]', 'SUBMITTED', false, false, now(), now(), now())");
        return report;
    }
}
