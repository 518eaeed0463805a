package org.servicepoint.patronrequests.cards.entity;

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
import org.servicepoint.platform.entity.StoredTime;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A comment card a patron left on a branch's public page. The words are sealed (bound to this row's id, so the id is
 * chosen first); the contact is named by id and exists only when the patron asked for a reply. Nothing about the
 * sender is kept.
 */
@Entity
@Table(name = "comment_card")
@Customizer(NullableUuids.class)
public class CommentCard extends TenantRow {

    public static final String TABLE = "comment_card";

    public enum Kind { PRAISE, SUGGESTION, COMPLAINT }

    public enum State { NEW, THANKED, REPLIED, COMPLAINT, FORWARDED, CLOSED }

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(name = "branch_code", nullable = false, updatable = false)
    private String branchCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "text", nullable = false)
    private byte[] sealedText;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(name = "may_reply", nullable = false, updatable = false)
    private boolean mayReply;

    @Column(name = "contact_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "received_at", nullable = false, updatable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "handled_at")
    private OffsetDateTime handledAt;

    @Column(name = "complaint_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID complaintId;

    @Column(name = "complaint_reference")
    private String complaintReference;

    @Column(name = "forwarded_policy")
    private String forwardedPolicy;

    @Column(name = "forwarded_position")
    private String forwardedPosition;

    @Version
    private long version;

    protected CommentCard() {
    }

    public CommentCard(UUID id, String reference, String branchCode, Kind kind, byte[] sealedText, String language,
                       boolean mayReply, UUID contactId, Instant receivedAt) {
        super(id);
        this.reference = reference;
        this.branchCode = branchCode;
        this.kind = kind;
        this.sealedText = sealedText;
        this.language = language;
        this.mayReply = mayReply;
        this.contactId = contactId;
        this.state = State.NEW;
        this.receivedAt = StoredTime.stored(receivedAt);
    }

    /** Moves the card to {@code next}, marking when it was handled. */
    public void handled(State next, Instant at) {
        this.state = next;
        this.handledAt = StoredTime.stored(at);
    }

    public void complaint(UUID id, String reference) {
        this.complaintId = id;
        this.complaintReference = reference;
    }

    public void forwarded(String policy, String position) {
        this.forwardedPolicy = policy;
        this.forwardedPosition = position;
    }

    /** The contact is gone (purged, or the patron asked). */
    public void forgetContact() {
        this.contactId = null;
    }

    public String reference() { return reference; }
    public String branchCode() { return branchCode; }
    public Kind kind() { return kind; }
    public byte[] sealedText() { return sealedText; }
    public String language() { return language; }
    public boolean mayReply() { return mayReply; }
    public UUID contactId() { return contactId; }
    public State state() { return state; }
    public Instant receivedAt() { return receivedAt.toInstant(); }
    public Instant handledAt() { return handledAt == null ? null : handledAt.toInstant(); }
    public UUID complaintId() { return complaintId; }
    public String complaintReference() { return complaintReference; }
    public String forwardedPolicy() { return forwardedPolicy; }
    public String forwardedPosition() { return forwardedPosition; }
}
