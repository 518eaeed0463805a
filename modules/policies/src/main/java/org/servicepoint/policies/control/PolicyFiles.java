package org.servicepoint.policies.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.tenancy.control.Plan;
import org.servicepoint.tenancy.control.TenantDirectory;
import org.servicepoint.tenancy.control.TenantFileKind;
import org.servicepoint.tenancy.control.TenantFileRun;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * {@code tenants/<slug>/policies.yaml}, planned and applied by onboarding with the library system's tenant.yaml (at
 * start-up from the tenants folder, by the launcher's plan/apply, and by the operator's API), in onboarding's
 * transaction. See {@link PolicyChanges} for what applying changes.
 */
@ApplicationScoped
public class PolicyFiles implements TenantFileKind {

    @PersistenceContext(unitName = "policies")
    EntityManager em;

    @Inject
    TenantWork work;

    @Inject
    TenantDirectory directory;

    Clock clock = Clock.systemUTC();

    @Override
    public String fileName() {
        return PolicyDocuments.FILE_NAME;
    }

    @Override
    public List<Plan.Change> run(TenantFileRun run) {
        TenantOutline stored = stored(run);
        List<PolicySpec> wanted = PolicyDocuments.readFile(run.source().path(), run.source().content(),
                positions(run.positions(), stored));
        TenantWork.Acting at = work.actFor(em, run.tenant(), run.write() ? run.applyingAs() : Caller.SYSTEM);
        PolicyChanges.Writing writing = !run.write() ? null : new PolicyChanges.Writing(SearchLanguage.of(stored.language()),
                run.applyingAs().auditName(), clock.instant(), at::audit);
        return PolicyChanges.run(at.db(), run.tenant().value(), wanted, true, writing);
    }

    /**
     * The positions to check the file against. Which of them may grant exceptions is known only from the stored
     * library system, and only trusted while its positions are the ones of the run (a tenant.yaml of the same run may
     * change them; when applying, the tenant.yaml is already stored and this is exact).
     */
    static PolicyDocuments.Positions positions(Set<String> codes, TenantOutline stored) {
        boolean current = stored != null && stored.positionNames().keySet().equals(codes);
        return new PolicyDocuments.Positions(codes, current ? stored.positionsThatMay(PolicyDocuments.GRANT) : null);
    }

    /**
     * The library system as stored: when applying it always is (its tenant.yaml is applied first); when planning a new
     * one it is not yet. Asked rather than caught: a refusal inside the run's transaction would mark it for rollback.
     * (A suspended library system is planned against its position codes only.)
     */
    private TenantOutline stored(TenantFileRun run) {
        TenantId tenant = run.tenant();
        return run.write() || directory.activeSlugs().contains(tenant.value()) ? directory.outline(tenant) : null;
    }
}
