package org.servicepoint.patronrequests.followups.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.patronrequests.control.Matter;
import org.servicepoint.patronrequests.entity.MatterKind;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.patronrequests.control.Matters;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.staffing.control.Escalations;

/**
 * Staffing's escalations as matters (decision 0013): follow-ups and headquarters' overview work on them like on any
 * other. Read through staffing's own rule of who sees an escalation; no note and no outcome (they may describe
 * patrons), and no patron contact, so an email update to one is refused.
 */
@ApplicationScoped
public class EscalationMatters implements Matters {

    @Inject
    Escalations escalations;

    @Override
    public MatterKind kind() {
        return MatterKind.ESCALATION;
    }

    @Override
    public Optional<Matter> find(TenantWork.Acting at, UUID id) {
        return escalations.summary(at.tenant(), at.caller(), id).map(EscalationMatters::matter);
    }

    @Override
    public List<Matter> open(TenantWork.Acting at, String branch) {
        return escalations.unresolved(at.tenant(), at.caller(), branch).stream().map(EscalationMatters::matter)
                .sorted(Comparator.comparing(Matter::openedAt)).toList();
    }

    static Matter matter(Escalations.Summary e) {
        return new Matter(new MatterRef(MatterKind.ESCALATION, e.id()), reference(e.id()), e.branch(), e.situationTitle(),
                e.open() ? "open" : "closed", e.open(), e.createdAt().toInstant(), null, null, e.decidedByUsername());
    }

    /** Escalations have no number of their own: the start of the id, which is what staff would read out anyway. */
    static String reference(UUID id) {
        return "E-" + id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
