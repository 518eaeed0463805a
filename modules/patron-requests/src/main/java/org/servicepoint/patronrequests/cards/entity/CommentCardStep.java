package org.servicepoint.patronrequests.cards.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.servicepoint.platform.entity.StoredTime;
import org.servicepoint.platform.entity.TenantRow;

/** One step staff took on a comment card (thanked, replied, …): when and by whom, never any words. */
@Entity
@Table(name = "comment_card_step")
public class CommentCardStep extends TenantRow {

    @Column(name = "card_id", nullable = false, updatable = false)
    private UUID cardId;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(nullable = false, updatable = false)
    private String step;

    @Column(name = "by_name", nullable = false, updatable = false)
    private String byName;

    protected CommentCardStep() {
    }

    public CommentCardStep(UUID cardId, Instant at, String step, String byName) {
        super(UUID.randomUUID());
        this.cardId = cardId;
        this.at = StoredTime.stored(at);
        this.step = step;
        this.byName = byName;
    }

    public Instant at() { return at.toInstant(); }
    public String step() { return step; }
    public String byName() { return byName; }
}
