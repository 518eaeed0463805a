package org.servicepoint.patronrequests.control;

import org.servicepoint.patronrequests.entity.MatterKind;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.platform.control.TenantWork;

/**
 * The matters of one kind, for what works across kinds (follow-ups, updates to patrons, a matter's history,
 * headquarters' overview). Each component with matters provides one (CDI bean, one per {@link MatterKind}).
 * {@code at} acts on the patron-requests unit, inside the caller's transaction; both methods apply the branch rule
 * for the caller (a person in charge sees their own branch, headquarters and tenant admins all).
 */
public interface Matters {

    MatterKind kind();

    /** The matter if it exists in the library system and the caller may see it. */
    Optional<Matter> find(TenantWork.Acting at, UUID id);

    /** The open matters the caller may see, at one branch (null: every branch the caller may see), oldest first. */
    List<Matter> open(TenantWork.Acting at, String branch);
}
