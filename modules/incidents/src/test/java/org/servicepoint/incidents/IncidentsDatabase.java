package org.servicepoint.incidents;

import com.networknt.schema.InputFormat;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.function.Function;
import org.servicepoint.incidents.forms.control.FormDocuments;
import org.servicepoint.incidents.forms.control.IncidentFormStore;
import org.servicepoint.platform.testing.TenantTransactions;
import org.servicepoint.platform.testing.TestDatabase;

/**
 * The test JVM's PostgreSQL migrated with platform, tenancy (the tenant registry the tables reference) and
 * incidents, and EclipseLink on it, through the platform's {@link TenantTransactions}; these names stay so that
 * the incidents tests read as before.
 */
public final class IncidentsDatabase {

    public static final TenantTransactions INCIDENTS = TenantTransactions.of("incidents-test", "platform", "tenancy", "incidents");

    private IncidentsDatabase() {
    }

    public static TestDatabase db() {
        return INCIDENTS.db();
    }

    public static void tenant(String slug) {
        INCIDENTS.tenant(slug);
    }

    /** Registers the library system and publishes {@code yaml} as its form, checked against the fixture's positions. */
    public static void tenantWithForm(String tenant, String yaml) {
        tenant(tenant);
        inTenant(tenant, em -> new IncidentFormStore(Fixtures.CLOCK).publish(em,
                FormDocuments.read("form", yaml, InputFormat.YAML, Fixtures.library(tenant).positions().keySet()), "test", "system:system"));
    }

    public static EntityManagerFactory owner() {
        return INCIDENTS.owner();
    }

    public static <T> T inTenant(String tenant, Function<EntityManager, T> work) {
        return INCIDENTS.inTenant(tenant, work);
    }

    public static <T> T unbound(Function<EntityManager, T> work) {
        return INCIDENTS.unbound(work);
    }

    public static <T> T asOwner(String tenant, Function<EntityManager, T> work) {
        return INCIDENTS.asOwner(tenant, work);
    }

    public static void asOwnerSql(String... statements) {
        INCIDENTS.asOwnerSql(statements);
    }
}
