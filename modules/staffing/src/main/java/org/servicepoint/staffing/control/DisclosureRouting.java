package org.servicepoint.staffing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.servicepoint.confidentiality.control.DisclosureDeciders;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.staffing.entity.StaffMember;
import org.servicepoint.staffing.entity.StaffNotice;
import org.servicepoint.tenancy.control.LibraryWork;
import org.servicepoint.tenancy.control.TenantOutline;

/**
 * Confidentiality asks who decides a request for patron information; the chain of command and the duty schedule
 * answer ({@link ChainOfCommand#disclosureDeciders}), and the deciders get an in-app notice, in the same transaction,
 * and a mail through observers of {@link DisclosureDecidersTold} (the incidents outbox). It works for confidentiality,
 * not for a person, so as {@link Caller#SYSTEM}; confidentiality audits the request.
 */
@ApplicationScoped
public class DisclosureRouting implements DisclosureDeciders {

    @PersistenceContext(unitName = "staffing")
    EntityManager em;

    @Inject
    LibraryWork work;

    @Inject
    Escalations escalations;

    @Inject
    Event<DisclosureDecidersTold> told;

    @Override
    @Transactional
    public List<Decider> route(TenantId tenant, String branch) {
        TenantOutline outline = work.actFor(em, tenant, Caller.SYSTEM).outline();
        String at = outline.branches().stream().map(TenantOutline.BranchName::code).filter(c -> c.equals(branch)).findFirst()
                .or(() -> outline.branches().stream().filter(TenantOutline.BranchName::headquarters)
                        .map(TenantOutline.BranchName::code).findFirst())
                .orElse(null);
        if (at == null) {
            return List.of();
        }
        return escalations.disclosureDeciders(tenant, at).stream()
                .map(p -> new Decider(p.id(), p.username(), p.tagName())).toList();
    }

    @Override
    @Transactional
    public void tell(TenantId tenant, List<Decider> deciders, String text) {
        EntityManager bound = work.actFor(em, tenant, Caller.SYSTEM).db();
        List<DisclosureDecidersTold.Addressee> addressees = new ArrayList<>();
        for (Decider decider : deciders) {
            bound.persist(new StaffNotice(decider.staffMemberId(), decider.username(), text, null));
            StaffMember member = bound.find(StaffMember.class, decider.staffMemberId());
            addressees.add(new DisclosureDecidersTold.Addressee(decider.staffMemberId(), decider.tagName(),
                    member == null ? null : member.email()));
        }
        if (!addressees.isEmpty()) {
            told.fire(new DisclosureDecidersTold(tenant, addressees, text));
        }
    }
}
