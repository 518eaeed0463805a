package org.servicepoint.bans.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.servicepoint.confidentiality.control.PatronReferenceHolds;

/** A ban that has not ended needs its patron reference, however long the patron stays away: the purge keeps it. */
@ApplicationScoped
public class BannedPatronReferences implements PatronReferenceHolds {

    @Override
    public String heldReferences() {
        return "select b.patron_reference_id from computer_use_ban b "
                + "where b.tenant_id = ?1 and b.lifted_at is null and b.ends_at > ?2";
    }
}
