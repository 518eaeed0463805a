package org.servicepoint.confidentiality.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;
import org.servicepoint.platform.entity.TenantRow;

/** One person a disclosure request was routed to: only they see it in full and decide it. */
@Entity
@Table(name = "disclosure_request_decider")
public class DisclosureDecider extends TenantRow {

    @Column(name = "disclosure_request_id", nullable = false, updatable = false)
    private UUID requestId;

    @Column(nullable = false, updatable = false)
    private String username;

    protected DisclosureDecider() {
    }

    public DisclosureDecider(UUID requestId, String username) {
        super(UUID.randomUUID());
        if (requestId == null || username == null || username.isBlank()) {
            throw new IllegalArgumentException("a decider needs the request and a username");
        }
        this.requestId = requestId;
        this.username = username;
    }

    public UUID requestId() { return requestId; }
    public String username() { return username; }
}
