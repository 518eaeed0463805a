package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.tenancy.entity.Tenant;

/**
 * Health and usage of a library system for the operator: counts, sizes and times only. The database function
 * {@code platform_tenant_usage()} (platform V30) reads them for the tenant the transaction is bound to, so no row's
 * content ever leaves the database.
 */
@ApplicationScoped
public class TenantUsage {

    private static final Logger LOG = Logger.getLogger(TenantUsage.class.getName());

    /** Whether a library system's realm exists in Keycloak; the identity context answers (null: cannot tell). */
    public interface RealmCheck {
        Boolean realmPresent(String slug);
    }

    /**
     * One library system's figures. {@code storageBytes} is the sum of {@code pg_column_size} of each of its rows in
     * every table with a tenant_id (indexes and free space not counted). {@code configurationDrift} tells whether the
     * app changed anything one of its files declares since that file was last applied (decision 0014).
     */
    public record Figures(long staff, long branches, long incidentReportsThisMonth, long storageBytes, Instant lastActivity,
                          long mailBacklog, Boolean realmPresent, Boolean configurationDrift) {
    }

    @PersistenceContext(unitName = "tenancy")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    Instance<RealmCheck> realms;

    @Transactional
    public Figures of(Tenant tenant) {
        EntityManager bound = tenantDatabase.bind(em, tenant.id());
        long branches = (Long) bound.createQuery("select count(b) from Branch b").getSingleResult();
        Object[] row = (Object[]) bound.createNativeQuery("select staff, incident_reports_this_month, storage_bytes, "
                + "last_activity, mail_backlog from platform_tenant_usage()").getSingleResult();
        return new Figures(number(row[0]), branches, number(row[1]), number(row[2]), instant(row[3]), number(row[4]),
                realmPresent(tenant.slug()),
                (Long) bound.createQuery("select count(f) from TenantFile f where f.editedAt is not null").getSingleResult() > 0);
    }

    private Boolean realmPresent(String slug) {
        if (realms.isUnsatisfied()) {
            return null;
        }
        try {
            return realms.get().realmPresent(slug);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not ask Keycloak whether realm " + slug + " exists", e);
            return null;
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return value instanceof Instant instant ? instant : null;
    }
}
