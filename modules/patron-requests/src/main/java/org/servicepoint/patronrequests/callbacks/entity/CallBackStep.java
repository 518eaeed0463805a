package org.servicepoint.patronrequests.callbacks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.StoredTime;
import org.servicepoint.platform.entity.TenantRow;

/** One thing that happened to a call-back: offered, claimed, an attempt with its outcome, handed over. Written once. */
@Entity
@Table(name = "call_back_step")
public class CallBackStep extends TenantRow {

    @Column(name = "call_back_id", nullable = false, updatable = false)
    private UUID callBackId;

    @Column(nullable = false, updatable = false)
    private String step;

    @Column(updatable = false)
    private String outcome;

    @Column(name = "handed_to", updatable = false)
    private String handedTo;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(name = "by_name", nullable = false, updatable = false)
    private String byName;

    protected CallBackStep() {
    }

    public CallBackStep(UUID callBackId, String step, String outcome, String handedTo, Instant at, String byName) {
        super(UUID.randomUUID());
        this.callBackId = callBackId;
        this.step = step;
        this.outcome = outcome;
        this.handedTo = handedTo;
        this.at = StoredTime.stored(at);
        this.byName = byName;
    }

    public UUID callBackId() {
        return callBackId;
    }

    public String step() {
        return step;
    }

    public String outcome() {
        return outcome;
    }

    public String handedTo() {
        return handedTo;
    }

    public Instant at() {
        return at.toInstant();
    }

    public String byName() {
        return byName;
    }
}
