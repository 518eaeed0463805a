package org.servicepoint.tenancy.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.entity.TenantId;

/**
 * The platform's {@link TenantWork} for the contexts that also need to know the library system they act in: its
 * outline or its whole document, read through {@link TenantDirectory} in the caller's transaction (a branch removed a
 * moment ago is gone here too).
 */
@ApplicationScoped
public class LibraryWork {

    @Inject
    TenantWork work;

    @Inject
    TenantDirectory directory;

    public InLibrary actFor(EntityManager em, TenantId tenant, Caller caller) {
        return new InLibrary(work.actFor(em, tenant, caller), directory);
    }

    /** {@link TenantWork.Acting}, and the library system acted in. */
    public static final class InLibrary extends TenantWork.Acting {

        private final TenantDirectory directory;

        InLibrary(TenantWork.Acting acting, TenantDirectory directory) {
            super(acting);
            this.directory = directory;
        }

        /** Name, zone, language, branch names and positions: enough for most work, and cheap. */
        public TenantOutline outline() {
            return directory.outline(tenant());
        }

        /** The whole document, with every branch's hours, desks and closures. */
        public TenantSpec document() {
            return directory.document(tenant());
        }
    }
}
