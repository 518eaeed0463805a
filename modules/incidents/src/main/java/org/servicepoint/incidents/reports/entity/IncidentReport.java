package org.servicepoint.incidents.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.incidents.forms.entity.Times;
import org.servicepoint.platform.entity.TenantRow;

/**
 * An incident report. While it is a draft its reporter may change it freely; once the reporter has signed,
 * its content is sealed (here, and by a trigger in the database) and only the steps that follow set their own
 * fields. Staff names and patron references are kept as canonical JSON text, exactly as signed; the answers (as
 * canonical JSON) and the note of the call to headquarters say things about patrons and are kept sealed with the
 * tenant's data key (confidentiality's {@code SealedText}): this entity only carries the sealed bytes.
 */
@Entity
@Table(name = "incident_report")
public class IncidentReport extends TenantRow {

    @Column(name = "form_version_id", nullable = false)
    private UUID formVersionId;

    @Column(name = "form_version", nullable = false)
    private int formVersion;

    @Column(name = "form_hash", nullable = false)
    private String formHash;

    @Column(nullable = false)
    private String category;

    @Column(name = "branch_code", nullable = false)
    private String branchCode;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "reporter_username", nullable = false)
    private String reporterUsername;

    @Column(name = "reporter_tag_name")
    private String reporterTagName;

    @Column(name = "reporter_position")
    private String reporterPosition;

    @Column(name = "answers", nullable = false)
    private byte[] sealedAnswers;

    @Column(name = "staff_names", nullable = false)
    private String staffNames;

    @Column(name = "patron_references", nullable = false)
    private String patronReferences;

    /** Null until the call is recorded (EclipseLink reads a call whose columns are all null as none). */
    @Embedded
    private VerbalCall verbalCall;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IncidentStatus status;

    @Column(name = "needs_verbal_report", nullable = false)
    private boolean needsVerbalReport;

    @Column(name = "needs_countersign", nullable = false)
    private boolean needsCountersign;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "countersigned_at")
    private OffsetDateTime countersignedAt;

    @Column(name = "distributed_at")
    private OffsetDateTime distributedAt;

    @Column(name = "acknowledged_at")
    private OffsetDateTime acknowledgedAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "deadline_at")
    private OffsetDateTime deadlineAt;

    @Column(name = "overdue_at")
    private OffsetDateTime overdueAt;

    @Version
    private long version;

    protected IncidentReport() {
    }

    /** A new draft on a form version, for one category, as the form says it must be handled. */
    public IncidentReport(UUID formVersionId, int formVersion, String formHash, String category, boolean needsVerbalReport,
                          boolean needsCountersign, String branchCode, OffsetDateTime occurredAt, String reporterUsername,
                          String reporterTagName, String reporterPosition, OffsetDateTime now) {
        super(UUID.randomUUID());
        this.formVersionId = formVersionId;
        this.formVersion = formVersion;
        this.formHash = formHash;
        this.category = category;
        this.needsVerbalReport = needsVerbalReport;
        this.needsCountersign = needsCountersign;
        this.branchCode = branchCode;
        this.occurredAt = Times.stored(occurredAt);
        this.reporterUsername = reporterUsername;
        this.reporterTagName = reporterTagName;
        this.reporterPosition = reporterPosition;
        this.staffNames = "{}";
        this.patronReferences = "[]";
        this.status = IncidentStatus.DRAFT;
        this.createdAt = Times.stored(now);
        this.updatedAt = this.createdAt;
    }

    private void draftOnly() {
        if (status != IncidentStatus.DRAFT) {
            throw new IllegalStateException("incident report " + id() + " is signed: its content cannot change");
        }
    }

    /** Replaces what the draft says (autosave); the answers come sealed for this report's row. */
    public void saveDraft(byte[] sealedAnswersJson, String staffNamesJson, String patronReferencesJson, OffsetDateTime occurred,
                          OffsetDateTime now) {
        draftOnly();
        if (sealedAnswersJson == null) {
            throw new IllegalArgumentException("a report has answers, if only none: {}");
        }
        this.sealedAnswers = sealedAnswersJson.clone();
        this.staffNames = staffNamesJson;
        this.patronReferences = patronReferencesJson;
        if (occurred != null) {
            this.occurredAt = Times.stored(occurred);
        }
        this.updatedAt = Times.stored(now);
    }

    /** Who called headquarters, whom they reached and when; part of what the reporter signs. */
    public void recordVerbalReport(String calledBy, String calledTo, OffsetDateTime calledAt, byte[] sealedNote, String recordedBy,
                                   OffsetDateTime now) {
        draftOnly();
        this.verbalCall = new VerbalCall(calledBy, calledTo, Times.stored(calledAt), sealedNote, recordedBy);
        this.updatedAt = Times.stored(now);
    }

    public void submitted(OffsetDateTime at) {
        draftOnly();
        if (needsVerbalReport && verbalCalledAt() == null) {
            throw new IllegalStateException("the verbal report to headquarters is not recorded");
        }
        this.submittedAt = step(IncidentStatus.SUBMITTED, at);
    }

    public void countersigned(OffsetDateTime at) {
        if (status != IncidentStatus.SUBMITTED || countersignedAt != null) {
            throw new IllegalStateException("only a submitted report that is not countersigned can be countersigned");
        }
        this.countersignedAt = step(IncidentStatus.COUNTERSIGNED, at);
    }

    public void distributed(OffsetDateTime at) {
        if (!readyForDistribution() || distributedAt != null) {
            throw new IllegalStateException("the report is not ready for distribution, or already distributed");
        }
        this.distributedAt = step(status.atLeast(IncidentStatus.DISTRIBUTED), at);
    }

    public void acknowledged(OffsetDateTime at) {
        if (!readyForDistribution() || acknowledgedAt != null || closedAt != null) {
            throw new IllegalStateException("the report is not ready to be acknowledged, or already acknowledged");
        }
        this.acknowledgedAt = step(status.atLeast(IncidentStatus.ACKNOWLEDGED), at);
    }

    public void closed(String by, OffsetDateTime at) {
        if (acknowledgedAt == null || closedAt != null) {
            throw new IllegalStateException("only an acknowledged report that is still open can be closed");
        }
        this.closedAt = step(IncidentStatus.CLOSED, at);
        this.closedBy = by;
    }

    /** One step of the workflow: the report moves on to {@code next}, changed at {@code at} as stored (returned). */
    private OffsetDateTime step(IncidentStatus next, OffsetDateTime at) {
        this.status = next;
        this.updatedAt = Times.stored(at);
        return updatedAt;
    }

    /** An addendum was signed: the report is touched (and its version moves), its content stays. */
    public void touched(OffsetDateTime at) {
        this.updatedAt = Times.stored(at);
    }

    /** Set once, when the report is ready for distribution: by then it should have reached its recipients. */
    public void deliverBy(OffsetDateTime deadline) {
        if (deadlineAt == null) {
            this.deadlineAt = Times.stored(deadline);
        }
    }

    /** Still undelivered at its deadline; recorded once. Not a content change: the report stays as signed. */
    public boolean markOverdue(OffsetDateTime at) {
        if (overdueAt != null || distributedAt != null) {
            return false;
        }
        this.overdueAt = Times.stored(at);
        return true;
    }

    /** Signed by the reporter and, where the form asks for it, countersigned. */
    public boolean readyForDistribution() {
        return submittedAt != null && (!needsCountersign || countersignedAt != null);
    }

    public UUID formVersionId() { return formVersionId; }
    public int formVersion() { return formVersion; }
    public String formHash() { return formHash; }
    public String category() { return category; }
    public String branchCode() { return branchCode; }
    public OffsetDateTime occurredAt() { return occurredAt; }
    public String reporterUsername() { return reporterUsername; }
    public String reporterTagName() { return reporterTagName; }
    public String reporterPosition() { return reporterPosition; }
    public byte[] sealedAnswers() { return sealedAnswers == null ? null : sealedAnswers.clone(); }
    public String staffNames() { return staffNames; }
    public String patronReferences() { return patronReferences; }
    public String verbalCalledBy() { return verbalCall == null ? null : verbalCall.calledBy(); }
    public String verbalCalledTo() { return verbalCall == null ? null : verbalCall.calledTo(); }
    public OffsetDateTime verbalCalledAt() { return verbalCall == null ? null : verbalCall.calledAt(); }
    public byte[] sealedVerbalNote() { return verbalCall == null ? null : verbalCall.sealedNote(); }
    public String verbalRecordedBy() { return verbalCall == null ? null : verbalCall.recordedBy(); }
    public IncidentStatus status() { return status; }
    public boolean needsVerbalReport() { return needsVerbalReport; }
    public boolean needsCountersign() { return needsCountersign; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
    public OffsetDateTime submittedAt() { return submittedAt; }
    public OffsetDateTime countersignedAt() { return countersignedAt; }
    public OffsetDateTime distributedAt() { return distributedAt; }
    public OffsetDateTime acknowledgedAt() { return acknowledgedAt; }
    public OffsetDateTime closedAt() { return closedAt; }
    public String closedBy() { return closedBy; }
    public OffsetDateTime deadlineAt() { return deadlineAt; }
    public OffsetDateTime overdueAt() { return overdueAt; }
    public long version() { return version; }
}
