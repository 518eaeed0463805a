package org.servicepoint.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.servicepoint.platform.entity.TenantOwned;

/**
 * A module's persistence unit on the test JVM's PostgreSQL ({@link TestDatabase}), with one transaction per call:
 * as the application role with both walls bound (as {@code TenantDatabase} does under JTA), or as the superuser,
 * whom row-level security does not bind, so that only wall 1 (the EclipseLink filter) keeps tenants apart.
 * Each module's database tests hold one of these instead of their own copy.
 */
public final class TenantTransactions {

    private final String unit;
    private final List<String> modules;
    private EntityManagerFactory app;
    private EntityManagerFactory owner;

    private TenantTransactions(String unit, List<String> modules) {
        this.unit = unit;
        this.modules = modules;
    }

    /** The test persistence unit {@code unit} on the database migrated with {@code modules} (in that order). */
    public static TenantTransactions of(String unit, String... modules) {
        return new TenantTransactions(unit, List.of(modules));
    }

    public TestDatabase db() {
        return TestDatabase.migratedWith(modules.toArray(String[]::new));
    }

    /** Registers library systems (tenancy's registry, written as the superuser); nothing happens to one that exists. */
    public void tenant(String... slugs) {
        try (Connection c = db().superuser().getConnection()) {
            for (String slug : slugs) {
                WallChecks.write(c, "insert into tenant (slug, name, time_zone, locale, status, created_at, updated_at) "
                        + "values (?, ?, 'America/Chicago', 'en-US', 'ACTIVE', now(), now()) on conflict (slug) do nothing",
                        slug, "Library system " + slug);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Entities one tenant owns, persisted through an entity manager set to that tenant; what the test keeps of them. */
    @FunctionalInterface
    public interface TenantEntities<T> {
        T persist(EntityManager em, String tenant);
    }

    /**
     * Wall 1 alone: each tenant's entities written as the superuser with only the EclipseLink tenant set, one
     * transaction each; what each returned, by tenant. The walls tests of every module seed their tenants this way.
     */
    public <T> Map<String, T> seedAsOwner(TenantEntities<T> entities, String... tenants) {
        Map<String, T> written = new LinkedHashMap<>();
        for (String tenant : tenants) {
            written.put(tenant, asOwner(tenant, em -> entities.persist(em, tenant)));
        }
        return written;
    }

    /** EclipseLink as the application role: row-level security applies. */
    public synchronized EntityManagerFactory app() {
        if (app == null) {
            app = factory(TestDatabase.APP);
        }
        return app;
    }

    /** EclipseLink as the superuser: only the multitenant filter applies. */
    public synchronized EntityManagerFactory owner() {
        if (owner == null) {
            owner = factory(TestDatabase.SUPERUSER);
        }
        return owner;
    }

    private EntityManagerFactory factory(String user) {
        return Persistence.createEntityManagerFactory(unit, Map.of(
                "jakarta.persistence.jdbc.url", db().url(),
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", ""));
    }

    /** One transaction as the application role, bound to a tenant on both walls; rolled back if the work throws. */
    public <T> T inTenant(String tenant, Function<EntityManager, T> work) {
        EntityManager em = app().createEntityManager();
        try {
            em.getTransaction().begin();
            if (tenant != null) {
                // The transaction's own connection, so the transaction-local setting covers every later statement.
                WallChecks.bind(em.unwrap(Connection.class), tenant);
                em.setProperty(TenantOwned.TENANT_PROPERTY, tenant);
            }
            return finish(em, work);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            close(em);
        }
    }

    /** One transaction as the application role with no tenant bound: only the definer functions answer anything. */
    public <T> T unbound(Function<EntityManager, T> work) {
        return inTenant(null, work);
    }

    /** One transaction as the superuser with only the EclipseLink tenant set (none if {@code tenant} is null). */
    public <T> T asOwner(String tenant, Function<EntityManager, T> work) {
        EntityManager em = owner().createEntityManager();
        try {
            if (tenant != null) {
                em.setProperty(TenantOwned.TENANT_PROPERTY, tenant);
            }
            em.getTransaction().begin();
            return finish(em, work);
        } finally {
            close(em);
        }
    }

    /** As {@link #asOwner}, for checks that give nothing back. */
    public void checkAsOwner(String tenant, Consumer<EntityManager> checks) {
        asOwner(tenant, em -> {
            checks.accept(em);
            return null;
        });
    }

    /**
     * Wall 1: the entity {@code id}, written for {@code owner}, is found by its owner and not by {@code other}, each
     * reading as the superuser with only the EclipseLink tenant set.
     */
    public void assertFoundOnlyBy(String owner, String other, Class<?> type, Object id) {
        Object byOther = asOwner(other, em -> em.find(type, id));
        Object byOwner = asOwner(owner, em -> em.find(type, id));
        assertThat(byOther).as("%s %s read by %s", type.getSimpleName(), id, other).isNull();
        assertThat(byOwner).as("%s %s read by %s", type.getSimpleName(), id, owner).isNotNull();
    }

    /** Plain SQL as the superuser, in one transaction (to seed, or to tamper with rows behind the application's back). */
    public void asOwnerSql(String... statements) {
        try (Connection c = db().superuser().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T finish(EntityManager em, Function<EntityManager, T> work) {
        T result = work.apply(em);
        em.getTransaction().commit();
        return result;
    }

    private static void close(EntityManager em) {
        if (em.getTransaction().isActive()) {
            em.getTransaction().rollback();
        }
        em.close();
    }
}
