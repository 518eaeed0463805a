package org.servicepoint.confidentiality.control;

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
 * The test JVM's PostgreSQL with the platform's and confidentiality's migrations, and EclipseLink on it:
 * as the superuser (row-level security does not bind it, so only wall 1 separates tenants) or as the application
 * role (both walls, bound per transaction the way {@code TenantDatabase} does it in the container).
 */
public final class ConfidentialityDatabase {

    private static EntityManagerFactory owner;
    private static EntityManagerFactory app;

    private ConfidentialityDatabase() {
    }

    public static synchronized TestDatabase db() {
        return TestDatabase.migratedWith("platform", "confidentiality");
    }

    public static synchronized EntityManagerFactory owner() {
        if (owner == null) {
            owner = factory(TestDatabase.SUPERUSER);
        }
        return owner;
    }

    public static synchronized EntityManagerFactory app() {
        if (app == null) {
            app = factory(TestDatabase.APP);
        }
        return app;
    }

    private static EntityManagerFactory factory(String user) {
        return Persistence.createEntityManagerFactory("confidentiality-test", Map.of(
                "jakarta.persistence.jdbc.url", db().url(),
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", ""));
    }

    /** One transaction as the application role, bound to a tenant on both walls. */
    public static <T> T inTenant(String tenant, Function<EntityManager, T> work) {
        EntityManager em = app().createEntityManager();
        try {
            em.getTransaction().begin();
            // The transaction's own connection (EclipseLink starts the database transaction for it), so the
            // transaction-local setting holds for every statement that follows, as under JTA.
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

    /** The same as the superuser: wall 1 only. */
    public static <T> T asOwner(String tenant, Function<EntityManager, T> work) {
        EntityManager em = owner().createEntityManager();
        try {
            em.setProperty(TenantOwned.TENANT_PROPERTY, tenant);
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
}
