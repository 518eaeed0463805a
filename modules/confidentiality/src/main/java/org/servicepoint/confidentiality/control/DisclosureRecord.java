package org.servicepoint.confidentiality.control;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Authority;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Decision;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Status;

/**
 * A disclosure request with its sealed texts opened: never leaves the control package as it is. {@code deciders}: the
 * usernames it was routed to.
 */
public record DisclosureRecord(UUID id, Status status, Instant receivedAt, String receivedBy, String requesterName,
                               String requesterOrganisation, Authority authority, String authorityText, String requestText,
                               UUID patronReferenceId, String routedTo, Decision decision, String decisionReason,
                               String decidedBy, Instant decidedAt, List<String> deciders) {

    public DisclosureRecord {
        deciders = deciders == null ? List.of() : List.copyOf(deciders);
    }

    public DisclosureRecord(UUID id, Status status, Instant receivedAt, String receivedBy, String requesterName,
                            String requesterOrganisation, Authority authority, String authorityText, String requestText,
                            UUID patronReferenceId, String routedTo, Decision decision, String decisionReason,
                            String decidedBy, Instant decidedAt) {
        this(id, status, receivedAt, receivedBy, requesterName, requesterOrganisation, authority, authorityText, requestText,
                patronReferenceId, routedTo, decision, decisionReason, decidedBy, decidedAt, List.of());
    }

    /** Whether it was routed to this username, and they did not log it themselves. */
    public boolean routedTo(String username) {
        return username != null && deciders.contains(username) && !username.equals(receivedBy);
    }
}
