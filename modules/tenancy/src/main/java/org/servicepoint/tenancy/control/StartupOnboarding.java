package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.SchemaReady;

/**
 * Applies the tenant files of {@code servicepoint.tenants.dir} (each {@code tenant.yaml} and the files beside it that
 * a {@link TenantFileKind} reads) once the schema is ready (the local run
 * points it at the repository's tenants/ folder). A bad file stops nothing else: it is logged, and the
 * database keeps what it had.
 */
@ApplicationScoped
public class StartupOnboarding {

    private static final Logger LOG = Logger.getLogger(StartupOnboarding.class.getName());

    @Inject
    TenantFolder folder;

    @Inject
    Onboarding onboarding;

    @Inject
    TenantFileRecords records;

    @Inject
    Event<TenantsApplied> applied;

    void onSchemaReady(@Observes SchemaReady ready) {
        folder.path().ifPresent(this::apply);
    }

    /**
     * Applies what changed in the folder since it was last applied. A file applied before with the same content is
     * skipped, so an edit made in the app since is kept; a library system with a changed file whose content the app
     * edited since is left as it is, with a warning (docs/decisions/0014-files-and-screens-agree.md).
     */
    public void apply(Path tenantsDir) {
        try {
            TenantFileRecords.StartupChoice choice = records.choose(onboarding.folder(tenantsDir));
            choice.warnings().forEach(warning -> LOG.warning(() -> "tenant files in " + tenantsDir + ": " + warning));
            if (!choice.apply().isEmpty()) {
                Plan plan = onboarding.applyFiles(choice.apply(), Caller.SYSTEM);
                LOG.info(() -> "tenant files in " + tenantsDir + " applied:\n" + plan.render());
            } else {
                LOG.info(() -> "tenant files in " + tenantsDir + ": nothing changed since they were last applied");
            }
            inStep(choice.notApplied());
        } catch (org.servicepoint.platform.control.Refusal refusal) {
            LOG.severe(() -> "tenant files in " + tenantsDir + " refused, nothing changed: " + refusal.forLog());
        } catch (RuntimeException e) {
            // e.g. another instance applied the same new tenant at the same moment: the database is whole either
            // way, and the service should still start.
            LOG.log(java.util.logging.Level.SEVERE, "tenant files in " + tenantsDir + " could not be applied; nothing changed", e);
        }
    }

    /**
     * The realms of library systems whose tenant.yaml was not applied are still brought in step with it, as every
     * start did before files were skipped (a new Keycloak gets its realms and demo users back).
     */
    private void inStep(List<TenantDocuments.Source> tenantFiles) {
        if (!tenantFiles.isEmpty()) {
            // Outside a transaction the observers, waiting for a successful one, are told at once.
            applied.fire(new TenantsApplied(TenantDocuments.readAll(tenantFiles)));
        }
    }
}
