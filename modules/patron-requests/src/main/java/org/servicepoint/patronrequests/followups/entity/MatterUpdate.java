package org.servicepoint.patronrequests.followups.entity;

import org.servicepoint.patronrequests.entity.ContactChannel;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Customizer;
import org.servicepoint.patronrequests.entity.MatterRef;
import org.servicepoint.patronrequests.control.PatronUpdate;
import org.servicepoint.platform.entity.NullableUuidConverter;
import org.servicepoint.platform.entity.NullableUuids;
import org.servicepoint.platform.entity.StoredTime;

/**
 * One contact with the patron about a matter: by email (then {@code mailId} names the mail in the incidents outbox), by
 * phone or in person. The text is sealed, bound to this row's id (so the id is chosen first).
 */
@Entity
@Table(name = "matter_update")
@Customizer(NullableUuids.class)
public class MatterUpdate extends MatterRow {

    public static final String TABLE = "matter_update";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactChannel channel;

    @Column(nullable = false)
    private String template;

    @Column(nullable = false)
    private byte[] text;

    @Column(name = "made_by", nullable = false)
    private String madeBy;

    @Column(name = "made_at", nullable = false)
    private OffsetDateTime madeAt;

    @Column(name = "mail_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID mailId;

    @Column(name = "update_key")
    private String updateKey;

    /** Days kept after it was made, from patron-requests.yaml when it was written (the purge's own period). */
    @Column(name = "retain_days", nullable = false)
    private int retainDays;

    protected MatterUpdate() {
    }

    public MatterUpdate(UUID id, MatterRef matter, String branch, ContactChannel channel, String template,
                        byte[] text, String madeBy, Instant madeAt, String updateKey, UUID mailId, int retainDays) {
        super(id, matter, branch);
        if (id == null || text == null) {
            throw new IllegalArgumentException("an update has its id and its sealed text");
        }
        this.channel = channel;
        this.template = template;
        this.text = text;
        this.madeBy = madeBy;
        this.madeAt = StoredTime.stored(madeAt);
        this.updateKey = updateKey;
        this.mailId = mailId;
        this.retainDays = retainDays;
    }

    /** Key rotation: the same text sealed with the current key. */
    public void reseal(byte[] sealed) {
        this.text = sealed;
    }

    public ContactChannel channel() { return channel; }
    public String template() { return template; }
    public byte[] text() { return text; }
    public String madeBy() { return madeBy; }
    public OffsetDateTime madeAt() { return madeAt; }
    public UUID mailId() { return mailId; }
    public String updateKey() { return updateKey; }
}
