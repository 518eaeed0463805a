package org.servicepoint.incidents.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;
import org.servicepoint.platform.entity.TenantOwned;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * The test JVM's PostgreSQL migrated with platform, tenancy (the tenant registry the tables reference) and
 * incidents, and EclipseLink on it: as the application role with both walls bound per transaction (as
 * {@code TenantDatabase} does under JTA), or as the superuser, whom row-level security does not bind (wall 1 alone).
 */
public final class IncidentsDatabase {

    private static EntityManagerFactory app;
    private static EntityManagerFactory owner;

    private IncidentsDatabase() {
    }

    public static synchronized TestDatabase db() {
        return TestDatabase.migratedWith("platform", "tenancy", "incidents");
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
        return Persistence.createEntityManagerFactory("incidents-test", Map.of(
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
            if (tenant != null) {
                Connection connection = em.unwrap(Connection.class);
                try (PreparedStatement p = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    p.setString(1, tenant);
                    p.execute();
                }
                em.setProperty(TenantOwned.TENANT_PROPERTY, tenant);
            }
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

    /** One transaction as the application role with no tenant bound: only the definer functions answer anything. */
    public static <T> T unbound(Function<EntityManager, T> work) {
        return inTenant(null, work);
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

    /** Plain SQL as the superuser, in one transaction (e.g. to tamper with a row behind the application's back). */
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
