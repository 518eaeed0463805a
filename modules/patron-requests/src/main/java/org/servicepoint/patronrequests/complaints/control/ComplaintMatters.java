package org.servicepoint.patronrequests.complaints.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.patronrequests.complaints.entity.Complaint;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.patronrequests.control.Matters;
import org.servicepoint.platform.control.Messages;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.tenancy.control.TenantDirectory;

/**
 * Complaints as matters, for follow-ups, updates to patrons and headquarters' overview. The label is the cited policy's
 * title, or the channel's words: never what the patron said. Due only while it waits for a response.
 */
@ApplicationScoped
public class ComplaintMatters implements Matters {

    @Inject
    TenantDirectory directory;

    @Override
    public MatterKind kind() {
        return MatterKind.COMPLAINT;
    }

    @Override
    public Optional<Matter> find(TenantWork.Acting at, UUID id) {
        Complaint found = id == null ? null : at.db().find(Complaint.class, id);
        if (found == null || !at.covers(found.branchCode())) {
            return Optional.empty();
        }
        return Optional.of(matter(texts(at), found));
    }

    @Override
    public List<Matter> open(TenantWork.Acting at, String branch) {
        String narrowed = at.narrow(branch);
        Messages texts = texts(at);
        return ComplaintStore.open(at.db(), narrowed).stream().map(c -> matter(texts, c)).toList();
    }

    private Messages texts(TenantWork.Acting at) {
        return Messages.of(Complaints.TEXTS, directory.outline(at.tenant()).language());
    }

    static Matter matter(Messages texts, Complaint c) {
        String label = c.policyTitle() != null ? c.policyTitle() : texts.get("patronrequests.complaints.label." + c.channel());
        return new Matter(new MatterRef(MatterKind.COMPLAINT, c.id()), c.reference(), c.branchCode(), label, c.state(),
                !Complaint.CLOSED.equals(c.state()), c.receivedAt().toInstant(), c.waiting() ? c.dueAt().toInstant() : null,
                c.contactId(), null);
    }
}
