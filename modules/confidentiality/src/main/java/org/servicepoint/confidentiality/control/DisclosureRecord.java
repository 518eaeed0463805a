package org.servicepoint.confidentiality.control;

import java.time.Instant;
import java.util.UUID;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Authority;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Decision;
import org.servicepoint.confidentiality.entity.DisclosureRequest.Status;

/** A disclosure request with its sealed texts opened: never leaves the control package as it is. */
public record DisclosureRecord(UUID id, Status status, Instant receivedAt, String receivedBy, String requesterName,
                               String requesterOrganisation, Authority authority, String authorityText, String requestText,
                               UUID patronReferenceId, String routedTo, Decision decision, String decisionReason,
                               String decidedBy, Instant decidedAt) {
}
