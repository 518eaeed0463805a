package org.servicepoint.incidents.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;

/**
 * The call to headquarters that a form may require before the reporter signs: who called, whom they reached and
 * when, a note (sealed, it may name a patron) and who recorded it. Part of what the reporter signs; while the report
 * is a draft a new record of the call replaces the old one whole.
 */
@Embeddable
public class VerbalCall {

    @Column(name = "verbal_called_by")
    private String calledBy;

    @Column(name = "verbal_called_to")
    private String calledTo;

    @Column(name = "verbal_called_at")
    private OffsetDateTime calledAt;

    @Column(name = "verbal_note")
    private byte[] sealedNote;

    @Column(name = "verbal_recorded_by")
    private String recordedBy;

    /** For JPA. */
    protected VerbalCall() {
    }

    VerbalCall(String calledBy, String calledTo, OffsetDateTime calledAt, byte[] sealedNote, String recordedBy) {
        this.calledBy = calledBy;
        this.calledTo = calledTo;
        this.calledAt = calledAt;
        this.sealedNote = sealedNote == null ? null : sealedNote.clone();
        this.recordedBy = recordedBy;
    }

    public String calledBy() { return calledBy; }
    public String calledTo() { return calledTo; }
    public OffsetDateTime calledAt() { return calledAt; }
    public byte[] sealedNote() { return sealedNote == null ? null : sealedNote.clone(); }
    public String recordedBy() { return recordedBy; }
}
