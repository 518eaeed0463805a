package org.servicepoint.incidents.delivery.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.Customizer;
import org.servicepoint.platform.entity.NullableUuidConverter;
import org.servicepoint.platform.entity.NullableUuids;
import org.servicepoint.platform.entity.TenantRow;

/**
 * One message of the outbox: a signed report (or an overdue notice) for one person. Written in the transaction
 * that makes the report ready for distribution; the delivery worker moves it from PENDING to SENT.
 */
@Entity
@Table(name = "incident_delivery")
@Customizer(NullableUuids.class)
public class IncidentDelivery extends TenantRow {

    public static final int ERROR_MAX = 500;

    /** The table a patron mail's sealed address, subject and text are bound to (with their column and row). */
    public static final String TABLE = "incident_delivery";

    /** Null for a notice about no report. */
    @Column(name = "report_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID reportId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryKind kind;

    /** Null for a position nobody holds. */
    @Column(name = "staff_member_id")
    @Convert(converter = NullableUuidConverter.class)
    private UUID staffMemberId;

    @Column(name = "recipient_name", nullable = false)
    private String recipientName;

    @Column(name = "recipient_position", nullable = false)
    private String recipientPosition;

    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(nullable = false)
    private int interrupted;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    /** A notice's own subject and text, written when it is queued; null for a report's deliveries. */
    private String subject;

    private String body;

    /** The caller's idempotency key of a mail another context queued; unique per library system. */
    @Column(name = "mail_key")
    private String mailKey;

    /** A patron mail's address, subject and text, sealed; emptied once it was sent or refused for good. */
    @Column(name = "sealed_email")
    private byte[] sealedEmail;

    @Column(name = "sealed_subject")
    private byte[] sealedSubject;

    @Column(name = "sealed_body")
    private byte[] sealedBody;

    @Version
    private long version;

    protected IncidentDelivery() {
    }

    public IncidentDelivery(UUID reportId, DeliveryKind kind, UUID staffMemberId, String recipientName, String recipientPosition,
                            String email, String messageId, OffsetDateTime now) {
        this(UUID.randomUUID(), reportId, kind, staffMemberId, recipientName, recipientPosition, email, messageId, now);
    }

    private IncidentDelivery(UUID id, UUID reportId, DeliveryKind kind, UUID staffMemberId, String recipientName,
                             String recipientPosition, String email, String messageId, OffsetDateTime now) {
        super(id);
        this.reportId = reportId;
        this.kind = kind;
        this.staffMemberId = staffMemberId;
        this.recipientName = recipientName;
        this.recipientPosition = recipientPosition;
        this.email = email;
        this.messageId = messageId;
        this.createdAt = now;
        this.nextAttemptAt = now;
        this.status = DeliveryStatus.PENDING;
        if (email == null) {
            // Nothing to try: visible to headquarters at once, and overdue at the deadline.
            this.status = DeliveryStatus.FAILED;
            this.lastError = "no email address on the roster for " + recipientName;
        }
    }

    /** A notice about no report, to one person at one address, with its text as it will be sent. */
    public static IncidentDelivery notice(DeliveryKind kind, UUID staffMemberId, String recipientName, String email,
                                          String subject, String body, String messageId, OffsetDateTime now) {
        if (kind.aboutReport() || subject == null || body == null) {
            throw new IllegalArgumentException("a notice has a kind of its own, a subject and a text");
        }
        IncidentDelivery notice = new IncidentDelivery(null, kind, staffMemberId, recipientName, kind.code(), email, messageId, now);
        notice.subject = subject;
        notice.body = body;
        return notice;
    }

    /** A mail to staff another context queued under {@code key}: plain like a notice (a roster address, no patron data). */
    public static IncidentDelivery staffMail(String key, UUID staffMemberId, String recipientName, String email, String subject,
                                             String body, String messageId, OffsetDateTime now) {
        IncidentDelivery mail = notice(DeliveryKind.STAFF_MAIL, staffMemberId, recipientName, email, subject, body, messageId, now);
        mail.mailKey = requireKey(key);
        return mail;
    }

    /**
     * A mail to a patron another context queued under {@code key}. Its id is chosen first because the sealed address,
     * subject and text are bound to it; nothing of it is stored in the clear.
     */
    public static IncidentDelivery patronMail(UUID id, String key, byte[] sealedEmail, byte[] sealedSubject, byte[] sealedBody,
                                              String messageId, OffsetDateTime now) {
        if (sealedEmail == null || sealedSubject == null || sealedBody == null) {
            throw new IllegalArgumentException("a patron mail has a sealed address, subject and text");
        }
        IncidentDelivery mail = new IncidentDelivery(id, null, DeliveryKind.PATRON_MAIL, null, "patron", DeliveryKind.PATRON_MAIL.code(),
                null, messageId, now);
        // The constructor takes a missing roster address for a failure; a patron's address is sealed instead.
        mail.status = DeliveryStatus.PENDING;
        mail.lastError = null;
        mail.mailKey = requireKey(key);
        mail.sealedEmail = sealedEmail;
        mail.sealedSubject = sealedSubject;
        mail.sealedBody = sealedBody;
        return mail;
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("a queued mail has a key of 1 to 200 characters");
        }
        return key;
    }


    /** Once a patron mail was sent or refused for good, nothing readable of the patron stays. */
    private void forgetPatron() {
        if (kind == DeliveryKind.PATRON_MAIL && (status == DeliveryStatus.SENT || status == DeliveryStatus.FAILED)) {
            sealedEmail = null;
            sealedSubject = null;
            sealedBody = null;
        }
    }

    /** Takes the delivery for one send until {@code until}; a claim that ran out means the last try was cut off. */
    public void claim(OffsetDateTime now, OffsetDateTime until) {
        if (status == DeliveryStatus.SENDING) {
            interrupted++;
        }
        status = DeliveryStatus.SENDING;
        attempts++;
        nextAttemptAt = until;
    }

    public void sent(OffsetDateTime at) {
        status = DeliveryStatus.SENT;
        sentAt = at;
        lastError = null;
        forgetPatron();
    }

    /** A try that failed: again at {@code retryAt}, or never ({@code retryAt} null) when the server refused the address. */
    public void failed(String error, OffsetDateTime retryAt) {
        lastError = error == null ? null : error.length() > ERROR_MAX ? error.substring(0, ERROR_MAX) : error;
        if (retryAt == null) {
            status = DeliveryStatus.FAILED;
            forgetPatron();
        } else {
            status = DeliveryStatus.PENDING;
            nextAttemptAt = retryAt;
        }
    }

    /**
     * The delivery of a position nobody held: whoever holds it now takes it over. It was never sent, so its Message-ID
     * is unused. Without an address on the roster it stays failed, now naming the person.
     */
    public void reassign(UUID holder, String name, String newEmail, OffsetDateTime now) {
        if (status != DeliveryStatus.FAILED || staffMemberId != null) {
            return;
        }
        staffMemberId = holder;
        recipientName = name;
        email = newEmail;
        if (newEmail == null) {
            lastError = "no email address on the roster for " + name;
            return;
        }
        status = DeliveryStatus.PENDING;
        nextAttemptAt = now;
        lastError = null;
    }

    /** Headquarters queues a failed delivery again, with the address the roster has now. */
    public void retry(String newEmail, OffsetDateTime now) {
        if (status != DeliveryStatus.FAILED) {
            return;
        }
        email = newEmail;
        status = DeliveryStatus.PENDING;
        nextAttemptAt = now;
        lastError = null;
    }

    public boolean due(OffsetDateTime now) {
        return (status == DeliveryStatus.PENDING || status == DeliveryStatus.SENDING) && !nextAttemptAt.isAfter(now);
    }

    public UUID reportId() { return reportId; }
    public DeliveryKind kind() { return kind; }
    public String subject() { return subject; }
    public String body() { return body; }
    public String mailKey() { return mailKey; }
    public byte[] sealedEmail() { return sealedEmail; }
    public byte[] sealedSubject() { return sealedSubject; }
    public byte[] sealedBody() { return sealedBody; }
    public UUID staffMemberId() { return staffMemberId; }
    public String recipientName() { return recipientName; }
    public String recipientPosition() { return recipientPosition; }
    public String email() { return email; }
    public DeliveryStatus status() { return status; }
    public int attempts() { return attempts; }
    public OffsetDateTime nextAttemptAt() { return nextAttemptAt; }
    public String lastError() { return lastError; }
    public int interrupted() { return interrupted; }
    public String messageId() { return messageId; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime sentAt() { return sentAt; }
    public long version() { return version; }
}
