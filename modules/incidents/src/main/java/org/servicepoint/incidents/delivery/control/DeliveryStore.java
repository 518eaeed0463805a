package org.servicepoint.incidents.delivery.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.servicepoint.confidentiality.control.TextSeal;
import org.servicepoint.incidents.delivery.entity.DeliveryKind;
import org.servicepoint.incidents.delivery.entity.DeliveryStatus;
import org.servicepoint.incidents.delivery.entity.IncidentDelivery;
import org.servicepoint.incidents.forms.control.FormDefinition;
import org.servicepoint.incidents.forms.control.Library;
import org.servicepoint.incidents.forms.entity.Times;
import org.servicepoint.incidents.reports.control.DeliveryCounts;
import org.servicepoint.incidents.reports.control.DeliveryTrail;
import org.servicepoint.incidents.reports.control.ReportFilter;
import org.servicepoint.incidents.reports.entity.IncidentReport;
import org.servicepoint.platform.entity.TenantId;

/**
 * The outbox of incident reports, on an entity manager bound to one library system (except the two look-ups
 * of due work, which go through the database's definer functions and see only ids). A delivery is claimed
 * under a row lock before each send, so two workers (or two application instances) never send the same row at
 * once; a claim has an end, so a send cut off by a crash is tried again, and each claim carries the number of its
 * try, so only the latest try records an outcome. The outbox's timing is the database's clock; deadlines are the
 * library's calendar and use the application's clock.
 */
public final class DeliveryStore implements DeliveryTrail {

    /** Longer than any SMTP send takes; a claim still held after this is taken to be a dead worker's. */
    public static final Duration CLAIM = Duration.ofMinutes(2);

    private final Duration claim;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration longestRetry;

    public DeliveryStore(Clock clock, Duration firstRetry, Duration longestRetry) {
        this(clock, firstRetry, longestRetry, CLAIM);
    }

    public DeliveryStore(Clock clock, Duration firstRetry, Duration longestRetry, Duration claim) {
        this.clock = clock;
        this.claim = claim;
        this.firstRetry = firstRetry;
        this.longestRetry = longestRetry;
    }

    /** For reading the outbox only (a report's trail and counts): the retry and claim durations are the writers'. */
    public static DeliveryStore reading(Clock clock) {
        return new DeliveryStore(clock, CLAIM, CLAIM);
    }

    /** A due row, as the definer functions report it. */
    public record Work(TenantId tenant, UUID id) {
    }

    /** After a successful send: the delivery, and whether that completed the report's distribution. */
    public record Sent(IncidentDelivery delivery, boolean reportDistributed, List<String> positions) {
    }

    /**
     * The outbox write for a report that has just become complete: its deadline, and one delivery per recipient the
     * form's category names (resolved against the roster of today). Planned once; answers the new deliveries.
     * A report that becomes complete after its deadline (signed late) is overdue from that moment: marked, and
     * {@code headquarters} (who receive reports there) get the overdue notice, as for any overdue report. The worker's
     * deadline check alone would miss it, since the report is usually delivered before it looks.
     */
    public List<IncidentDelivery> plan(EntityManager bound, IncidentReport report, FormDefinition form, Library library,
                                       List<Recipient> rosterToday, List<Recipient> headquarters, String messageIdDomain) {
        if (report.deadlineAt() != null) {
            return List.of();
        }
        FormDefinition.Category category = form.category(report.category()).orElseThrow();
        report.deliverBy(Deadlines.deadline(report.occurredAt(), library.zone(), form.deadline()));
        List<Recipient> recipients = DeliveryRecipients.resolve(library.recipients(category), report.branchCode(), rosterToday);
        List<IncidentDelivery> planned = enqueue(bound, report.id(), DeliveryKind.REPORT, recipients, messageIdDomain);
        OffsetDateTime now = now();
        if (!now.isBefore(report.deadlineAt())) {
            overdue(bound, report, now, headquarters, messageIdDomain);
        }
        return planned;
    }

    /**
     * Marks the report overdue (once) and queues the overdue notice to headquarters' recipients who have an address.
     * Answers whether it was marked now.
     */
    public boolean overdue(EntityManager bound, IncidentReport report, OffsetDateTime at, List<Recipient> headquarters,
                           String messageIdDomain) {
        if (!report.markOverdue(at)) {
            return false;
        }
        enqueue(bound, report.id(), DeliveryKind.OVERDUE_NOTICE, headquarters.stream().filter(h -> h.email() != null).toList(),
                messageIdDomain);
        return true;
    }

    /**
     * Writes the deliveries of a report for these recipients, in the caller's transaction (the outbox). Recipients
     * who already have a delivery of this kind for the report are skipped, so enqueueing again is harmless.
     */
    public List<IncidentDelivery> enqueue(EntityManager bound, UUID reportId, DeliveryKind kind, List<Recipient> recipients,
                                          String messageIdDomain) {
        Set<String> existing = new HashSet<>();
        for (IncidentDelivery d : of(bound, reportId)) {
            if (d.kind() == kind) {
                existing.add(d.recipientName() + "\u0000" + d.recipientPosition());
            }
        }
        OffsetDateTime now = now();
        List<IncidentDelivery> added = new ArrayList<>();
        for (Recipient r : recipients) {
            if (!existing.add(r.name() + "\u0000" + r.position())) {
                continue;
            }
            UUID id = UUID.randomUUID();
            String messageId = "<incident-" + reportId + "." + kind.code() + "." + id + "@" + messageIdDomain + ">";
            IncidentDelivery delivery = new IncidentDelivery(reportId, kind, r.staffMemberId(), r.name(), r.position(),
                    r.email(), messageId, now);
            bound.persist(delivery);
            added.add(delivery);
        }
        bound.flush();
        return added;
    }

    /**
     * Queues a notice about no report (its text as {@link DeliveryMessages} wrote it) in the caller's transaction, the
     * outbox write of the change it tells of; the worker sends it like any delivery.
     */
    public IncidentDelivery enqueueNotice(EntityManager bound, DeliveryKind kind, Recipient to, DeliveryMessages.Notice text,
                                          String messageIdDomain) {
        UUID id = UUID.randomUUID();
        IncidentDelivery notice = IncidentDelivery.notice(kind, to.staffMemberId(), to.name(), to.email(), text.subject(),
                text.body(), "<notice." + kind.code() + "." + id + "@" + messageIdDomain + ">", now());
        bound.persist(notice);
        bound.flush();
        return notice;
    }

    /** A mail queued under a key: its delivery's id, and whether this queue added it (false: the key was queued before). */
    public record Keyed(UUID id, boolean added) {
    }

    /**
     * Queues a mail to staff another context asked for, in the caller's transaction, once per key: a key queued before
     * answers that delivery and adds nothing. Plain like a notice: a roster address, no patron data in its text.
     */
    public Keyed enqueueStaffMail(EntityManager bound, String key, Recipient to, DeliveryMessages.Notice text, String messageIdDomain) {
        Optional<UUID> before = keyed(bound, key);
        if (before.isPresent()) {
            return new Keyed(before.get(), false);
        }
        UUID id = UUID.randomUUID();
        IncidentDelivery mail = IncidentDelivery.staffMail(key, to.staffMemberId(), to.name(), to.email(),
                DeliveryMessages.oneLine(text.subject()), text.body(), "<mail.staff-mail." + id + "@" + messageIdDomain + ">", now());
        bound.persist(mail);
        bound.flush();
        return new Keyed(mail.id(), true);
    }

    /**
     * Queues a mail to a patron, in the caller's transaction, once per key. The address, subject and text are sealed
     * with {@code seal}, bound to this table, their column and the delivery's id; the worker opens them only to send.
     */
    public Keyed enqueuePatronMail(EntityManager bound, String key, String email, DeliveryMessages.Notice text, TextSeal seal,
                                   String messageIdDomain) {
        Optional<UUID> before = keyed(bound, key);
        if (before.isPresent()) {
            return new Keyed(before.get(), false);
        }
        UUID id = UUID.randomUUID();
        String table = IncidentDelivery.TABLE;
        IncidentDelivery mail = IncidentDelivery.patronMail(id, key, seal.seal(table, "sealed_email", id, email),
                seal.seal(table, "sealed_subject", id, DeliveryMessages.oneLine(text.subject())),
                seal.seal(table, "sealed_body", id, text.body()), "<mail.patron-mail." + id + "@" + messageIdDomain + ">", now());
        bound.persist(mail);
        bound.flush();
        return new Keyed(id, true);
    }

    private static Optional<UUID> keyed(EntityManager bound, String key) {
        return bound.createQuery("select d.id from IncidentDelivery d where d.mailKey = :key", UUID.class)
                .setParameter("key", key).getResultStream().findFirst();
    }

    /** Queued mails by id (of the bound library system): where each stands. */
    public List<IncidentDelivery> mails(EntityManager bound, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return bound.createQuery("select d from IncidentDelivery d where d.id in :ids and d.mailKey is not null", IncidentDelivery.class)
                .setParameter("ids", ids).getResultList();
    }

    /** A delivery taken for one send: its id and the number of this try, which fences the outcome. */
    public record Claim(UUID id, int attempt) {
    }

    /**
     * Takes a due delivery for one send; empty when it is not due (sent, failed, or held by another worker). The row is
     * locked with {@code SKIP LOCKED}: a row another worker is claiming right now is left to it instead of waited for.
     * Due-ness and the claim's end are the database's clock, so application instances whose clocks differ agree on
     * when a claim has run out.
     */
    public Optional<IncidentDelivery> claim(EntityManager bound, Work work) {
        UUID id = work.id();
        OffsetDateTime now = databaseNow(bound);
        List<?> locked = bound.createNativeQuery("select id from incident_delivery where id = ?1 and tenant_id = ?2 "
                        + "and status in ('PENDING', 'SENDING') and next_attempt_at <= ?3 for update skip locked")
                .setParameter(1, id).setParameter(2, work.tenant().value()).setParameter(3, now).getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        IncidentDelivery delivery = bound.find(IncidentDelivery.class, id);
        if (delivery == null || !delivery.due(now)) {
            return Optional.empty();
        }
        delivery.claim(now, now.plus(claim));
        bound.flush();
        return Optional.of(delivery);
    }

    /**
     * The server took the message. When that was the last of the report's deliveries, the report is distributed.
     * Fenced: only the try that holds the claim now may record it; a worker whose claim ran out (and was taken over by
     * a newer try) changes nothing.
     */
    public Optional<Sent> sent(EntityManager bound, UUID id, int attempt) {
        IncidentDelivery delivery = held(bound, id, attempt);
        if (delivery == null) {
            return Optional.empty();
        }
        OffsetDateTime now = databaseNow(bound);
        delivery.sent(now);
        boolean distributed = false;
        List<String> positions = List.of();
        if (delivery.kind() == DeliveryKind.REPORT) {
            List<IncidentDelivery> all = of(bound, delivery.reportId()).stream().filter(d -> d.kind() == DeliveryKind.REPORT).toList();
            if (all.stream().allMatch(d -> d.status() == DeliveryStatus.SENT)) {
                IncidentReport report = bound.find(IncidentReport.class, delivery.reportId(), LockModeType.PESSIMISTIC_WRITE);
                if (report != null && report.readyForDistribution() && report.distributedAt() == null) {
                    report.distributed(now);
                    distributed = true;
                    positions = all.stream().map(IncidentDelivery::recipientPosition).distinct().toList();
                }
            }
        }
        bound.flush();
        return Optional.of(new Sent(delivery, distributed, positions));
    }

    /**
     * The send failed: again later with a growing pause, or never when the server refused the address. Fenced like
     * {@link #sent}. The error is kept without mail addresses: desk staff see it in the delivery trail.
     */
    public Optional<IncidentDelivery> failed(EntityManager bound, UUID id, int attempt, String error, boolean permanent) {
        IncidentDelivery delivery = held(bound, id, attempt);
        if (delivery == null) {
            return Optional.empty();
        }
        delivery.failed(MailErrors.withoutAddresses(error), permanent ? null : databaseNow(bound).plus(pause(delivery.attempts())));
        bound.flush();
        return Optional.of(delivery);
    }

    /** The delivery, locked, if this try still holds its claim; else null. */
    private static IncidentDelivery held(EntityManager bound, UUID id, int attempt) {
        IncidentDelivery delivery = bound.find(IncidentDelivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.status() != DeliveryStatus.SENDING || delivery.attempts() != attempt) {
            return null;
        }
        return delivery;
    }

    /** The database's time (not the transaction's start): the one clock every application instance shares. */
    static OffsetDateTime databaseNow(EntityManager em) {
        Object now = em.createNativeQuery("select clock_timestamp()").getSingleResult();
        OffsetDateTime at = now instanceof OffsetDateTime o ? o
                : now instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC)
                : now instanceof java.time.Instant i ? i.atOffset(ZoneOffset.UTC)
                : OffsetDateTime.parse(now.toString());
        return Times.stored(at.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** 1st retry after {@code firstRetry}, then twice as long each time, at most {@code longestRetry}. */
    Duration pause(int attempts) {
        Duration pause = firstRetry;
        for (int i = 1; i < attempts && pause.compareTo(longestRetry) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longestRetry) > 0 ? longestRetry : pause;
    }

    /**
     * Headquarters puts failed deliveries back in the queue (after correcting the roster, say): each gets the
     * address the roster has now, and the delivery of a position nobody held goes to whoever holds it now (more
     * holders at the branch get deliveries of their own). Answers how many wait to be sent.
     */
    public int retryFailed(EntityManager bound, IncidentReport report, List<Recipient> rosterToday, String messageIdDomain) {
        Map<UUID, Recipient> people = new HashMap<>();
        rosterToday.forEach(r -> people.put(r.staffMemberId(), r));
        List<IncidentDelivery> all = of(bound, report.id());
        // One copy per person: someone who has (or had) the report through another position gets no second one.
        Set<UUID> served = new HashSet<>();
        all.stream().filter(d -> d.kind() == DeliveryKind.REPORT && d.staffMemberId() != null).forEach(d -> served.add(d.staffMemberId()));
        OffsetDateTime now = now();
        int queued = 0;
        List<Recipient> newcomers = new ArrayList<>();
        for (IncidentDelivery d : all) {
            if (d.status() != DeliveryStatus.FAILED) {
                continue;
            }
            if (d.staffMemberId() != null) {
                Recipient person = people.get(d.staffMemberId());
                if (person != null && person.email() != null) {
                    d.retry(person.email(), now);
                    queued++;
                }
            } else if (d.kind() == DeliveryKind.REPORT) {
                List<Recipient> holders = DeliveryRecipients.resolve(List.of(d.recipientPosition()), report.branchCode(), rosterToday)
                        .stream().filter(r -> r.staffMemberId() != null && served.add(r.staffMemberId())).toList();
                if (holders.isEmpty()) {
                    continue;
                }
                Recipient first = holders.get(0);
                d.reassign(first.staffMemberId(), first.name(), first.email(), now);
                queued += d.status() == DeliveryStatus.PENDING ? 1 : 0;
                newcomers.addAll(holders.subList(1, holders.size()));
            }
        }
        bound.flush();
        for (IncidentDelivery added : enqueue(bound, report.id(), DeliveryKind.REPORT, newcomers, messageIdDomain)) {
            queued += added.status() == DeliveryStatus.PENDING ? 1 : 0;
        }
        return queued;
    }

    public List<IncidentDelivery> of(EntityManager bound, UUID reportId) {
        return bound.createQuery("select d from IncidentDelivery d where d.reportId = :report order by d.createdAt, d.recipientName",
                IncidentDelivery.class).setParameter("report", reportId).getResultList();
    }

    @Override
    public List<Mail> trail(EntityManager bound, UUID reportId) {
        return of(bound, reportId).stream()
                .map(d -> new Mail(d.id(), d.kind().code(), d.recipientName(), d.recipientPosition(), d.email(), d.status().code(),
                        d.attempts(), d.interrupted() > 0, d.createdAt(), d.sentAt(),
                        d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.lastError()))
                .toList();
    }

    @Override
    public String having(String report, ReportFilter.Delivery state, String prefix, Map<String, Object> params) {
        params.put(prefix + "Kind", DeliveryKind.REPORT);
        params.put(prefix + "States", state == ReportFilter.Delivery.PENDING
                ? List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING) : List.of(DeliveryStatus.FAILED));
        return "exists (select d from IncidentDelivery d where d.reportId = " + report + ".id and d.kind = :" + prefix + "Kind"
                + " and d.status in :" + prefix + "States)";
    }

    @Override
    public Map<UUID, DeliveryCounts> counts(EntityManager bound, Collection<UUID> reportIds) {
        Map<UUID, DeliveryCounts> counts = new HashMap<>();
        if (reportIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = bound.createQuery("select d.reportId, d.status, count(d) from IncidentDelivery d "
                        + "where d.reportId in :ids and d.kind = :kind group by d.reportId, d.status", Object[].class)
                .setParameter("ids", reportIds).setParameter("kind", DeliveryKind.REPORT).getResultList();
        for (Object[] row : rows) {
            UUID report = (UUID) row[0];
            DeliveryStatus status = (DeliveryStatus) row[1];
            int n = ((Number) row[2]).intValue();
            DeliveryCounts c = counts.getOrDefault(report, DeliveryCounts.NONE);
            counts.put(report, switch (status) {
                case SENT -> new DeliveryCounts(c.sent() + n, c.pending(), c.failed());
                case PENDING, SENDING -> new DeliveryCounts(c.sent(), c.pending() + n, c.failed());
                case FAILED -> new DeliveryCounts(c.sent(), c.pending(), c.failed() + n);
            });
        }
        return counts;
    }

    /** Due deliveries of every library system, oldest first: ids only. Due by the database's clock. */
    public List<Work> due(EntityManager any, int max) {
        return work(any, "select tenant_id, delivery_id from incident_deliveries_due(?1, ?2)", max, databaseNow(any));
    }

    /** Reports of every library system whose deadline passed undelivered and not yet marked overdue: ids only. */
    public List<Work> newlyOverdue(EntityManager any, int max) {
        return work(any, "select tenant_id, report_id from incident_reports_newly_overdue(?1, ?2)", max, now());
    }

    @SuppressWarnings("unchecked")
    private static List<Work> work(EntityManager any, String sql, int max, OffsetDateTime at) {
        List<Object[]> rows = any.createNativeQuery(sql).setParameter(1, max).setParameter(2, at).getResultList();
        List<Work> work = new ArrayList<>();
        for (Object[] row : rows) {
            Object id = row[1];
            work.add(new Work(new TenantId((String) row[0]), id instanceof UUID u ? u : UUID.fromString(id.toString())));
        }
        return work;
    }

    private OffsetDateTime now() {
        return Times.stored(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
