package org.servicepoint.confidentiality.control;

import java.time.Instant;
import java.util.UUID;

/**
 * A disclosure request as one caller may see it. {@code view} is {@code full} for the people who decide, and
 * {@code summary} for the desk member who logged it: a summary leaves out what may identify the patron (the
 * patron reference, what was asked, the authority's text) and the reasons of the decision, and keeps only
 * its outcome. Fields left out are null (and absent from JSON).
 */
public record DisclosureView(UUID id, String view, String status, Instant receivedAt, String receivedBy, String requesterName,
                             String requesterOrganisation, String authority, String authorityText, String requestText,
                             UUID patronReferenceId, String routedTo, String decision, String decisionReason,
                             String decidedBy, Instant decidedAt) {

    public static final String FULL = "full";
    public static final String SUMMARY = "summary";
}
