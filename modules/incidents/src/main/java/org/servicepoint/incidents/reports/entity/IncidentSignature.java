package org.servicepoint.incidents.reports.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.incidents.forms.entity.Times;

/**
 * One link of a report's signature chain: who signed, when and why, the hash of the report's content as they
 * signed it, the hash of the signature before, and the hash of all of that. Written once.
 */
@Entity
@Table(name = "incident_signature")
public class IncidentSignature extends ReportEntry {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SignatureKind kind;

    @Column(name = "signer_username", nullable = false)
    private String signerUsername;

    @Column(name = "signer_tag_name")
    private String signerTagName;

    @Column(name = "signer_position")
    private String signerPosition;

    @Column(name = "signed_at", nullable = false)
    private OffsetDateTime signedAt;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Column(name = "previous_hash", nullable = false)
    private String previousHash;

    @Column(nullable = false)
    private String hash;

    protected IncidentSignature() {
    }

    public IncidentSignature(UUID reportId, int seq, SignatureKind kind, String signerUsername, String signerTagName,
                             String signerPosition, OffsetDateTime signedAt, String contentHash, String previousHash, String hash) {
        super(UUID.randomUUID(), reportId, seq);
        if (seq < 1) {
            throw new IllegalArgumentException("signatures count from 1");
        }
        for (String h : new String[] {contentHash, previousHash, hash}) {
            if (h == null || !h.matches("^[0-9a-f]{64}$")) {
                throw new IllegalArgumentException("a signature carries hex SHA-256 hashes");
            }
        }
        this.kind = kind;
        this.signerUsername = signerUsername;
        this.signerTagName = signerTagName;
        this.signerPosition = signerPosition;
        this.signedAt = Times.stored(signedAt);
        this.contentHash = contentHash;
        this.previousHash = previousHash;
        this.hash = hash;
    }

    public SignatureKind kind() { return kind; }
    public String signerUsername() { return signerUsername; }
    public String signerTagName() { return signerTagName; }
    public String signerPosition() { return signerPosition; }
    public OffsetDateTime signedAt() { return signedAt; }
    public String contentHash() { return contentHash; }
    public String previousHash() { return previousHash; }
    public String hash() { return hash; }
}
