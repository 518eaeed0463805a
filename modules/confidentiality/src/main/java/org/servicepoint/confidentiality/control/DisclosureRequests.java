package org.servicepoint.confidentiality.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.servicepoint.platform.control.BranchScope;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.TenantId;
import org.servicepoint.platform.entity.WireNames;

/**
 * Requests for patron information from police or administrators: logged at the desk, routed to the holders of
 * decide-disclosure-requests for the logging branch (found and told through {@link DisclosureDeciders}), decided
 * once, by one of them. Every read is audited; audit lines name the request, never what it says.
 */
@ApplicationScoped
public class DisclosureRequests {

    @Inject
    ConfidentialityKeys keys;

    @Inject
    Instance<DisclosureDeciders> deciders;

    Clock clock = Clock.systemUTC();

    @Transactional
    public DisclosureView log(TenantId tenant, Caller caller, NewDisclosure form) {
        Access.require(Access.isStaff(caller, tenant));
        TenantWork.Acting at = keys.actFor(tenant, caller);
        NewDisclosure checked = DisclosureRequestStore.checked(form);
        String branch = BranchScope.ownBranch(caller).orElse(null);
        List<DisclosureDeciders.Decider> routed = deciders.isResolvable() ? deciders.get().route(tenant, branch) : List.of();
        DisclosureRecord logged = store().log(at.db(), keys.ring(at, true), caller, checked, branch, routed);
        List<DisclosureDeciders.Decider> told = routed.stream().filter(d -> logged.deciders().contains(d.username())).toList();
        if (!told.isEmpty()) {
            // Who asked and what for stays out of the notice: the decider opens the request to read it.
            deciders.get().tell(tenant, told, "A request for patron information was logged"
                    + (branch == null ? "" : " at " + branch) + " and comes to you to decide (disclosure request " + logged.id() + ").");
        }
        at.audit("disclosure-request.log", "disclosure-request/" + logged.id(),
                "authority: " + WireNames.of(logged.authority()) + "; routed to " + told.size() + " decider(s)"
                        + (branch == null ? "" : " for branch " + branch));
        return DisclosureRules.view(caller, logged).orElseThrow();
    }

    /** Newest first: in full those routed to the caller, as summaries those the caller logged; nothing else. */
    @Transactional
    public List<DisclosureView> list(TenantId tenant, Caller caller, int limit) {
        Access.require(Access.isStaff(caller, tenant));
        TenantWork.Acting at = keys.actFor(tenant, caller);
        List<DisclosureView> views = store().list(at.db(), keys.ring(at, false), caller.name(), limit)
                .stream().flatMap(r -> DisclosureRules.view(caller, r).stream()).toList();
        long full = views.stream().filter(v -> DisclosureView.FULL.equals(v.view())).count();
        at.audit("disclosure-request.list", "disclosure-requests",
                views.size() + " shown, " + full + " as " + DisclosureView.FULL);
        return views;
    }

    /** One request as the caller may see it; empty if it does not exist or is not theirs to see. */
    @Transactional
    public Optional<DisclosureView> read(TenantId tenant, Caller caller, UUID id) {
        Access.require(Access.isStaff(caller, tenant));
        TenantWork.Acting at = keys.actFor(tenant, caller);
        Optional<DisclosureView> view = store().find(at.db(), keys.ring(at, false), id)
                .flatMap(r -> DisclosureRules.view(caller, r));
        view.ifPresent(v -> at.audit("disclosure-request.read", "disclosure-request/" + id, "shown as " + v.view()));
        return view;
    }

    @Transactional
    public DisclosureView decide(TenantId tenant, Caller caller, UUID id, String decision, String reason) {
        Access.require(Access.isStaff(caller, tenant));
        TenantWork.Acting at = keys.actFor(tenant, caller);
        DisclosureRecord decided;
        try {
            decided = store().decide(at.db(), keys.ring(at, true), caller, id, decision, reason);
        } catch (OptimisticLockException e) {
            // Two deciders at the same moment: the first decision stands, the second learns so.
            throw Refusal.conflict(Text.of("confidentiality.disclosure.decided-just-now", id));
        }
        at.audit("disclosure-request.decide", "disclosure-request/" + id,
                "decision: " + WireNames.of(decided.decision()));
        return DisclosureRules.view(caller, decided).orElseThrow();
    }

    private DisclosureRequestStore store() {
        return new DisclosureRequestStore(clock);
    }
}
