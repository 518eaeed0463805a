package org.servicepoint.incidents.reports.control;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The result of recomputing a report's signature chain from what is stored now: how many signatures were
 * checked (the walk stops at the first mismatch), whether all hold, and the first that does not.
 */
@Schema(name = "IncidentReportVerification")
public record Verification(UUID reportId, int checked, boolean intact, Mismatch firstMismatch,
                           @Schema(description = "hash of the last signature that checked out") String headHash) {

    public enum Problem {
        /** The report's stored content no longer gives the content hash this signature covers. */
        CONTENT_CHANGED,
        /** The signature's own fields no longer give its hash. */
        SIGNATURE_CHANGED,
        /** The signature does not carry the hash of the one before it. */
        PREVIOUS_LINK_BROKEN,
        /** A signature number is missing. */
        SEQUENCE_GAP,
        /** A step the report records has no signature (e.g. it says it was signed, but no signature is there). */
        MISSING_SIGNATURE,
        /** An addendum no signature covers. */
        UNSIGNED_ADDENDUM
    }

    @Schema(name = "IncidentSignatureMismatch")
    public record Mismatch(@Schema(description = "number of the signature that no longer holds") int seq, UUID signatureId,
                           String kind, String signer, Problem problem, String explanation) {
    }
}
