package org.servicepoint.tenancy.control;

import java.util.Set;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;

/**
 * One file of one library system in a plan or apply run.
 *
 * @param positions  the position codes the library system has: from the {@code tenant.yaml} in the same run, else
 *                   from the database (a new library system's positions exist in a plan before they are applied)
 * @param applyingAs who applies; null when only planning
 */
public record TenantFileRun(TenantId tenant, TenantDocuments.Source source, Set<String> positions, Caller applyingAs) {

    public boolean write() {
        return applyingAs != null;
    }
}
