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
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.TenantFileKind;
import org.servicepoint.tenancy.control.TenantFileRun;

/**
 * {@code tenants/<slug>/incident-form.yaml} in onboarding's plan and apply (start-up from the tenants folder, the
 * launcher's plan/apply, the operator's API), in onboarding's transaction: read and checked against the positions of
 * the run (file, line and field named), compared with the current version ({@link FormChanges}), and published as the
 * next version when applied and different. The same file again publishes nothing.
 */
@ApplicationScoped
public class IncidentFormFile implements TenantFileKind {

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    TenantWork work;

    Clock clock = Clock.systemUTC();

    @Override
    public String fileName() {
        return FormDocuments.FILE_NAME;
    }

    @Override
    @Transactional
    public List<Plan.Change> run(TenantFileRun run) {
        String source = run.source().path();
        FormDocuments.Checked form = FormDocuments.read(source, run.source().content(), InputFormat.YAML, run.positions());
        // A library system planned in the same run may not exist yet: its form is compared with nothing stored.
        TenantWork.Acting at = work.actFor(em, run.tenant(), run.write() ? run.applyingAs() : Caller.SYSTEM);
        IncidentFormStore store = new IncidentFormStore(clock);
        Plan.Change change = store.plan(at.db(), run.tenant().value(), form);
        if (run.write() && change.action() != Plan.Action.UNCHANGED) {
            IncidentFormStore.Published published = store.publish(at.db(), form, source, run.applyingAs().auditName());
            IncidentForms.audit(at, published, form, source);
        }
        return List.of(change);
    }
}
