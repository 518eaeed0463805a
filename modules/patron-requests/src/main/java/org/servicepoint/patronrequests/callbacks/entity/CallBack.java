package org.servicepoint.patronrequests.callbacks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.StoredTime;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A patron waiting to be called back. The question is sealed, bound to this row's id (so the id is chosen first);
 * the contact is a patron contact's id. open → claimed (someone is on it; handing over keeps it claimed) → done.
 */
@Entity
@Table(name = "call_back")
public class CallBack extends TenantRow {

    public static final String TABLE = "call_back";

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(name = "branch_code", nullable = false, updatable = false)
    private String branchCode;

    @Column(nullable = false)
    private byte[] question;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(nullable = false)
    private String state;

    @Column(name = "offered_at", nullable = false, updatable = false)
    private OffsetDateTime offeredAt;

    @Column(name = "offered_by", nullable = false, updatable = false)
    private String offeredBy;

    @Column(name = "due_at", nullable = false, updatable = false)
    private OffsetDateTime dueAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_at")
    private OffsetDateTime claimedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "in_charge_told_at")
    private OffsetDateTime inChargeToldAt;

    @Column(name = "headquarters_told_at")
    private OffsetDateTime headquartersToldAt;

    @Column(name = "offer_key", updatable = false)
    private String offerKey;

    @Version
    private long version;

    protected CallBack() {
    }

    public CallBack(UUID id, String reference, String branchCode, byte[] question, UUID contactId, Instant offeredAt,
                    String offeredBy, Instant dueAt, String offerKey) {
        super(id);
        if (id == null || question == null) {
            throw new IllegalArgumentException("a call-back needs its id and its sealed question");
        }
        this.reference = reference;
        this.branchCode = branchCode;
        this.question = question;
        this.contactId = contactId;
        this.state = "open";
        this.offeredAt = StoredTime.stored(offeredAt);
        this.offeredBy = offeredBy;
        this.dueAt = StoredTime.stored(dueAt);
        this.offerKey = offerKey;
    }

    /** Someone takes it on (claiming) or it passes to someone else (handing over). */
    public void claim(String by, Instant at) {
        this.state = "claimed";
        this.claimedBy = by;
        this.claimedAt = StoredTime.stored(at);
    }

    public void close(Instant at) {
        this.state = "done";
        this.closedAt = StoredTime.stored(at);
    }

    public void inChargeTold(Instant at) {
        this.inChargeToldAt = StoredTime.stored(at);
    }

    public void headquartersTold(Instant at) {
        this.headquartersToldAt = StoredTime.stored(at);
    }

    /** Key rotation: the same question sealed with the current key. */
    public void reseal(byte[] question) {
        this.question = question;
    }

    public String reference() {
        return reference;
    }

    public String branchCode() {
        return branchCode;
    }

    public byte[] question() {
        return question;
    }

    public UUID contactId() {
        return contactId;
    }

    public String state() {
        return state;
    }

    public boolean open() {
        return closedAt == null;
    }

    public Instant offeredAt() {
        return offeredAt.toInstant();
    }

    public String offeredBy() {
        return offeredBy;
    }

    public Instant dueAt() {
        return dueAt.toInstant();
    }

    public String claimedBy() {
        return claimedBy;
    }

    public Instant claimedAt() {
        return claimedAt == null ? null : claimedAt.toInstant();
    }

    public Instant closedAt() {
        return closedAt == null ? null : closedAt.toInstant();
    }

    public Instant inChargeToldAt() {
        return inChargeToldAt == null ? null : inChargeToldAt.toInstant();
    }

    public Instant headquartersToldAt() {
        return headquartersToldAt == null ? null : headquartersToldAt.toInstant();
    }
}
