package org.servicepoint.confidentiality.control;

import java.util.List;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantId;

/**
 * Implemented by the context that knows the chain of command and the duty schedule (staffing): who decides a request
 * for patron information logged at a branch, and how they are told. Confidentiality knows no roster; without an
 * implementation a request is routed to nobody and nobody can decide it (it fails closed, and says so).
 */
public interface DisclosureDeciders {

    /** A person who decides: their roster id, the username they sign in with, and their tag name. */
    record Decider(UUID staffMemberId, String username, String tagName) {
    }

    /**
     * The holders of {@code decide-disclosure-requests} for {@code branch} (the library system's headquarters when
     * null), in the caller's transaction. Only people who sign in.
     */
    List<Decider> route(TenantId tenant, String branch);

    /** Tells each of them, in the caller's transaction (a notice exists exactly when the request does). */
    void tell(TenantId tenant, List<Decider> deciders, String text);
}
