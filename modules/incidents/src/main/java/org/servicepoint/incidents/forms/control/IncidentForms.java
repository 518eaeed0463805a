package org.servicepoint.incidents.forms.control;

import com.networknt.schema.InputFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.servicepoint.platform.control.AuditLog;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.TenantDatabase;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.TenantDirectory;

/**
 * A library system's incident form and its versions. Any staff member reads it; tenant administrators (and the
 * start-up, from the tenant files) publish new versions. Publishing the current content again changes nothing.
 */
@ApplicationScoped
public class IncidentForms {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    TenantDatabase tenantDatabase;

    @Inject
    TenantDirectory directory;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** The current version, or the built-in default (without a version) while the library system has none. */
    @Transactional
    public FormView current(TenantId tenant, Caller caller) {
        readers(tenant, caller);
        Library library = Library.of(directory.outline(tenant));
        return store().current(bound(tenant)).map(v -> IncidentFormStore.view(v, library))
                .orElseGet(() -> IncidentFormStore.defaultView(library));
    }

    @Transactional
    public List<FormVersionSummary> versions(TenantId tenant, Caller caller) {
        readers(tenant, caller);
        return store().versions(bound(tenant)).stream().map(IncidentFormStore::summary).toList();
    }

    @Transactional
    public FormView version(TenantId tenant, Caller caller, int version) {
        readers(tenant, caller);
        Library library = Library.of(directory.outline(tenant));
        return IncidentFormStore.view(store().version(bound(tenant), version), library);
    }

    /**
     * Checks a form (schema, rules, recipients against this library system's positions) and makes it the next version
     * unless it is the same as the current one. {@code source} names the document in errors and in the version.
     */
    @Transactional
    public Publication publish(TenantId tenant, Caller caller, String source, String text, InputFormat format) {
        Access.require(Access.isSystem(caller) || Access.isStaff(caller, tenant)
                && caller.roles().contains(Roles.TENANT_ADMIN), Text.of("incidents.forbidden.publish"));
        Library library = Library.of(directory.outline(tenant));
        FormDocuments.Checked form = FormDocuments.read(source, text, format, library.positions().keySet());
        IncidentFormStore.Published published = store().publish(bound(tenant), form, source, caller.auditName());
        if (published.changed()) {
            audit.success(tenant, caller, "incident-form.publish", "tenant/" + tenant + "/incident-forms/" + published.current().version(),
                    "version " + published.current().version() + ", sha256 " + form.hash() + ", from " + source);
        }
        return new Publication(published.changed(), IncidentFormStore.summary(published.current()));
    }

    private static void readers(TenantId tenant, Caller caller) {
        Access.require(Access.isSystem(caller) || Access.isStaff(caller, tenant), Text.of("incidents.forbidden.staff-only"));
    }

    private IncidentFormStore store() {
        return new IncidentFormStore(clock);
    }

    private EntityManager bound(TenantId tenant) {
        return tenantDatabase.bind(em, tenant);
    }
}
