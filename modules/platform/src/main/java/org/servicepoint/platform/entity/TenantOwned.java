package org.servicepoint.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;

/**
 * Base of every row a library system owns. Wall 1 of tenant isolation: EclipseLink adds
 * {@code tenant_id = ?} to every query and fills it on insert from the entity manager's tenant property;
 * wall 2 is the row-level security policy each migration puts on the table.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "tenant_id", contextProperty = TenantOwned.TENANT_PROPERTY, length = 40)
public abstract class TenantOwned {

    /** EclipseLink's default multitenant context property. */
    public static final String TENANT_PROPERTY = "eclipselink.tenant-id";

    @Column(name = "tenant_id", insertable = false, updatable = false)
    private String tenantId;

    /** The owning tenant as stored; read-only, EclipseLink writes the column. */
    public String tenantId() {
        return tenantId;
    }
}
