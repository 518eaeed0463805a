package org.servicepoint.staffing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Who put a row into the schedule (an absence, a shift, a cancellation) and when: written with the row, never
 * changed. The entity checks that someone is named, in its own words.
 */
@Embeddable
public class Recorded {

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    /** For JPA. */
    protected Recorded() {
    }

    private Recorded(OffsetDateTime createdAt, String createdBy) {
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    static Recorded now(String by) {
        return new Recorded(OffsetDateTime.now(ZoneOffset.UTC), by);
    }

    public OffsetDateTime createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
}
