package org.servicepoint.confidentiality.entity;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Customizer;
import org.servicepoint.platform.entity.NullableUuidConverter;
import org.servicepoint.platform.entity.NullableUuids;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A request for patron information from police or an administrator. The desk logs who asked, under what
 * authority and what for; nothing is disclosed from the desk. The request goes to the people who decide, and
 * is decided once. Free text that may name a patron or an officer is held sealed (bytes).
 */
@Entity
@Table(name = "disclosure_request")
@Customizer(NullableUuids.class)
public class DisclosureRequest extends TenantRow {

    /** The legal authority the requester claimed. */
    public enum Authority { NONE_STATED, WARRANT, SUBPOENA, COURT_ORDER, OTHER }

    public enum Status { RECEIVED, DECIDED }

    public enum Decision {
        /** Disclose, under the authority the requester stated. */
        DISCLOSE,
        REFUSE,
        REFER_TO_LEGAL_COUNSEL
    }

    @Column(name = "requester_name", nullable = false)
    private byte[] requesterName;

    @Column(name = "requester_organisation", nullable = false, updatable = false)
    private String requesterOrganisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Authority authority;

    @Column(name = "authority_text")
    private byte[] authorityText;

    @Column(name = "request_text", nullable = false)
    private byte[] requestText;

    @Column(name = "patron_reference_id", updatable = false)
    @Convert(converter = NullableUuidConverter.class)
    private UUID patronReferenceId;

    @Column(name = "received_at", nullable = false, updatable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "received_by", nullable = false, updatable = false)
    private String receivedBy;

    @Column(name = "routed_to", nullable = false, updatable = false)
    private String routedTo;

    @Column(name = "branch_code", updatable = false)
    private String branchCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Decision decision;

    @Column(name = "decision_reason")
    private byte[] decisionReason;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Version
    private long version;

    protected DisclosureRequest() {
    }

    /** A request as the desk received it; sealed fields are bound to {@code id}, so it is chosen first. */
    public DisclosureRequest(UUID id, byte[] sealedRequesterName, String requesterOrganisation, Authority authority,
                             byte[] sealedAuthorityText, byte[] sealedRequestText, UUID patronReferenceId,
                             String receivedBy, String routedTo, Instant receivedAt) {
        super(id);
        if (id == null || sealedRequesterName == null || sealedRequestText == null || authority == null) {
            throw new IllegalArgumentException("a disclosure request needs its id, requester, authority and what was asked");
        }
        if (requesterOrganisation == null || requesterOrganisation.isBlank()) {
            throw new IllegalArgumentException("a disclosure request needs the requester's organisation");
        }
        if (authority == Authority.OTHER && sealedAuthorityText == null) {
            throw new IllegalArgumentException("an authority of 'other' must be described");
        }
        if (receivedBy == null || receivedBy.isBlank() || routedTo == null || routedTo.isBlank()) {
            throw new IllegalArgumentException("a disclosure request needs who received it and where it is routed");
        }
        this.requesterName = sealedRequesterName.clone();
        this.requesterOrganisation = requesterOrganisation;
        this.authority = authority;
        this.authorityText = sealedAuthorityText == null ? null : sealedAuthorityText.clone();
        this.requestText = sealedRequestText.clone();
        this.patronReferenceId = patronReferenceId;
        this.receivedBy = receivedBy;
        this.routedTo = routedTo;
        this.receivedAt = stored(receivedAt);
        this.status = Status.RECEIVED;
    }

    /** The branch where it was logged, which decides whom it goes to. */
    public void loggedAt(String branch) {
        this.branchCode = branch;
    }

    /** A request is decided once; the decision is final. */
    public void decide(Decision outcome, byte[] sealedReason, String decider, Instant at) {
        if (status == Status.DECIDED) {
            throw new IllegalStateException("disclosure request " + id() + " is already decided");
        }
        if (outcome == null || sealedReason == null || decider == null || decider.isBlank() || at == null) {
            throw new IllegalArgumentException("a decision needs its outcome, reason, decider and time");
        }
        if (outcome == Decision.DISCLOSE && authority == Authority.NONE_STATED) {
            throw new IllegalStateException("nothing is disclosed without a stated authority");
        }
        this.decision = outcome;
        this.decisionReason = sealedReason.clone();
        this.decidedBy = decider;
        this.decidedAt = stored(at);
        this.status = Status.DECIDED;
    }

    /** The same texts sealed again (a new data key version); what they say does not change. */
    public void reseal(byte[] sealedRequesterName, byte[] sealedAuthorityText, byte[] sealedRequestText, byte[] sealedReason) {
        if (sealedRequesterName == null || sealedRequestText == null
                || (authorityText == null) != (sealedAuthorityText == null)
                || (decisionReason == null) != (sealedReason == null)) {
            throw new IllegalArgumentException("resealing keeps every field that is there, and adds none");
        }
        this.requesterName = sealedRequesterName.clone();
        this.authorityText = sealedAuthorityText == null ? null : sealedAuthorityText.clone();
        this.requestText = sealedRequestText.clone();
        this.decisionReason = sealedReason == null ? null : sealedReason.clone();
    }

    public byte[] sealedRequesterName() { return requesterName.clone(); }
    public String requesterOrganisation() { return requesterOrganisation; }
    public Authority authority() { return authority; }
    public byte[] sealedAuthorityText() { return authorityText == null ? null : authorityText.clone(); }
    public byte[] sealedRequestText() { return requestText.clone(); }
    public UUID patronReferenceId() { return patronReferenceId; }
    public Instant receivedAt() { return receivedAt.toInstant(); }
    public String receivedBy() { return receivedBy; }
    public String routedTo() { return routedTo; }
    public String branchCode() { return branchCode; }
    public Status status() { return status; }
    public Decision decision() { return decision; }
    public byte[] sealedDecisionReason() { return decisionReason == null ? null : decisionReason.clone(); }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt == null ? null : decidedAt.toInstant(); }
}
