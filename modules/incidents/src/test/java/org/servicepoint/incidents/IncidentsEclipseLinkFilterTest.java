package org.servicepoint.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.incidents.IncidentsDatabase.INCIDENTS;
import static org.servicepoint.platform.testing.WallChecks.assertQueriesSeeOnly;
import static org.servicepoint.platform.testing.WallChecks.assertStamped;
import static org.servicepoint.platform.testing.WallChecks.assertWriteWithoutTenantFails;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.incidents.forms.entity.IncidentFormVersion;
import org.servicepoint.incidents.reports.entity.IncidentAddendum;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.incidents.reports.entity.IncidentSignature;
import org.servicepoint.incidents.reports.entity.SignatureKind;

/**
 * Wall 1 alone for the incident entities: EclipseLink connected as the superuser, whom row-level security does
 * not bind, so only the multitenant filter keeps the library systems apart.
 */
class IncidentsEclipseLinkFilterTest {

    static final String EAST = "inc-orm-east";
    static final String WEST = "inc-orm-west";
    static final String HASH = "c".repeat(64);
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-03-10T12:00:00Z");

    static UUID eastReport;
    static UUID eastForm;
    static UUID westReport;

    @BeforeAll
    static void twoTenants() {
        INCIDENTS.tenant(EAST, WEST);
        Map<String, IncidentReport> reports = INCIDENTS.seedAsOwner((em, tenant) -> {
            int next = em.createQuery("select v from IncidentFormVersion v", IncidentFormVersion.class).getResultList().size() + 1;
            IncidentFormVersion form = new IncidentFormVersion(next, HASH, "{}", "test", AT, "test");
            em.persist(form);
            em.flush();
            IncidentReport report = new IncidentReport(form.id(), form.version(), HASH, "theft", false, false, "HQ", AT, "sam",
                    "Sam", "library-assistant", AT);
            report.saveDraft(new byte[] {1}, "{}", "[]", null, AT);
            em.persist(report);
            em.flush();
            report.submitted(AT);
            em.persist(new IncidentSignature(report.id(), 1, SignatureKind.REPORTER, "sam", "Sam", null, AT, HASH, HASH, HASH));
            em.persist(new IncidentAddendum(UUID.randomUUID(), report.id(), 1, new byte[] {1}, "sam", "Sam", AT, 2));
            return report;
        }, EAST, WEST);
        eastForm = reports.get(EAST).formVersionId();
        eastReport = reports.get(EAST).id();
        westReport = reports.get(WEST).id();
    }

    @Test
    void queries_see_only_the_entity_managers_tenant() {
        INCIDENTS.checkAsOwner(WEST, em -> {
            assertQueriesSeeOnly(em, WEST, IncidentReport.class, IncidentSignature.class, IncidentAddendum.class, IncidentFormVersion.class);
            assertThat(em.createQuery("select s from IncidentSignature s where s.reportId = :r", IncidentSignature.class)
                    .setParameter("r", eastReport).getResultList()).isEmpty();
        });
    }

    @Test
    void another_tenants_rows_are_not_found_by_id() {
        INCIDENTS.assertFoundOnlyBy(EAST, WEST, IncidentReport.class, eastReport);
        INCIDENTS.assertFoundOnlyBy(EAST, WEST, IncidentFormVersion.class, eastForm);
        INCIDENTS.assertFoundOnlyBy(WEST, EAST, IncidentReport.class, westReport);
    }

    @Test
    void inserts_are_stamped_with_the_tenant() throws SQLException {
        assertStamped(IncidentsDatabase.db(), EAST, "select r.tenant_id, s.tenant_id, a.tenant_id from incident_report r "
                + "join incident_signature s on s.report_id = r.id join incident_addendum a on a.report_id = r.id where r.id = ?", eastReport);
    }

    @Test
    void a_write_without_a_tenant_fails_loudly() {
        IncidentSignature stray = new IncidentSignature(westReport, 9, SignatureKind.ADDENDUM, "x", null, null, AT, HASH, HASH, HASH);
        assertWriteWithoutTenantFails(IncidentsDatabase.owner(), stray);
    }
}
