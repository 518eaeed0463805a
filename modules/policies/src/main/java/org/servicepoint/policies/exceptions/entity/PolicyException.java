package org.servicepoint.policies.exceptions.entity;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Customizer;
import org.servicepoint.platform.entity.NullableUuidConverter;
import org.servicepoint.platform.entity.NullableUuids;
import org.servicepoint.platform.entity.TenantRow;

/**
 * An exception to a flexible policy, on record: which policy (and its version then), at which branch, what was asked
 * and what was granted (sealed: they may describe the patron), who approved it and in which position, that the patron
 * was told it is a one-time exception, and when. Once recorded it never changes.
 */
@Entity
@Table(name = "policy_exception")
@Customizer(NullableUuids.class)
public class PolicyException extends TenantRow {

    @Column(name = "policy_key", nullable = false)
    private String policyKey;

    @Column(name = "policy_version", nullable = false)
    private int policyVersion;

    @Column(name = "branch_code", nullable = false)
    private String branchCode;

    @Column(name = "asked", nullable = false)
    private byte[] sealedAsked;

    @Column(name = "granted", nullable = false)
    private byte[] sealedGranted;

    @Column(name = "approved_by", nullable = false)
    private UUID approvedBy;

    @Column(name = "approver_position", nullable = false)
    private String approverPosition;

    @Column(name = "told_one_time", nullable = false)
    private boolean toldOneTime;

    @Column(name = "patron_reference_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID patronReferenceId;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected PolicyException() {
    }

    /** What every exception on record has; the rules of who may approve what are checked before. */
    public PolicyException(UUID id, Policy policy, String branchCode, byte[] sealedAsked, byte[] sealedGranted, Approver approver,
                           UUID patronReferenceId, Instant occurredAt, String recordedBy, Instant recordedAt) {
        super(Objects.requireNonNull(id, "id"));
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(approver, "approver");
        this.policyKey = policy.key();
        this.policyVersion = policy.version();
        if (branchCode == null || branchCode.isBlank()) {
            throw new IllegalArgumentException("an exception is granted at a branch");
        }
        this.branchCode = branchCode;
        if (sealedAsked == null || sealedAsked.length == 0 || sealedGranted == null || sealedGranted.length == 0) {
            throw new IllegalArgumentException("an exception says what was asked and what was granted");
        }
        this.sealedAsked = sealedAsked.clone();
        this.sealedGranted = sealedGranted.clone();
        this.approvedBy = approver.staffId();
        this.approverPosition = approver.position();
        // Recorded only once the patron was told: the record says so because it was so.
        this.toldOneTime = true;
        this.patronReferenceId = patronReferenceId;
        this.occurredAt = stored(Objects.requireNonNull(occurredAt, "occurred at"));
        this.recordedAt = stored(Objects.requireNonNull(recordedAt, "recorded at"));
        if (this.occurredAt.isAfter(this.recordedAt.plusMinutes(5))) {
            throw new IllegalArgumentException("an exception is recorded after it was granted");
        }
        this.recordedBy = Objects.requireNonNull(recordedBy, "recorded by");
    }

    /** The policy an exception bends, as it stood: its key and the version in force. */
    public record Policy(String key, int version) {
        public Policy {
            Objects.requireNonNull(key, "policy key");
            if (version < 1) {
                throw new IllegalArgumentException("policy versions count from 1");
            }
        }
    }

    /** Who approved an exception: a roster id and the position they held then. */
    public record Approver(UUID staffId, String position) {
        public Approver {
            Objects.requireNonNull(staffId, "approver");
            Objects.requireNonNull(position, "approver's position");
        }
    }

    public String policyKey() { return policyKey; }
    public int policyVersion() { return policyVersion; }
    public String branchCode() { return branchCode; }
    public byte[] sealedAsked() { return sealedAsked.clone(); }
    public byte[] sealedGranted() { return sealedGranted.clone(); }
    public UUID approvedBy() { return approvedBy; }
    public String approverPosition() { return approverPosition; }
    public boolean toldOneTime() { return toldOneTime; }
    public UUID patronReferenceId() { return patronReferenceId; }
    public OffsetDateTime occurredAt() { return occurredAt; }
    public OffsetDateTime recordedAt() { return recordedAt; }
    public String recordedBy() { return recordedBy; }
}
