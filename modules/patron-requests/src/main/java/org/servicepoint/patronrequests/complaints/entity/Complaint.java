package org.servicepoint.patronrequests.complaints.entity;

import static org.servicepoint.platform.entity.StoredTime.stored;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.persistence.annotations.Customizer;
import org.servicepoint.platform.entity.NullableUuidConverter;
import org.servicepoint.platform.entity.NullableUuids;
import org.servicepoint.platform.entity.TenantRow;

/**
 * A complaint a patron made, as staff recorded it: where, how it came in, what it is about and what the patron asks
 * for (both sealed: they may describe the patron), the policy it cites as it stood then, the patron's contact (if
 * any, in {@code patron_contact}), who hears of it first, and its way through received, with the director, responded
 * and closed.
 */
@Entity
@Table(name = "complaint")
@Customizer(NullableUuids.class)
public class Complaint extends TenantRow {

    public static final String TABLE = "complaint";

    /** The states, as their wire codes are stored. */
    public static final String RECEIVED = "received";
    public static final String WITH_DIRECTOR = "with-director";
    public static final String RESPONDED = "responded";
    public static final String CLOSED = "closed";

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(nullable = false, updatable = false)
    private int year;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "branch_code", nullable = false, updatable = false)
    private String branchCode;

    @Column(nullable = false, updatable = false)
    private String channel;

    @Column(nullable = false)
    private byte[] about;

    private byte[] asks;

    @Column(name = "policy_key", updatable = false)
    private String policyKey;

    @Column(name = "policy_title", updatable = false)
    private String policyTitle;

    @Column(name = "policy_category", updatable = false)
    private String policyCategory;

    @Column(name = "contact_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID contactId;

    @Column(name = "comment_card_id", updatable = false)
    @Convert(converter = NullableUuidConverter.class)
    private UUID commentCardId;

    @Column(name = "handled_by", updatable = false)
    private String handledBy;

    @Column(nullable = false)
    private String state;

    @Column(name = "received_at", nullable = false, updatable = false)
    private OffsetDateTime receivedAt;

    @Column(name = "due_at", nullable = false, updatable = false)
    private OffsetDateTime dueAt;

    @Column(name = "director_told_at")
    private OffsetDateTime directorToldAt;

    @Column(name = "director_opened_at")
    private OffsetDateTime directorOpenedAt;

    private byte[] response;

    @Column(name = "response_channel")
    private String responseChannel;

    @Column(name = "responded_at")
    private OffsetDateTime respondedAt;

    @Column(name = "responded_by")
    private String respondedBy;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "close_note")
    private byte[] closeNote;

    @Column(name = "overdue_told_at")
    private OffsetDateTime overdueToldAt;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "request_key", updatable = false)
    private String requestKey;

    @Version
    private long version;

    protected Complaint() {
    }

    /** What every complaint has when recorded; the id is chosen first, since the sealed texts are bound to it. */
    public Complaint(UUID id, Number numbered, String branchCode, String channel, byte[] about, byte[] asks, CitedPolicy policy,
                     UUID contactId, UUID commentCardId, String handledBy, Instant receivedAt, Instant dueAt, String recordedBy,
                     String requestKey) {
        super(Objects.requireNonNull(id, "id"));
        this.year = numbered.year();
        this.number = numbered.number();
        this.reference = numbered.reference();
        this.branchCode = Objects.requireNonNull(branchCode, "branch");
        this.channel = Objects.requireNonNull(channel, "channel");
        if (about == null || about.length == 0) {
            throw new IllegalArgumentException("a complaint says what it is about");
        }
        this.about = about.clone();
        this.asks = asks == null ? null : asks.clone();
        if (policy != null) {
            this.policyKey = policy.key();
            this.policyTitle = policy.title();
            this.policyCategory = policy.category();
        }
        this.contactId = contactId;
        this.commentCardId = commentCardId;
        this.handledBy = handledBy;
        this.state = RECEIVED;
        this.receivedAt = stored(Objects.requireNonNull(receivedAt, "received at"));
        this.dueAt = stored(Objects.requireNonNull(dueAt, "due at"));
        this.recordedBy = Objects.requireNonNull(recordedBy, "recorded by");
        this.requestKey = requestKey;
    }

    /** A complaint's number in its library system and year, and the reference the patron is told. */
    public record Number(int year, int number) {
        public Number {
            if (year < 2000 || year > 9999 || number < 1) {
                throw new IllegalArgumentException("complaints are numbered from 1 within a year");
            }
        }

        public String reference() {
            return "C-" + year + "-" + String.format(java.util.Locale.ROOT, "%04d", number);
        }
    }

    /** The policy a complaint is about, as it stood when cited. */
    public record CitedPolicy(String key, String title, String category) {
        public CitedPolicy {
            Objects.requireNonNull(key, "policy key");
            Objects.requireNonNull(title, "policy title");
        }
    }

    public void toldDirector(Instant at) {
        if (directorToldAt == null) {
            directorToldAt = stored(at);
        }
    }

    /** The first read by a holder of the handling position; later reads change nothing. Answers whether it was the first. */
    public boolean openedByDirector(Instant at) {
        if (directorOpenedAt != null) {
            return false;
        }
        directorOpenedAt = stored(at);
        if (RECEIVED.equals(state)) {
            state = WITH_DIRECTOR;
        }
        return true;
    }

    public void respond(byte[] sealedResponse, String channel, Instant at, String by) {
        if (CLOSED.equals(state)) {
            throw new IllegalStateException("a closed complaint is not responded to");
        }
        this.response = Objects.requireNonNull(sealedResponse, "response").clone();
        this.responseChannel = Objects.requireNonNull(channel, "channel");
        this.respondedAt = stored(at);
        this.respondedBy = Objects.requireNonNull(by, "by");
        this.state = RESPONDED;
    }

    public void close(byte[] sealedNote, Instant at, String by) {
        if (CLOSED.equals(state)) {
            throw new IllegalStateException("closed already");
        }
        this.closeNote = sealedNote == null ? null : sealedNote.clone();
        this.closedAt = stored(at);
        this.closedBy = Objects.requireNonNull(by, "by");
        this.state = CLOSED;
    }

    public void toldOverdue(Instant at) {
        overdueToldAt = stored(at);
    }

    /** Key rotation: the same texts sealed with the current key. */
    public void reseal(byte[] about, byte[] asks, byte[] response, byte[] closeNote) {
        this.about = about.clone();
        this.asks = asks == null ? null : asks.clone();
        this.response = response == null ? null : response.clone();
        this.closeNote = closeNote == null ? null : closeNote.clone();
    }

    /** Open: not yet responded to or closed. */
    public boolean waiting() {
        return RECEIVED.equals(state) || WITH_DIRECTOR.equals(state);
    }

    public String reference() { return reference; }
    public int year() { return year; }
    public int number() { return number; }
    public String branchCode() { return branchCode; }
    public String channel() { return channel; }
    public byte[] sealedAbout() { return about.clone(); }
    public byte[] sealedAsks() { return asks == null ? null : asks.clone(); }
    public String policyKey() { return policyKey; }
    public String policyTitle() { return policyTitle; }
    public String policyCategory() { return policyCategory; }
    public UUID contactId() { return contactId; }
    public UUID commentCardId() { return commentCardId; }
    public String handledBy() { return handledBy; }
    public String state() { return state; }
    public OffsetDateTime receivedAt() { return receivedAt; }
    public OffsetDateTime dueAt() { return dueAt; }
    public OffsetDateTime directorToldAt() { return directorToldAt; }
    public OffsetDateTime directorOpenedAt() { return directorOpenedAt; }
    public byte[] sealedResponse() { return response == null ? null : response.clone(); }
    public String responseChannel() { return responseChannel; }
    public OffsetDateTime respondedAt() { return respondedAt; }
    public String respondedBy() { return respondedBy; }
    public OffsetDateTime closedAt() { return closedAt; }
    public String closedBy() { return closedBy; }
    public byte[] sealedCloseNote() { return closeNote == null ? null : closeNote.clone(); }
    public OffsetDateTime overdueToldAt() { return overdueToldAt; }
    public String recordedBy() { return recordedBy; }
    public String requestKey() { return requestKey; }
}
