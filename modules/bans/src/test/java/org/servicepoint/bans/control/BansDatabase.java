package org.servicepoint.bans.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.servicepoint.platform.entity.TenantOwned;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * The test JVM's PostgreSQL migrated as in production up to bans (platform, tenancy, confidentiality, incidents,
 * bans), and EclipseLink on it: as the application role with both walls bound per transaction (as
 * {@code TenantDatabase} does under JTA), or as the superuser, whom row-level security does not bind (wall 1 alone).
 */
public final class BansDatabase {

    private static EntityManagerFactory app;
    private static EntityManagerFactory owner;

    private BansDatabase() {
    }

    public static synchronized TestDatabase db() {
        return TestDatabase.migratedWith("platform", "tenancy", "confidentiality", "incidents", "bans");
    }

    /** Registers a library system (platform data, so as the owner); nothing happens if it exists. */
    public static void tenant(String slug) {
        try (Connection c = db().superuser().getConnection();
             PreparedStatement p = c.prepareStatement("insert into tenant (slug, name, time_zone, locale, status, created_at, updated_at) "
                     + "values (?, ?, 'America/Chicago', 'en-US', 'ACTIVE', now(), now()) on conflict (slug) do nothing")) {
            p.setString(1, slug);
            p.setString(2, "Library system " + slug);
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed incident report of the library system, written as the owner (the incidents module's own tests cover how). */
    public static UUID incidentReport(String tenant) {
        UUID form = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        String hash = "d".repeat(64);
        asOwnerSql("insert into incident_form_version (id, tenant_id, version, content_hash, document, source, published_at, published_by) "
                        + "values ('" + form + "', '" + tenant + "', (select coalesce(max(version), 0) + 1 from incident_form_version "
                        + "where tenant_id = '" + tenant + "'), '" + hash + "', '{}', 'test', now(), 'test')",
                "insert into incident_report (id, tenant_id, form_version_id, form_version, form_hash, category, branch_code, occurred_at, "
                        + "reporter_username, answers, staff_names, patron_references, status, needs_verbal_report, needs_countersign, "
                        + "created_at, updated_at, submitted_at) values ('" + report + "', '" + tenant + "', '" + form + "', 1, '" + hash
                        + "', 'computer-use-ban', 'NORTH', now(), 'sam', '{}', '{}', '[]', 'SUBMITTED', false, false, now(), now(), now())");
        return report;
    }

    public static synchronized EntityManagerFactory app() {
        if (app == null) {
            app = factory(TestDatabase.APP);
        }
        return app;
    }

    public static synchronized EntityManagerFactory owner() {
        if (owner == null) {
            owner = factory(TestDatabase.SUPERUSER);
        }
        return owner;
    }

    private static EntityManagerFactory factory(String user) {
        return Persistence.createEntityManagerFactory("bans-test", Map.of(
                "jakarta.persistence.jdbc.url", db().url(),
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", ""));
    }

    /** One transaction as the application role, bound to a tenant on both walls; rolled back if the work throws. */
    public static <T> T inTenant(String tenant, Function<EntityManager, T> work) {
        EntityManager em = app().createEntityManager();
        try {
            em.getTransaction().begin();
            // The transaction's own connection, so the transaction-local setting covers every later statement.
            Connection connection = em.unwrap(Connection.class);
            try (PreparedStatement p = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                p.setString(1, tenant);
                p.execute();
            }
            em.setProperty(TenantOwned.TENANT_PROPERTY, tenant);
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** One transaction as the superuser with only the EclipseLink tenant set. */
    public static <T> T asOwner(String tenant, Function<EntityManager, T> work) {
        EntityManager em = owner().createEntityManager();
        try {
            if (tenant != null) {
                em.setProperty(TenantOwned.TENANT_PROPERTY, tenant);
            }
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Plain SQL as the superuser, in one transaction. */
    public static void asOwnerSql(String... statements) {
        try (Connection c = db().superuser().getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
