package org.servicepoint.confidentiality.control;

import java.util.Optional;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Authority;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Decision;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Status;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.Refusal;
import org.servicepoint.platform.control.Text;
import org.servicepoint.platform.entity.WireNames;

/**
 * Who sees which disclosure request and how much of it, and when a request may be decided. A request goes to people,
 * not to a role: only those it was routed to (the holders of decide-disclosure-requests for the branch where it was
 * logged) see it in full and decide it, never the person who logged it. Nothing is disclosed from the desk: whoever
 * logged a request sees only a summary of it, and nobody else sees it at all.
 */
public final class DisclosureRules {

    private DisclosureRules() {
    }

    /** The request as this caller may see it, or empty when they may not see it at all (answered as not found). */
    public static Optional<DisclosureView> view(Caller caller, DisclosureRecord request) {
        if (decides(caller, request)) {
            return Optional.of(full(request));
        }
        if (Access.ownStaff(caller) && caller.name().equals(request.receivedBy())) {
            return Optional.of(summary(request));
        }
        return Optional.empty();
    }

    /** Whether the caller is one of the people the request was routed to (and not the one who logged it). */
    public static boolean decides(Caller caller, DisclosureRecord request) {
        return Access.ownStaff(caller) && request.routedTo(caller.name());
    }

    /** Refuses a decision the rules do not allow; a request is decided once. */
    public static void checkDecision(Caller caller, DisclosureRecord request, Decision decision) {
        Access.require(decides(caller, request));
        if (request.status() == Status.DECIDED) {
            throw Refusal.conflict(Text.of("confidentiality.disclosure.decided-already", request.id(),
                    WireNames.of(request.decision())));
        }
        if (decision == Decision.DISCLOSE && request.authority() == Authority.NONE_STATED) {
            throw Refusal.invalid("decision", Text.of("confidentiality.disclosure.authority-needed"));
        }
    }

    static DisclosureView full(DisclosureRecord r) {
        return new DisclosureView(r.id(), DisclosureView.FULL, WireNames.of(r.status()), r.receivedAt(), r.receivedBy(),
                r.requesterName(), r.requesterOrganisation(), WireNames.of(r.authority()), r.authorityText(), r.requestText(),
                r.patronReferenceId(), r.routedTo(), WireNames.of(r.decision()), r.decisionReason(), r.decidedBy(), r.decidedAt());
    }

    static DisclosureView summary(DisclosureRecord r) {
        return new DisclosureView(r.id(), DisclosureView.SUMMARY, WireNames.of(r.status()), r.receivedAt(), r.receivedBy(),
                r.requesterName(), r.requesterOrganisation(), WireNames.of(r.authority()), null, null,
                null, r.routedTo(), WireNames.of(r.decision()), null, r.decidedBy(), r.decidedAt());
    }
}
