package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
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

    void onSchemaReady(@Observes SchemaReady ready) {
        folder.path().ifPresent(this::apply);
    }

    private void apply(Path tenantsDir) {
        try {
            Plan plan = onboarding.applyFiles(onboarding.folder(tenantsDir), Caller.SYSTEM);
            LOG.info(() -> "tenant files in " + tenantsDir + " applied:\n" + plan.render());
        } catch (org.servicepoint.platform.control.Refusal refusal) {
            LOG.severe(() -> "tenant files in " + tenantsDir + " refused, nothing changed: " + refusal.forLog());
        } catch (RuntimeException e) {
            // e.g. another instance applied the same new tenant at the same moment: the database is whole either
            // way, and the service should still start.
            LOG.log(java.util.logging.Level.SEVERE, "tenant files in " + tenantsDir + " could not be applied; nothing changed", e);
        }
    }
}
