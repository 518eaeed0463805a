package org.servicepoint.tenancy.control;

import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;

/**
 * The app changed what a library system's file declares ({@code tenant.yaml} through the admin configuration API,
 * {@code policies.yaml} through the policy editor, …). Fire it synchronously inside the transaction that changed it:
 * tenancy records the edit in that transaction, so a later start-up apply of an unchanged or older file never replaces
 * the edit silently (docs/decisions/0014-files-and-screens-agree.md).
 *
 * @param fileName the file's name in {@code tenants/<slug>/}, e.g. {@code policies.yaml}
 */
public record ConfigurationEdited(TenantId tenant, String fileName, Caller caller) {
}
