/** Shared persistence base (tenant-owned rows) and platform records such as the audit log. */
package org.servicepoint.platform.entity;
