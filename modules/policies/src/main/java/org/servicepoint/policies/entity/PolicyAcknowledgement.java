package org.servicepoint.policies.entity;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/** A staff member (by sign-in name) read and acknowledged one version of a policy. Never changed. */
@Entity
@Table(name = "policy_acknowledgement")
public class PolicyAcknowledgement extends TenantRow {

    @Column(name = "policy_id", nullable = false, updatable = false)
    private UUID policyId;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "acknowledged_at", nullable = false, updatable = false)
    private OffsetDateTime acknowledgedAt;

    protected PolicyAcknowledgement() {
    }

    public PolicyAcknowledgement(UUID id, UUID policyId, int version, String username, Instant at) {
        super(Objects.requireNonNull(id, "id"));
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("an acknowledgement names who gave it");
        }
        this.policyId = Objects.requireNonNull(policyId, "policy");
        this.version = version;
        this.username = username;
        this.acknowledgedAt = stored(at);
    }

    public UUID policyId() { return policyId; }
    public int version() { return version; }
    public String username() { return username; }
    public Instant acknowledgedAt() { return acknowledgedAt.toInstant(); }
}
