package org.servicepoint.incidents.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.incidents.forms.entity.Times;

/**
 * A correction or later fact added to a signed report; written once and signed by its author. Its text is kept
 * sealed with the tenant's data key, bound to this row: the id is chosen before the text is sealed.
 */
@Entity
@Table(name = "incident_addendum")
public class IncidentAddendum extends ReportEntry {

    @Column(name = "text", nullable = false)
    private byte[] sealedText;

    @Column(name = "author_username", nullable = false)
    private String authorUsername;

    @Column(name = "author_tag_name")
    private String authorTagName;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "signature_seq", nullable = false)
    private int signatureSeq;

    protected IncidentAddendum() {
    }

    public IncidentAddendum(UUID id, UUID reportId, int seq, byte[] sealedText, String authorUsername, String authorTagName,
                            OffsetDateTime createdAt, int signatureSeq) {
        super(id, reportId, seq);
        if (seq < 1 || signatureSeq < 2) {
            throw new IllegalArgumentException("addenda count from 1 and are signed after the reporter's signature");
        }
        if (id == null || sealedText == null || sealedText.length == 0) {
            throw new IllegalArgumentException("an addendum has an id and says something");
        }
        this.sealedText = sealedText.clone();
        this.authorUsername = authorUsername;
        this.authorTagName = authorTagName;
        this.createdAt = Times.stored(createdAt);
        this.signatureSeq = signatureSeq;
    }

    public byte[] sealedText() { return sealedText.clone(); }
    public String authorUsername() { return authorUsername; }
    public String authorTagName() { return authorTagName; }
    public OffsetDateTime createdAt() { return createdAt; }
    public int signatureSeq() { return signatureSeq; }
}
