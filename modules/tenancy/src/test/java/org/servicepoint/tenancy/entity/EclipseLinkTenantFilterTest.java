package org.servicepoint.tenancy.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicepoint.platform.testing.WallChecks.assertStamped;
import static org.servicepoint.platform.testing.WallChecks.assertWriteWithoutTenantFails;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.entity.TenantOwned;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * Wall 1 on its own: EclipseLink connected as the superuser, whom row-level security does not bind,
 * so whatever keeps the tenants apart here is the multitenant filter alone.
 */
class EclipseLinkTenantFilterTest {

    static TestDatabase db;
    static EntityManagerFactory emf;
    static UUID eastBranch;

    @BeforeAll
    static void start() {
        db = TestDatabase.migratedWith("platform", "tenancy");
        emf = Persistence.createEntityManagerFactory("tenancy-test", Map.of(
                "jakarta.persistence.jdbc.url", db.url(),
                "jakarta.persistence.jdbc.user", TestDatabase.SUPERUSER,
                "jakarta.persistence.jdbc.password", ""));
        for (String slug : List.of("orm-east", "orm-west")) {
            EntityManager em = as(slug);
            em.getTransaction().begin();
            em.persist(new Tenant(TenantId.of(slug), slug, ZoneId.of("UTC"), Locale.US, Tenant.Status.ACTIVE));
            em.flush();
            Branch branch = new Branch("MAIN");
            branch.describe("Main of " + slug, true, null, null);
            em.persist(branch);
            em.getTransaction().commit();
            if (slug.equals("orm-east")) {
                eastBranch = branch.id();
            }
            em.close();
        }
    }

    @AfterAll
    static void stop() {
        emf.close();
    }

    static EntityManager as(String tenant) {
        EntityManager em = emf.createEntityManager();
        em.setProperty(TenantOwned.TENANT_PROPERTY, tenant);
        return em;
    }

    @Test
    void the_database_holds_both_tenants_rows() throws SQLException {
        try (Connection c = db.superuser().getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from branch where tenant_id in ('orm-east', 'orm-west')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void queries_see_only_the_entity_managers_tenant() {
        EntityManager west = as("orm-west");
        List<Branch> branches = west.createQuery("select b from Branch b where b.code = 'MAIN'", Branch.class).getResultList();
        assertThat(branches).extracting(Branch::name).containsExactly("Main of orm-west");
        assertThat(branches).extracting(TenantOwned::tenantId).containsOnly("orm-west");
        west.close();
    }

    @Test
    void another_tenants_row_is_not_found_by_its_id() {
        EntityManager west = as("orm-west");
        assertThat(west.find(Branch.class, eastBranch)).isNull();
        west.close();
        EntityManager east = as("orm-east");
        assertThat(east.find(Branch.class, eastBranch)).isNotNull();
        east.close();
    }

    @Test
    void inserts_are_stamped_with_the_tenant() throws SQLException {
        EntityManager west = as("orm-west");
        west.getTransaction().begin();
        Branch branch = new Branch("STAMP");
        branch.describe("Stamped", false, null, null);
        west.persist(branch);
        west.getTransaction().commit();
        west.close();
        assertStamped(db, "orm-west", "select tenant_id from branch where id = ?", branch.id());
    }

    @Test
    void a_write_without_a_tenant_fails_loudly() {
        Branch branch = new Branch("ORPHAN");
        branch.describe("No tenant", false, null, null);
        assertWriteWithoutTenantFails(emf, branch);
    }

    @Test
    void a_bookmobiles_stops_are_saved_with_its_branch_and_stamped_with_the_tenant() throws SQLException {
        // A tenant of its own, so the other tests' counts of branches stay as they are.
        EntityManager east = as("orm-route");
        east.getTransaction().begin();
        east.persist(new Tenant(TenantId.of("orm-route"), "orm-route", ZoneId.of("UTC"), Locale.US, Tenant.Status.ACTIVE));
        east.flush();
        Branch branch = new Branch("ROUTE");
        branch.describe("Outreach", false, null, null);
        branch.organise(Map.of("bookmobile", "Bookmobile"), Map.of(), Map.of());
        branch.route(Map.of("bookmobile", List.of(
                new Stop("Oak Street School", java.time.DayOfWeek.MONDAY, org.servicepoint.platform.entity.TimeRange.parse("09:30-11:30")),
                new Stop("Mill Road", java.time.DayOfWeek.MONDAY, org.servicepoint.platform.entity.TimeRange.parse("12:00-13:30")))));
        east.persist(branch);
        east.getTransaction().commit();
        east.close();

        EntityManager again = as("orm-route");
        Branch read = again.find(Branch.class, branch.id());
        assertThat(read.servicePoints()).singleElement().satisfies(desk -> assertThat(desk.mobile()).isTrue());
        assertThat(read.stopsOf("bookmobile")).extracting(Stop::name).containsExactly("Oak Street School", "Mill Road");
        again.close();
        try (Connection c = db.superuser().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select distinct tenant_id from mobile_stop where branch_id = '"
                     + branch.id() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("orm-route");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void a_library_systems_fallback_language_is_kept_in_the_registry() {
        EntityManager em = as("orm-west");
        em.getTransaction().begin();
        em.find(Tenant.class, "orm-west").fallBackTo("es");
        em.getTransaction().commit();
        em.close();

        EntityManager again = as("orm-west");
        assertThat(again.find(Tenant.class, "orm-west").fallbackLanguage()).isEqualTo("es");
        again.close();
    }
}
