package org.servicepoint.standards.control;

import com.networknt.schema.InputFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.TenantFileKind;
import org.servicepoint.tenancy.control.TenantFileRun;

/**
 * {@code tenants/<slug>/standards.yaml} in onboarding's plan and apply (operator, launcher, start-up): read and checked
 * against the catalogue and the library system's positions, compared entry by entry, stored when applied.
 */
@ApplicationScoped
public class StandardsFile implements TenantFileKind {

    @PersistenceContext(unitName = "standards")
    EntityManager em;

    @Inject
    TenantWork work;

    @Inject
    ServiceStandards standards;

    @Override
    public String fileName() {
        return AdoptionDocuments.FILE_NAME;
    }

    @Override
    @Transactional
    public List<Plan.Change> run(TenantFileRun run) {
        TenantWork.Acting at = work.actFor(em, run.tenant(), run.write() ? run.applyingAs() : Caller.SYSTEM);
        return standards.run(at, run.source().path(), run.source().content(), InputFormat.YAML, run.positions(), run.write());
    }
}
