package org.servicepoint.tenancy.control;

import java.util.List;

/**
 * Fired after an apply has committed, with the documents applied (demo users included). Contexts that keep
 * something outside the database in step with the tenants (the identity realms) observe it after success.
 */
public record TenantsApplied(List<TenantSpec> tenants) {
}
