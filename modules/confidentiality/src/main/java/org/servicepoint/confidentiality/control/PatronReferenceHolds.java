package org.servicepoint.confidentiality.control;

import java.util.Set;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantId;

/**
 * Implemented by a context that links patrons through patron references (a computer-use ban in force, an incident
 * report): the nightly purge keeps every reference some context still holds, however long ago it was last used.
 * Without this, a ban on someone who stays away longer than the retention period would silently stop working.
 */
public interface PatronReferenceHolds {

    /** Ids of the references this context still needs in {@code tenant}; called inside the purge's transaction. */
    Set<UUID> held(TenantId tenant);
}
