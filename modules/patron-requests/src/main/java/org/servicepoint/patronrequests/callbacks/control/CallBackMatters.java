package org.servicepoint.patronrequests.callbacks.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.patronrequests.callbacks.entity.CallBack;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.patronrequests.control.Matters;
import org.servicepoint.platform.control.TenantWork;

/** Call-backs as matters for follow-ups and headquarters' overview; the label is the library's word, never the question. */
@ApplicationScoped
public class CallBackMatters implements Matters {

    static final String LABEL = "Call-back";

    @Override
    public MatterKind kind() {
        return MatterKind.CALL_BACK;
    }

    @Override
    public Optional<Matter> find(TenantWork.Acting at, UUID id) {
        CallBack c = id == null ? null : at.db().find(CallBack.class, id);
        return c == null || !at.covers(c.branchCode()) ? Optional.empty() : Optional.of(matter(c));
    }

    @Override
    public List<Matter> open(TenantWork.Acting at, String branch) {
        return CallBackQueries.queue(at.db(), at.narrow(branch), false, Integer.MAX_VALUE).stream()
                .sorted(java.util.Comparator.comparing(CallBack::offeredAt)).map(CallBackMatters::matter).toList();
    }

    static Matter matter(CallBack c) {
        return new Matter(new MatterRef(MatterKind.CALL_BACK, c.id()), c.reference(), c.branchCode(), LABEL, c.state(), c.open(),
                c.offeredAt(), c.dueAt(), c.contactId(), c.claimedBy());
    }
}
