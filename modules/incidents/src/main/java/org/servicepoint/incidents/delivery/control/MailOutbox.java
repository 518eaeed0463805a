package org.servicepoint.incidents.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.servicepoint.confidentiality.control.SealedText;
import org.servicepoint.incidents.delivery.entity.DeliveryStatus;
import org.servicepoint.incidents.delivery.entity.IncidentDelivery;
import org.servicepoint.platform.control.Caller;
import org.servicepoint.platform.control.TenantWork;
import org.servicepoint.platform.entity.TenantId;

/**
 * The outbox for other contexts (decisions 0008 and 0013): a mail to staff at a roster address, or to a patron with
 * the address, subject and text sealed at rest, queued inside the caller's transaction, so it exists exactly when the
 * caller's change committed, and sent once by the delivery worker with its claims, fencing and retries. Each mail has
 * the caller's key, unique per library system: queuing the same key again adds nothing and answers the first mail.
 */
@ApplicationScoped
public class MailOutbox {

    public static final int SUBJECT_MAX = 300;
    public static final int STAFF_BODY_MAX = 4000;
    public static final int PATRON_BODY_MAX = 10000;
    public static final int KEY_MAX = 200;

    @PersistenceContext(unitName = "incidents")
    EntityManager em;

    @Inject
    TenantWork work;

    @Inject
    MailConfig config;

    @Inject
    SealedText sealedText;

    @Inject
    Event<DeliveryWorker.Queued> queued;

    Clock clock = Clock.systemUTC();

    /** Where a queued mail stands: {@code pending} (also while being sent), {@code sent} or {@code failed}. */
    public record MailState(UUID id, String status, Instant sentAt) {
    }

    /**
     * Queues a mail to a member of staff (null {@code email}: it fails at once, visibly). Answers the mail's id, the
     * first one's when {@code key} was queued before.
     */
    @Transactional(TxType.MANDATORY)
    public UUID toStaff(TenantId tenant, String key, UUID staffMemberId, String name, String email, String subject, String body) {
        check(key, subject, body, STAFF_BODY_MAX);
        String who = name == null || name.isBlank() ? "staff" : name.length() > 100 ? name.substring(0, 100) : name;
        DeliveryStore.Keyed mail = config.store(clock).enqueueStaffMail(asSystem(tenant).db(), key,
                new Recipient(staffMemberId, who, null, null, email), new DeliveryMessages.Notice(subject, body), config.messageIdDomain());
        return woken(mail, email != null);
    }

    /** Queues a mail to a patron, sealed at rest and opened only to send. Answers its id (the first one's for a known key). */
    @Transactional(TxType.MANDATORY)
    public UUID toPatron(TenantId tenant, String key, String email, String subject, String body) {
        check(key, subject, body, PATRON_BODY_MAX);
        if (email == null || email.isBlank() || email.length() > 254) {
            throw new IllegalArgumentException("a patron mail needs an address");
        }
        DeliveryStore.Keyed mail = config.store(clock).enqueuePatronMail(asSystem(tenant).db(), key, email.strip(),
                new DeliveryMessages.Notice(subject, body), sealedText.in(tenant, Caller.SYSTEM), config.messageIdDomain());
        return woken(mail, true);
    }

    /** Where the given mails stand (of this library system; others' ids are simply absent). */
    @Transactional(TxType.REQUIRED)
    public Map<UUID, MailState> states(TenantId tenant, Collection<UUID> ids) {
        Map<UUID, MailState> states = new HashMap<>();
        for (IncidentDelivery d : config.store(clock).mails(asSystem(tenant).db(), ids)) {
            states.put(d.id(), state(d));
        }
        return states;
    }

    static MailState state(IncidentDelivery d) {
        String status = d.status() == DeliveryStatus.SENT ? "sent" : d.status() == DeliveryStatus.FAILED ? "failed" : "pending";
        return new MailState(d.id(), status, d.sentAt() == null ? null : d.sentAt().toInstant());
    }

    private UUID woken(DeliveryStore.Keyed mail, boolean sendable) {
        if (mail.added() && sendable) {
            queued.fire(new DeliveryWorker.Queued(1));
        }
        return mail.id();
    }

    private static void check(String key, String subject, String body, int bodyMax) {
        if (key == null || key.isBlank() || key.length() > KEY_MAX) {
            throw new IllegalArgumentException("a queued mail has a key of 1 to " + KEY_MAX + " characters");
        }
        if (subject == null || subject.isBlank() || subject.length() > SUBJECT_MAX || body == null || body.length() > bodyMax) {
            throw new IllegalArgumentException("a queued mail has a subject of at most " + SUBJECT_MAX + " and a text of at most "
                    + bodyMax + " characters");
        }
    }

    /** The outbox is written for no person: as the system, inside the caller's transaction. */
    private TenantWork.Acting asSystem(TenantId tenant) {
        return work.actFor(em, tenant, Caller.SYSTEM);
    }
}
