package org.servicepoint.tenancy.control;

import java.util.List;

/**
 * A kind of file a library system keeps beside its {@code tenant.yaml} (e.g. {@code policies.yaml}), planned and
 * applied with it by onboarding: the module that owns the file provides one as a CDI bean, so tenancy reads and
 * applies files whose contents it does not know.
 */
public interface TenantFileKind {

    /** The file's name in {@code tenants/<slug>/}, e.g. {@code policies.yaml}. */
    String fileName();

    /**
     * Reads and checks the file (a {@link org.servicepoint.platform.control.Refusal} naming file, line and field when
     * it is wrong), then answers what applying it would change, or applies it when {@link TenantFileRun#write()}.
     * Runs inside onboarding's transaction, after the {@code tenant.yaml} of the same run was applied; a refusal
     * rolls the whole run back.
     */
    List<Plan.Change> run(TenantFileRun run);
}
