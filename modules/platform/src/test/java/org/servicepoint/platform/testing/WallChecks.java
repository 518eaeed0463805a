package org.servicepoint.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.servicepoint.platform.entity.TenantOwned;

/**
 * The two tenant walls, each checked alone. Wall 1 (the EclipseLink filter) with EclipseLink connected as the
 * superuser, whom row-level security does not bind; wall 2 (row-level security) in plain SQL as the application
 * role, bound the way {@code TenantDatabase} binds a transaction.
 */
public final class WallChecks {

    private WallChecks() {
    }

    /** Wall 2: binds the connection's current transaction to a tenant (the setting ends with the transaction). */
    public static void bind(Connection c, String tenant) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            p.setString(1, tenant);
            p.execute();
        }
    }

    /** Runs one statement with {@code parameters} in order (ids, tenant slugs, texts): how many rows it wrote. */
    public static int write(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i]);
            }
            return p.executeUpdate();
        }
    }

    /** Rows written in plain SQL for one tenant, on a connection bound to it. */
    @FunctionalInterface
    public interface TenantRows {
        void insert(Connection c, String tenant) throws SQLException;
    }

    /** Wall 2: as the application role, each tenant's rows written in its own transaction, bound to it. */
    public static void seedAsApplication(TestDatabase db, TenantRows rows, String... tenants) throws SQLException {
        try (Connection c = db.app().getConnection()) {
            c.setAutoCommit(false);
            for (String tenant : tenants) {
                bind(c, tenant);
                rows.insert(c, tenant);
                c.commit();
            }
        }
    }

    /** Checks in plain SQL on a connection bound to a tenant. */
    @FunctionalInterface
    public interface BoundWork {
        void run(Connection c) throws SQLException;
    }

    /**
     * Wall 2: {@code work} as the application role in one transaction bound to {@code tenant}, rolled back afterwards,
     * so that what a check managed to write stays out of the other tests' way.
     */
    public static void asApplication(TestDatabase db, String tenant, BoundWork work) throws SQLException {
        bound(db.app(), tenant, work);
    }

    /** As {@link #asApplication}, connected as {@code role}: the owner, say, whom FORCEd row-level security binds too. */
    public static void bound(DataSource role, String tenant, BoundWork work) throws SQLException {
        try (Connection c = role.getConnection()) {
            c.setAutoCommit(false);
            bind(c, tenant);
            try {
                work.run(c);
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * {@code sql} fails with a message holding {@code because}. The failure is rolled back to a savepoint, so the
     * transaction goes on, still bound to its tenant, for the next check.
     */
    public static void assertRefused(Connection c, String sql, String because) throws SQLException {
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(sql)).as(sql).hasMessageContaining(because);
        }
        c.rollback(before);
    }

    /** Wall 1: writing a tenant-owned entity with no tenant set fails loudly instead of writing a row nobody owns. */
    public static void assertWriteWithoutTenantFails(EntityManagerFactory superuser, Object entity) {
        EntityManager nobody = superuser.createEntityManager();
        try {
            nobody.getTransaction().begin();
            assertThatThrownBy(() -> {
                nobody.persist(entity);
                nobody.flush();
            }).hasMessageContaining("without a tenant");
        } finally {
            if (nobody.getTransaction().isActive()) {
                nobody.getTransaction().rollback();
            }
            nobody.close();
        }
    }

    /** Wall 1: every row of each entity type that {@code em}, set to {@code tenant}, finds by query belongs to that tenant. */
    @SafeVarargs
    public static void assertQueriesSeeOnly(EntityManager em, String tenant, Class<? extends TenantOwned>... types) {
        for (Class<? extends TenantOwned> type : types) {
            List<String> owners = em.createQuery("select x from " + type.getSimpleName() + " x", type).getResultList().stream()
                    .map(TenantOwned::tenantId).toList();
            assertThat(owners).as(type.getSimpleName()).containsOnly(tenant);
        }
    }

    /**
     * Wall 1: the row that {@code sql} finds for {@code id}, read as the superuser, exists and every column it selects
     * (the {@code tenant_id} of each joined table) holds {@code tenant}.
     */
    public static void assertStamped(TestDatabase db, String tenant, String sql, Object id) throws SQLException {
        List<String> stamped = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, id);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).as("a row for " + id).isTrue();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    stamped.add(rs.getString(column));
                }
            }
        }
        assertThat(stamped).isNotEmpty().containsOnly(tenant);
    }
}
