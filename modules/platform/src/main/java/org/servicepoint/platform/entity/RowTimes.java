package org.servicepoint.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * When a row was made and when it last changed ({@code created_at}, {@code updated_at}), for the entities that keep
 * both: a library system, a branch, a staff member. A value: a change replaces it with {@link #touched()}, so the
 * entity sees one attribute change however EclipseLink tracks changes.
 */
@Embeddable
public class RowTimes {

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    /** For JPA. */
    protected RowTimes() {
    }

    private RowTimes(OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A row made now. */
    public static RowTimes now() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return new RowTimes(now, now);
    }

    /** The same row, changed now. */
    public RowTimes touched() {
        return new RowTimes(createdAt, OffsetDateTime.now(ZoneOffset.UTC));
    }

    public Instant createdAt() { return createdAt.toInstant(); }
    public Instant updatedAt() { return updatedAt.toInstant(); }
}
