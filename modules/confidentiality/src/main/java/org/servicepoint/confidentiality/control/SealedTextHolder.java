package org.servicepoint.confidentiality.control;

import org.servicepoint.platform.entity.TenantId;

/**
 * Implemented by a context that keeps text sealed through {@link SealedText} (incident reports, bans): a data key
 * rotation calls it inside its own transaction to seal that text again with the new key, as it does with this
 * module's fields. {@link SealedText#resealColumns} does the work for a table.
 */
public interface SealedTextHolder {

    /** Seals every value of {@code tenant} made with an older data key again with {@code ring}'s current one; answers how many values changed. */
    int reseal(TenantId tenant, KeyRing ring);
}
