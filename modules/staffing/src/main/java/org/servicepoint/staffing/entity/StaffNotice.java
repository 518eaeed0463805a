package org.servicepoint.staffing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.persistence.annotations.Customizer;
import org.servicepoint.platform.entity.NullableUuidConverter;
import org.servicepoint.platform.entity.NullableUuids;
import org.servicepoint.platform.entity.TenantRow;

/** An in-app notice to a staff member, e.g. "Ann decided about a difficult situation in your absence". */
@Entity
@Table(name = "staff_notice")
@Customizer(NullableUuids.class)
public class StaffNotice extends TenantRow {

    @Column(name = "staff_member_id", nullable = false)
    private UUID staffMemberId;

    /** The recipient's sign-in name, so they find their notices; null for someone who never signs in. */
    private String username;

    @Column(nullable = false)
    private String text;

    /** Null for a notice that no escalation caused (an overdue incident report, say). */
    @Column(name = "escalation_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID escalationId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected StaffNotice() {
    }

    public StaffNotice(UUID staffMemberId, String username, String text, UUID escalationId) {
        super(UUID.randomUUID());
        this.staffMemberId = staffMemberId;
        this.username = username;
        this.text = text;
        this.escalationId = escalationId;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public void markRead() {
        if (readAt == null) {
            readAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    public UUID staffMemberId() { return staffMemberId; }
    public String username() { return username; }
    public String text() { return text; }
    public UUID escalationId() { return escalationId; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime readAt() { return readAt; }
}
