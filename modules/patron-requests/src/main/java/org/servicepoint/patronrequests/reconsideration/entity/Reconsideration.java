package org.servicepoint.patronrequests.reconsideration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.eclipse.persistence.annotations.Customizer;
import org.servicepoint.platform.entity.NullableUuidConverter;
import org.servicepoint.platform.entity.NullableUuids;
import org.servicepoint.platform.entity.StoredTime;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A patron's request to reconsider a library item: the item as the library catalogues it, what the patron objects to
 * and asks for (sealed, bound to this row's id, so the id is chosen first), how much of it they read, viewed or heard,
 * and, once the committee has decided, the decision with its reasons. Received → in review → decided, never back.
 */
@Entity
@Table(name = "reconsideration")
@Customizer(NullableUuids.class)
public class Reconsideration extends TenantRow {

    public static final String TABLE = "reconsideration";
    public static final Set<String> FORMATS = Set.of("book", "audio", "video", "ebook", "magazine", "other");
    public static final Set<String> CONSUMED = Set.of("whole", "part", "not");
    public static final Set<String> OUTCOMES = Set.of("keep", "move", "relabel", "withdraw");

    public static final String RECEIVED = "received";
    public static final String IN_REVIEW = "in-review";
    public static final String DECIDED = "decided";

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(name = "branch_code", nullable = false, updatable = false)
    private String branchCode;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(updatable = false)
    private String author;

    @Column(nullable = false, updatable = false)
    private String format;

    @Column(name = "objection", nullable = false)
    private byte[] sealedObjection;

    @Column(nullable = false, updatable = false)
    private String consumed;

    @Column(name = "asks")
    private byte[] sealedAsks;

    @Column(name = "contact_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID contactId;

    @Column(name = "received_at", nullable = false, updatable = false)
    private OffsetDateTime receivedAt;

    @Column(nullable = false)
    private String state;

    private String outcome;

    private String reasons;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Version
    private long version;

    protected Reconsideration() {
    }

    /** The item and the request as checked; the texts already sealed for this id. */
    public Reconsideration(UUID id, String reference, String branchCode, Item item, byte[] sealedObjection, String consumed,
                           byte[] sealedAsks, UUID contactId, Instant receivedAt) {
        super(id);
        if (id == null || reference == null || branchCode == null || item == null || sealedObjection == null
                || !CONSUMED.contains(consumed) || receivedAt == null) {
            throw new IllegalArgumentException("a reconsideration request needs its id, reference, branch, item, objection, "
                    + "what was consumed of the item and when it came");
        }
        this.reference = reference;
        this.branchCode = branchCode;
        this.title = item.title();
        this.author = item.author();
        this.format = item.format();
        this.sealedObjection = sealedObjection;
        this.consumed = consumed;
        this.sealedAsks = sealedAsks;
        this.contactId = contactId;
        this.receivedAt = StoredTime.stored(receivedAt);
        this.state = RECEIVED;
    }

    /** The item as the library catalogues it: no patron data. */
    public record Item(String title, String author, String format) {
        public Item {
            if (title == null || title.isBlank() || !FORMATS.contains(format)) {
                throw new IllegalArgumentException("an item needs a title and one of the formats " + FORMATS);
            }
        }
    }

    /** A step of the review was done: the request is in review from then on (a decided one stays decided). */
    public void reviewed() {
        if (RECEIVED.equals(state)) {
            state = IN_REVIEW;
        }
    }

    /** The committee's decision; decided once. */
    public void decide(String outcome, String reasons, Instant at, String by) {
        if (DECIDED.equals(state)) {
            throw new IllegalStateException("reconsideration " + id() + " is decided already");
        }
        if (!OUTCOMES.contains(outcome) || reasons == null || reasons.isBlank() || at == null || by == null) {
            throw new IllegalArgumentException("a decision needs one of the outcomes " + OUTCOMES + ", reasons, a time and who");
        }
        this.outcome = outcome;
        this.reasons = reasons;
        this.decidedAt = StoredTime.stored(at);
        this.decidedBy = by;
        this.state = DECIDED;
    }

    /** Key rotation: the same texts sealed with the current key. */
    public void reseal(byte[] objection, byte[] asks) {
        this.sealedObjection = objection;
        this.sealedAsks = asks;
    }

    public String reference() { return reference; }
    public String branchCode() { return branchCode; }
    public Item item() { return new Item(title, author, format); }
    public byte[] sealedObjection() { return sealedObjection; }
    public String consumed() { return consumed; }
    public byte[] sealedAsks() { return sealedAsks; }
    public UUID contactId() { return contactId; }
    public OffsetDateTime receivedAt() { return receivedAt; }
    public String state() { return state; }
    public String outcome() { return outcome; }
    public String reasons() { return reasons; }
    public OffsetDateTime decidedAt() { return decidedAt; }
    public String decidedBy() { return decidedBy; }
    public boolean decided() { return DECIDED.equals(state); }
}
