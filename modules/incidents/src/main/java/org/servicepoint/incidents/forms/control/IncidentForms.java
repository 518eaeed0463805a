package org.servicepoint.incidents.forms.control;

import com.networknt.schema.InputFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicepoint.incidents.forms.entity.IncidentFormVersion;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Roles;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.ConfigurationEdited;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.Plan;

/**
 * A library system's incident form and its versions. Any staff member reads it; tenant administrators plan and
 * publish new versions (onboarding publishes {@code incident-form.yaml} through {@link IncidentFormFile}). Publishing
 * the current content again changes nothing.
 */
@ApplicationScoped
public class IncidentForms {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    LibraryWork work;

    /** Tells tenancy that the app changed what incident-form.yaml declares (decision 0014), in the same transaction. */
    @Inject
    Event<ConfigurationEdited> edited;

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

    /** The current form and the positions its categories may go to: where the tenant administrator's editor starts. */
    @Transactional
    public FormEditing editing(TenantId tenant, Caller caller) {
        editors(tenant, caller);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        Library library = Library.of(at.outline());
        FormView current = store().current(at.db()).map(v -> IncidentFormStore.view(v, library))
                .orElseGet(() -> IncidentFormStore.defaultView(library));
        List<FormEditing.Recipient> positions = library.positions().values().stream()
                .map(p -> new FormEditing.Recipient(p.code(), p.name(), p.may().contains(Library.RECEIVE))).toList();
        return new FormEditing(current, positions);
    }

    /**
     * What publishing this form would change, checked exactly as publishing checks it (a refusal names every problem
     * with its field); nothing is written.
     */
    @Transactional
    public FormPlan plan(TenantId tenant, Caller caller, String source, String text, InputFormat format) {
        editors(tenant, caller);
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        Library library = Library.of(at.outline());
        FormDocuments.Checked form = FormDocuments.read(source, text, format, library.positions().keySet());
        Plan.Change change = store().plan(at.db(), tenant.value(), form);
        Integer current = store().current(at.db()).map(IncidentFormVersion::version).orElse(null);
        Integer next = change.action() == Plan.Action.UNCHANGED ? null : current == null ? 1 : current + 1;
        Map<String, List<String>> recipients = new LinkedHashMap<>();
        form.form().categories().forEach(c -> recipients.put(c.code(), library.recipients(c)));
        return new FormPlan(current, next, change, form.form(), recipients);
    }

    /**
     * Checks a form (schema, rules, recipients against this library system's positions) and makes it the next version
     * unless it is the same as the current one. {@code source} names the document in errors and in the version;
     * {@code basedOn}, when given, is the version the editor started from (0: the built-in form): if another was
     * published since, nothing is published (409), so one administrator never silently undoes another's version.
     */
    @Transactional
    public Publication publish(TenantId tenant, Caller caller, String source, String text, InputFormat format, Integer basedOn) {
        Access.require(Access.isSystem(caller) || Access.isStaff(caller, tenant)
                && caller.roles().contains(Roles.TENANT_ADMIN), Text.of("incidents.forbidden.publish"));
        LibraryWork.InLibrary at = work.actFor(em, tenant, caller);
        Library library = Library.of(at.outline());
        FormDocuments.Checked form = FormDocuments.read(source, text, format, library.positions().keySet());
        if (basedOn != null) {
            int current = store().current(at.db()).map(IncidentFormVersion::version).orElse(0);
            if (current != basedOn) {
                throw Refusal.conflict(Text.of("incidents.form.changed-meanwhile", current, basedOn));
            }
        }
        IncidentFormStore.Published published = store().publish(at.db(), form, source, caller.auditName());
        if (published.changed()) {
            audit(at, published, form, source);
            if (!Access.isSystem(caller)) {
                edited.fire(new ConfigurationEdited(tenant, FormDocuments.FILE_NAME, caller));
            }
        }
        return new Publication(published.changed(), IncidentFormStore.summary(published.current()));
    }

    /** The one audit line of a new version, whoever published it (the API, or onboarding from the file). */
    static void audit(TenantWork.Acting at, IncidentFormStore.Published published, FormDocuments.Checked form, String source) {
        at.audit("incident-form.publish", "tenant/" + at.tenant() + "/incident-forms/" + published.current().version(),
                "version " + published.current().version() + ", sha256 " + form.hash() + ", from " + source);
    }

    private static void editors(TenantId tenant, Caller caller) {
        Access.require(Access.isStaff(caller, tenant) && caller.roles().contains(Roles.TENANT_ADMIN),
                Text.of("incidents.forbidden.edit-form"));
    }

    private static void readers(TenantId tenant, Caller caller) {
        Access.require(Access.isSystem(caller) || Access.isStaff(caller, tenant), Text.of("incidents.forbidden.staff-only"));
    }

    private IncidentFormStore store() {
        return new IncidentFormStore(clock);
    }
}
