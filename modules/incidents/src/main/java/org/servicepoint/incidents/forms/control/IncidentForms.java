package org.servicepoint.incidents.forms.control;

import com.networknt.schema.InputFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.LibraryWork;

/**
 * A library system's incident form and its versions. Any staff member reads it; tenant administrators (and the
 * start-up, from the tenant files) publish new versions. Publishing the current content again changes nothing.
 */
@ApplicationScoped
public class IncidentForms {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    LibraryWork work;

    Clock clock = Clock.systemUTC();

    /** The current version, or the built-in default (without a version) while the library system has none. */
    @Transactional
    public FormView current(TenantId tenant, Caller caller) {
        readers(tenant, caller);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        Library library = Library.of(at.outline());
        return store().current(at.db()).map(v -> IncidentFormStore.view(v, library))
                .orElseGet(() -> IncidentFormStore.defaultView(library));
    }

    @Transactional
    public List<FormVersionSummary> versions(TenantId tenant, Caller caller) {
        readers(tenant, caller);
        return store().versions(work.actFor(em, tenant, caller).db()).stream().map(IncidentFormStore::summary).toList();
    }

    @Transactional
    public FormView version(TenantId tenant, Caller caller, int version) {
        readers(tenant, caller);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        Library library = Library.of(at.outline());
        return IncidentFormStore.view(store().version(at.db(), version), library);
    }

    /**
     * Checks a form (schema, rules, recipients against this library system's positions) and makes it the next version
     * unless it is the same as the current one. {@code source} names the document in errors and in the version.
     */
    @Transactional
    public Publication publish(TenantId tenant, Caller caller, String source, String text, InputFormat format) {
        Access.require(Access.isSystem(caller) || Access.isStaff(caller, tenant)
                && caller.roles().contains(Roles.TENANT_ADMIN), Text.of("incidents.forbidden.publish"));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        Library library = Library.of(at.outline());
        FormDocuments.Checked form = FormDocuments.read(source, text, format, library.positions().keySet());
        IncidentFormStore.Published published = store().publish(at.db(), form, source, caller.auditName());
        if (published.changed()) {
            at.audit("incident-form.publish", "tenant/" + tenant + "/incident-forms/" + published.current().version(),
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
}
