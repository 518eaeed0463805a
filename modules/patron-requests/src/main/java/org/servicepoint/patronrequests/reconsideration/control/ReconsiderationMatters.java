package org.servicepoint.patronrequests.reconsideration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.control.Matters;
import org.servicepoint.platform.control.TenantWork;

/**
 * Requests to reconsider an item as matters, for follow-ups, updates to the patron and headquarters' overview. The
 * label is the item's title: the library's own catalogue entry, not patron data. Open while undecided; due when the
 * step the review waits for is.
 */
@ApplicationScoped
public class ReconsiderationMatters implements Matters {

    @Inject
    Reconsiderations reconsiderations;

    @Override
    public MatterKind kind() {
        return MatterKind.RECONSIDERATION;
    }

    @Override
    public Optional<Matter> find(TenantWork.Acting at, UUID id) {
        return reconsiderations.matter(at, id);
    }

    @Override
    public List<Matter> open(TenantWork.Acting at, String branch) {
        return reconsiderations.openMatters(at, branch);
    }
}
