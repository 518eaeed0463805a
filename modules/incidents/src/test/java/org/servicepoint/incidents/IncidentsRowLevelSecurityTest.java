package org.servicepoint.incidents;

import static org.servicepoint.platform.testing.WallChecks.asApplication;
import static org.servicepoint.platform.testing.WallChecks.assertRefused;
import static org.servicepoint.platform.testing.WallChecks.bound;
import static org.servicepoint.platform.testing.WallChecks.seedAsApplication;
import static org.servicepoint.platform.testing.WallChecks.write;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * What the incident tables add to wall 2, in plain SQL as the application role. The generic wall test ({@code TenantWallsTest} in the app module) checks wall 2 on every tenant table, found
 * in the catalogue; this
 * test keeps what is the incidents' own: what the application may never change or remove.
 */
class IncidentsRowLevelSecurityTest {

    static final String NORTH = "inc-rls-north";
    static final String SOUTH = "inc-rls-south";
    static final String HASH = "a".repeat(64);

    static TestDatabase db;

    @BeforeAll
    static void twoLibrarySystemsWithAReportEach() throws SQLException {
        db = IncidentsDatabase.db();
        IncidentsDatabase.INCIDENTS.tenant(NORTH, SOUTH);
        seedAsApplication(db, IncidentsRowLevelSecurityTest::insertAll, NORTH, SOUTH);
    }

    /** A form version, a signed report on it, an addendum and its signature, all for {@code tenant}. */
    static UUID insertAll(Connection c, String tenant) throws SQLException {
        UUID form = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        write(c, "insert into incident_form_version (id, tenant_id, version, content_hash, document, source, published_at, "
                + "published_by) values (?, ?, (select coalesce(max(version), 0) + 1 from incident_form_version), ?, '{}', 'test', "
                + "now(), 'test')", form, tenant, HASH);
        write(c, "insert into incident_report (id, tenant_id, form_version_id, form_version, form_hash, category, branch_code, "
                + "occurred_at, reporter_username, answers, staff_names, patron_references, status, needs_verbal_report, "
                + "needs_countersign, created_at, updated_at, submitted_at) values (?, ?, ?, 1, ?, 'theft', 'HQ', now(), 'sam', '{}', "
                + "'{}', '[]', 'SUBMITTED', false, false, now(), now(), now())", report, tenant, form, HASH);
        write(c, "insert into incident_addendum (id, tenant_id, report_id, seq, text, author_username, created_at, signature_seq) "
                + "values (?, ?, ?, 1, 'later', 'sam', now(), 2)", UUID.randomUUID(), tenant, report);
        write(c, "insert into incident_signature (id, tenant_id, report_id, seq, kind, signer_username, signed_at, content_hash, "
                + "previous_hash, hash) values (?, ?, ?, 1, 'REPORTER', 'sam', now(), ?, ?, ?)", UUID.randomUUID(), tenant, report, HASH,
                HASH, HASH);
        return report;
    }

    @Test
    void the_application_role_cannot_change_or_remove_signatures_addenda_or_form_versions() throws SQLException {
        asApplication(db, SOUTH, c -> {
            for (String table : List.of("incident_signature", "incident_addendum", "incident_form_version", "incident_report")) {
                assertRefused(c, "delete from " + table, "permission denied");
            }
        });
        // Even the owner is stopped by the append-only trigger. Row-level security is forced, so the owner too must
        // bind the library system to reach its rows.
        bound(db.owner(), SOUTH, c -> assertRefused(c, "update incident_signature set hash = '" + "b".repeat(64) + "' where tenant_id = '"
                + SOUTH + "'", "never changed"));
    }

}
