/**
 * Shared persistence base and values: tenant-owned rows ({@code TenantOwned}, {@code TenantRow}, {@code RowTimes}),
 * stored times, wire codes, a period within one day ({@code TimeRange}), and platform records such as the audit log.
 */
package org.servicepoint.platform.entity;
