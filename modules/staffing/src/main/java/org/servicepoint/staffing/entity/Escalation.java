package org.servicepoint.staffing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.persistence.annotations.Customizer;
import org.servicepoint.platform.entity.NullableUuidConverter;
import org.servicepoint.platform.entity.NullableUuids;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A situation at a branch handed up the chain of command: who reported it, who the rules said decides and
 * why, and how it ended. Kept as the record every escalation must leave.
 */
@Entity
@Table(name = "escalation")
@Customizer(NullableUuids.class)
public class Escalation extends TenantRow {

    @Column(name = "branch_code", nullable = false)
    private String branchCode;

    @Column(nullable = false)
    private String situation;

    @Column(name = "reported_by", nullable = false)
    private String reportedBy;

    /** Plain text of rows written before notes were sealed; emptied when they are sealed. */
    private String note;

    @Column(name = "sealed_note")
    private byte[] sealedNote;

    @Column(name = "sealed_outcome")
    private byte[] sealedOutcome;

    @Column(name = "decided_by_tag_name")
    private String decidedByTagName;

    @Column(name = "decided_by_position")
    private String decidedByPosition;

    @Column(name = "decided_by_staff_member_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID decidedByStaffMemberId;

    @Column(name = "decided_by_username")
    private String decidedByUsername;

    @Column(name = "decided_by_position_code")
    private String decidedByPositionCode;

    @Column(name = "decided_by_branch")
    private String decidedByBranch;

    @Column(name = "at_headquarters", nullable = false)
    private boolean atHeadquarters;

    @Column(nullable = false)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** Plain text of rows written before outcomes were sealed; emptied when they are sealed. */
    private String outcome;

    @Column(name = "outcome_by")
    private String outcomeBy;

    @Column(name = "outcome_at")
    private OffsetDateTime outcomeAt;

    protected Escalation() {
    }

    public Escalation(String branchCode, String situation, String reportedBy, String note, String decidedByTagName,
                      String decidedByPosition, boolean atHeadquarters, String reason) {
        super(UUID.randomUUID());
        this.branchCode = branchCode;
        this.situation = situation;
        this.reportedBy = reportedBy;
        this.note = note;
        this.decidedByTagName = decidedByTagName;
        this.decidedByPosition = decidedByPosition;
        this.atHeadquarters = atHeadquarters;
        this.reason = reason;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Whom the rules routed it to, as the roster knows them: id, username (if they sign in), position and branch. */
    public void routeTo(UUID staffMemberId, String username, String positionCode, String branch) {
        this.decidedByStaffMemberId = staffMemberId;
        this.decidedByUsername = username;
        this.decidedByPositionCode = positionCode;
        this.decidedByBranch = branch;
    }

    /** The note, sealed by the caller (bound to this row's id); the plain text is never stored. */
    public void sealNote(byte[] sealed) {
        this.sealedNote = sealed == null ? null : sealed.clone();
        this.note = null;
    }

    /** How it ended, sealed by the caller; recorded once. */
    public void close(byte[] sealedOutcomeText, String by) {
        if (hasOutcome()) {
            throw new IllegalStateException("the outcome is recorded already");
        }
        this.sealedOutcome = sealedOutcomeText.clone();
        this.outcomeBy = by;
        this.outcomeAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public boolean hasOutcome() {
        return outcomeAt != null || outcome != null || sealedOutcome != null;
    }

    /** Seals what an older row kept as plain text, and empties the plain columns. */
    public void sealLegacy(byte[] sealedNoteText, byte[] sealedOutcomeText) {
        if (note != null) {
            this.sealedNote = sealedNoteText.clone();
            this.note = null;
        }
        if (outcome != null) {
            this.sealedOutcome = sealedOutcomeText.clone();
            this.outcome = null;
        }
    }

    public String branchCode() { return branchCode; }
    public String situation() { return situation; }
    public String reportedBy() { return reportedBy; }
    public String legacyNote() { return note; }
    public byte[] sealedNote() { return sealedNote == null ? null : sealedNote.clone(); }
    public byte[] sealedOutcome() { return sealedOutcome == null ? null : sealedOutcome.clone(); }
    public String decidedByTagName() { return decidedByTagName; }
    public String decidedByPosition() { return decidedByPosition; }
    public UUID decidedByStaffMemberId() { return decidedByStaffMemberId; }
    public String decidedByUsername() { return decidedByUsername; }
    public String decidedByPositionCode() { return decidedByPositionCode; }
    public String decidedByBranch() { return decidedByBranch; }
    public boolean atHeadquarters() { return atHeadquarters; }
    public String reason() { return reason; }
    public OffsetDateTime createdAt() { return createdAt; }
    public String legacyOutcome() { return outcome; }
    public String outcomeBy() { return outcomeBy; }
    public OffsetDateTime outcomeAt() { return outcomeAt; }
}
